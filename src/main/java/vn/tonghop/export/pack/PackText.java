package vn.tonghop.export.pack;

import java.util.MissingResourceException;
import vn.tonghop.validate.Messages;

/** The pack's wording, from the message bundle ({@code pack.*} keys), in the configured language. */
public final class PackText {

    private final Messages messages;

    public PackText(Messages messages) {
        this.messages = messages;
    }

    public String get(String key, Object... args) {
        return messages.get("pack." + key, args);
    }

    /** The wording of {@code pack.<key>}, or {@code fallback} when the bundle has none (a group or rate added in jobs/). */
    public String orElse(String key, String fallback) {
        try {
            return messages.get("pack." + key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
