package vn.tonghop.validate;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The message bundle: Vietnamese by default, English with {@code tonghop.language=en}. */
public final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(String language) {
        this.locale = language == null || language.isBlank() || language.startsWith("vi") ? Locale.ROOT : Locale.forLanguageTag(language);
        this.bundle = ResourceBundle.getBundle("messages/tonghop", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages vietnamese() {
        return new Messages("vi");
    }

    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] == null ? "" : String.valueOf(args[i]); // no locale number formatting: codes stay as typed
        }
        return new MessageFormat(pattern, locale).format(texts);
    }
}
