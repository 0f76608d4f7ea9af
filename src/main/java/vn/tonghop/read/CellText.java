package vn.tonghop.read;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * How a cell becomes text, the same for every format, so the number parser downstream sees one convention:
 * NFC, trimmed; numbers in plain digits with a comma as decimal separator and no grouping ({@code 1800},
 * {@code 2,5}); dates as ISO {@code 2023-12-14}; booleans as {@code Có}/{@code Không}.
 */
final class CellText {

    static final String YES = "Có";
    static final String NO = "Không";

    /** Excel shows 15 significant digits; more would print binary noise such as 0,30000000000000004. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private CellText() {
    }

    /** NFC-normalises and trims, counting no-break and zero-width spaces and a stray BOM as blank. */
    static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int start = 0;
        int end = text.length();
        while (start < end && isBlank(text.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        String trimmed = text.substring(start, end);
        return isSurelyNfc(trimmed) || Normalizer.isNormalized(trimmed, Normalizer.Form.NFC)
                ? trimmed
                : Normalizer.normalize(trimmed, Normalizer.Form.NFC);
    }

    /**
     * Whether the text is NFC by Unicode's quick check without asking the JDK's normaliser (which makes a buffer for each
     * text it checks, a gigabyte of garbage over a national year's cells): every character is below the combining marks
     * (U+0300) or a precomposed Latin letter of U+1E00–U+1EFF, where Vietnamese's toned letters are. Such characters are
     * all starters that NFC keeps as they are, so a text of them alone is NFC; anything else is left to the normaliser.
     */
    static boolean isSurelyNfc(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x300 && (c < 0x1E00 || c > 0x1EFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    /** A number the way a Vietnamese clerk writes it without grouping: {@code 1800}, {@code 2,5}, {@code -3}. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        BigDecimal rounded = new BigDecimal(value).round(EXCEL_PRECISION).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.toPlainString().replace('.', ',');
    }

    /** A date as ISO {@code 2023-12-14}; with a time of day, {@code 2023-12-14 08:30}. */
    static String dateTime(LocalDateTime value) {
        LocalTime time = value.toLocalTime();
        return time.equals(LocalTime.MIDNIGHT) ? value.toLocalDate().toString() : value.toLocalDate() + " " + clock(time);
    }

    private static String clock(LocalTime time) {
        return (time.getSecond() == 0 ? TIME : TIME_SECONDS).format(time);
    }

    /** A numeric cell's value: as a date if its number format is a date format, else as a number. */
    static String numeric(double value, boolean dateFormat, boolean date1904) {
        if (dateFormat && DateUtil.isValidExcelDate(value)) {
            return value < 1 ? timeOfDay(value) : dateTime(DateUtil.getLocalDateTime(value, date1904, true));
        }
        return number(value);
    }

    /** A time of day (a serial below 1, Excel's day zero) as {@code 08:30}. */
    static String timeOfDay(double fraction) {
        return clock(LocalTime.ofSecondOfDay(Math.round(fraction * 86_400d) % 86_400));
    }

    static String yesNo(boolean value) {
        return value ? YES : NO;
    }

    /** Drops trailing empty cells; returns an empty list when every cell is empty. */
    static List<String> trimTrailing(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return end == cells.size() ? cells : new ArrayList<>(cells.subList(0, end));
    }
}
