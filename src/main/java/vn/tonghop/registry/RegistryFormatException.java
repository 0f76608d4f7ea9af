package vn.tonghop.registry;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A registry file tonghop cannot import. The reason is a message-bundle key with its arguments, so the command line
 * can say it in the configured language; {@link #getMessage()} is the Vietnamese text.
 */
public final class RegistryFormatException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    public RegistryFormatException(String key, Object... args) {
        super(vietnamese(key, args));
        this.key = key;
        this.args = args.clone();
    }

    /** The message-bundle key of the reason ({@code registry.*}). */
    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    private static String vietnamese(String key, Object[] args) {
        String pattern = ResourceBundle.getBundle("messages/tonghop", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] == null ? "" : String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(texts);
    }
}
