package vn.tonghop.validate;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import vn.tonghop.normalise.Period;

/** The message bundle: Vietnamese by default, English with {@code tonghop.language=en}. */
public final class Messages {

    private static final String[] ROMAN = {"", "I", "II", "III", "IV"};

    private final ResourceBundle bundle;
    private final Locale locale;
    /**
     * Each key's pattern parsed once (the report step words a message for every issue of every file): a copy of it
     * formats, since a {@code MessageFormat} is not safe for threads to share.
     */
    private final ConcurrentHashMap<String, MessageFormat> formats = new ConcurrentHashMap<>();

    public Messages(String language) {
        this.locale = language == null || language.isBlank() || language.startsWith("vi") ? Locale.ROOT : Locale.forLanguageTag(language);
        this.bundle = ResourceBundle.getBundle("messages/tonghop", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages vietnamese() {
        return new Messages("vi");
    }

    /** True when the bundle has the key (optional texts, such as the advice for an issue code). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text of {@code key}, or {@code fallback} when the bundle has none (a job's or a state's name, for example). */
    public String getOrDefault(String key, String fallback) {
        return has(key) ? get(key) : fallback;
    }

    /** A period as reports name it, in the configured language: "năm 2023", "quý III/2022", "tháng 11/2023". */
    public String period(Period period) {
        String number = switch (period.type()) {
            case QUARTER -> ROMAN[period.number()];
            default -> Integer.toString(period.number());
        };
        String key = "period." + period.type().name() + (period.type() == vn.tonghop.normalise.PeriodType.HALF_YEAR ? "." + period.number() : "");
        return get(key, Integer.toString(period.year()), number);
    }

    public String get(String key, Object... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = args[i] == null ? "" : String.valueOf(args[i]); // no locale number formatting: codes stay as typed
        }
        MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
        return ((MessageFormat) format.clone()).format(texts);
    }
}
