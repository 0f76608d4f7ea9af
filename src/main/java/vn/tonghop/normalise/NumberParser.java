package vn.tonghop.normalise;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a number as Vietnamese clerks write it: dot for thousands and comma for decimals ({@code 1.800},
 * {@code 158.000}, {@code 2,5}, {@code 1.800,5}), leading zeros ({@code 07}), spaces or no-break spaces between
 * thousands ({@code 1 800}), amounts in words of scale ({@code 100 triệu}, {@code 1,5 tỷ}, {@code 5 nghìn}) with or
 * without a currency word ({@code đồng}, {@code đ}, {@code VNĐ}), fractions ({@code 10/10}: numerator and
 * denominator), and what Excel renders ({@code 1800}, {@code 2.5}, {@code 1.5E3}).
 *
 * <p>How a single separator is read, since {@code 1.800} and {@code 2.5} must both come out right:
 * <ul>
 *   <li>one dot followed by exactly three digits, after one to three digits not starting a {@code 0.}: thousands
 *       ({@code 1.800} = 1800); any other single dot is a decimal point ({@code 2.5}, {@code 1234.5}, {@code 0.500});</li>
 *   <li>one comma is always a decimal comma ({@code 2,5}, and also {@code 1,800} = 1.8: the Vietnamese reading);</li>
 *   <li>several dots, or several commas, must be three-digit groups ({@code 100.000.000}, {@code 1,234,567});</li>
 *   <li>both: the last one is the decimal mark, the other must group thousands ({@code 1.800,5}, {@code 1,800.5}).</li>
 * </ul>
 * A negative number is returned as such: whether it is allowed is a rule, checked downstream.
 */
public final class NumberParser {

    /** Longer cells are notes, not numbers; the limit also keeps the patterns below cheap. */
    private static final int MAX_LENGTH = 64;

    private static final Pattern DASHES = Pattern.compile("[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212]+");
    private static final Pattern CURRENCY = Pattern.compile("(?<![a-z])(?:vnd|dong|d)\\.?$");
    /** Excel's rendering of large or small numbers; the exponent is bounded so that no cell becomes a huge number. */
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(?:[.,]\\d+)?e[+-]?\\d{1,2}");
    private static final Pattern SIGNED_SCIENTIFIC = Pattern.compile("[+-]? ?\\d+(?:[.,]\\d+)?e[+-]?\\d{1,2}");
    private static final Pattern SCALED_PART =
            Pattern.compile("\\s*([+-]?\\s*[0-9][0-9., ]*?)\\s*(trieu|tr|ty|ti|nghin|ngan)(?![a-z])\\s*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SPACE_GROUPED = Pattern.compile("(\\d{1,3}(?: \\d{3})+)([.,]\\d+)?");
    private static final Pattern ONE_DOT_THOUSANDS = Pattern.compile("\\d{1,3}\\.\\d{3}");
    private static final Pattern DECIMAL_DOT = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("\\d+,\\d+");
    private static final Pattern DOT_GROUPS = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+");
    private static final Pattern COMMA_GROUPS = Pattern.compile("\\d{1,3}(?:,\\d{3})+");
    private static final Pattern DOT_GROUPS_COMMA_DECIMAL = Pattern.compile("\\d{1,3}(?:\\.\\d{3})+,\\d+");
    private static final Pattern COMMA_GROUPS_DOT_DECIMAL = Pattern.compile("\\d{1,3}(?:,\\d{3})+\\.\\d+");

    private final TextKey textKey = new TextKey();

    /** Parses one cell; never throws. */
    public ParsedNumber parse(String cell) {
        if (cell == null) {
            return new ParsedNumber.Empty();
        }
        if (isShortDigitString(cell)) {
            // The common case by far (a count typed or stored as such): no normalisation needed.
            return new ParsedNumber.Value(BigDecimal.valueOf(Long.parseLong(cell)), null);
        }
        String s = cleanSpaces(cell);
        if (s.isEmpty() || DASHES.matcher(s).matches()) {
            return new ParsedNumber.Empty();
        }
        if (s.length() > MAX_LENGTH) {
            return new ParsedNumber.Invalid("too long to be a number (" + s.length() + " characters)");
        }
        s = textKey.fold(s).replace('\u2212', '-');
        Matcher currency = CURRENCY.matcher(s);
        if (currency.find()) {
            s = s.substring(0, currency.start()).strip();
            if (s.isEmpty()) {
                return new ParsedNumber.Invalid("a currency word without a number");
            }
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            return fraction(s, slash);
        }
        if (hasLetter(s) && !SIGNED_SCIENTIFIC.matcher(s).matches()) {
            return scaled(s);
        }
        return signed(s);
    }

    /** True when {@code value} has no fractional part ({@code 1800}, {@code 2.0}); false for {@code 2.5}. */
    public static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private ParsedNumber fraction(String s, int slash) {
        String numerator = s.substring(0, slash).strip();
        String denominator = s.substring(slash + 1).strip();
        if (numerator.isEmpty() || denominator.isEmpty()) {
            return new ParsedNumber.Invalid("fraction '" + s + "' lacks a numerator or a denominator");
        }
        if (denominator.indexOf('/') >= 0) {
            return new ParsedNumber.Invalid("more than one '/' in '" + s + "'");
        }
        ParsedNumber top = signed(numerator);
        if (!(top instanceof ParsedNumber.Value topValue)) {
            return top;
        }
        ParsedNumber bottom = signed(denominator);
        if (!(bottom instanceof ParsedNumber.Value bottomValue)) {
            return bottom;
        }
        if (bottomValue.value().signum() <= 0) {
            return new ParsedNumber.Invalid("the denominator of '" + s + "' is not positive");
        }
        return new ParsedNumber.Value(topValue.value(), bottomValue.value());
    }

    /** {@code 100 trieu}, {@code 1,5 ty}, {@code 1 ty 500 trieu}: parts with strictly decreasing scale words. */
    private ParsedNumber scaled(String s) {
        Matcher part = SCALED_PART.matcher(s);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal previousScale = null;
        int position = 0;
        while (position < s.length()) {
            part.region(position, s.length());
            if (!part.lookingAt()) {
                return new ParsedNumber.Invalid("not a number: '" + s + "'");
            }
            String digits = part.group(1);
            if (previousScale != null && (digits.startsWith("+") || digits.startsWith("-"))) {
                return new ParsedNumber.Invalid("a sign inside '" + s + "'");
            }
            BigDecimal scale = scaleOf(part.group(2));
            if (previousScale != null && scale.compareTo(previousScale) >= 0) {
                return new ParsedNumber.Invalid("scale words out of order in '" + s + "'");
            }
            ParsedNumber number = signed(digits.strip());
            if (!(number instanceof ParsedNumber.Value value)) {
                return number;
            }
            BigDecimal amount = value.value().multiply(scale);
            total = previousScale == null || total.signum() >= 0 ? total.add(amount) : total.subtract(amount);
            previousScale = scale;
            position = part.end();
        }
        return new ParsedNumber.Value(normalise(total), null);
    }

    private static BigDecimal scaleOf(String word) {
        return switch (word) {
            case "ty", "ti" -> BigDecimal.TEN.pow(9);
            case "trieu", "tr" -> BigDecimal.TEN.pow(6);
            default -> BigDecimal.TEN.pow(3);
        };
    }

    private static ParsedNumber signed(String s) {
        boolean negative = false;
        String body = s;
        if (body.startsWith("-") || body.startsWith("+")) {
            negative = body.charAt(0) == '-';
            body = body.substring(1).strip();
        }
        if (body.isEmpty()) {
            return new ParsedNumber.Invalid("a sign without a number");
        }
        ParsedNumber unsigned = unsigned(body);
        if (negative && unsigned instanceof ParsedNumber.Value value) {
            return new ParsedNumber.Value(normalise(value.value().negate()), null);
        }
        return unsigned;
    }

    private static ParsedNumber unsigned(String s) {
        if (DIGITS.matcher(s).matches()) {
            return value(s);
        }
        if (SCIENTIFIC.matcher(s).matches()) {
            return value(s.replace(',', '.'));
        }
        if (s.indexOf(' ') >= 0) {
            Matcher grouped = SPACE_GROUPED.matcher(s);
            if (!grouped.matches()) {
                return new ParsedNumber.Invalid("spaces in '" + s + "' do not separate groups of three digits");
            }
            String decimals = grouped.group(2) == null ? "" : "." + grouped.group(2).substring(1);
            return value(grouped.group(1).replace(" ", "") + decimals);
        }
        int dots = count(s, '.');
        int commas = count(s, ',');
        if (dots + commas == 0 || !onlyDigitsAndSeparators(s)) {
            return new ParsedNumber.Invalid("not a number: '" + s + "'");
        }
        if (dots > 0 && commas > 0) {
            if (DOT_GROUPS_COMMA_DECIMAL.matcher(s).matches()) {
                return value(s.replace(".", "").replace(',', '.'));
            }
            if (COMMA_GROUPS_DOT_DECIMAL.matcher(s).matches()) {
                return value(s.replace(",", ""));
            }
            return new ParsedNumber.Invalid("dots and commas in '" + s + "' do not form a number");
        }
        if (dots == 1) {
            if (ONE_DOT_THOUSANDS.matcher(s).matches() && !s.startsWith("0.")) {
                return value(s.replace(".", ""));
            }
            if (DECIMAL_DOT.matcher(s).matches()) {
                return value(s);
            }
            return new ParsedNumber.Invalid("a dot without digits on both sides in '" + s + "'");
        }
        if (commas == 1) {
            if (DECIMAL_COMMA.matcher(s).matches()) {
                return value(s.replace(',', '.'));
            }
            return new ParsedNumber.Invalid("a comma without digits on both sides in '" + s + "'");
        }
        if (dots > 1 && DOT_GROUPS.matcher(s).matches()) {
            return value(s.replace(".", ""));
        }
        if (commas > 1 && COMMA_GROUPS.matcher(s).matches()) {
            return value(s.replace(",", ""));
        }
        return new ParsedNumber.Invalid("separators in '" + s + "' do not separate groups of three digits");
    }

    private static ParsedNumber.Value value(String plain) {
        return new ParsedNumber.Value(normalise(new BigDecimal(plain)), null);
    }

    /** No trailing zeros and never a negative scale, so that {@code 1.800} is 1800 rather than 1.8E+3. */
    private static BigDecimal normalise(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** NFC, then every kind of space (no-break, narrow no-break, thin, figure, tab) as one plain space; trimmed. */
    private static String cleanSpaces(String cell) {
        String s = Normalizer.normalize(cell, Normalizer.Form.NFC);
        StringBuilder clean = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u200B' || c == '\uFEFF') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && clean.length() > 0) {
                clean.append(' ');
            }
            space = false;
            clean.append(c);
        }
        return clean.toString();
    }

    private static boolean isShortDigitString(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyDigitsAndSeparators(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != ',') {
                return false;
            }
        }
        return true;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
