package vn.tonghop.normalise;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a yes/no indicator ({@code Xã đạt chuẩn "An toàn về ANTT"}): {@code x}, {@code Có} (yes), {@code Đạt}
 * (met), {@code Đạt chuẩn}, {@code 1}, a tick mean yes; an empty cell, {@code Không} (no), {@code Không đạt},
 * {@code Chưa đạt} (not yet met), {@code 0}, a dash mean no. Case and diacritics do not count.
 */
public final class YesNoParser {

    private static final Set<String> YES = Set.of("x", "co", "dat", "dat chuan", "da dat", "yes", "y", "true", "v");
    private static final Set<String> NO = Set.of("khong", "khong dat", "khong dat chuan", "chua dat", "chua dat chuan",
            "chua", "no", "n", "false");
    private static final Set<String> TICKS = Set.of("\u2713", "\u2714", "\u2611", "\u2705");
    private static final Pattern DASHES = Pattern.compile("[-\u2013\u2014\u2212]+");
    /** {@code 1.0} or {@code 0,00} as a spreadsheet may render a number. */
    private static final Pattern ONE = Pattern.compile("1(?:[.,]0+)?");
    private static final Pattern ZERO = Pattern.compile("0(?:[.,]0+)?");

    private final TextKey textKey = new TextKey();

    /** Parses one cell; {@code null} and blank cells are NO; never throws. */
    public YesNo parse(String cell) {
        String s = trim(cell).replace("\uFE0F", "");
        if (s.isEmpty() || DASHES.matcher(s).matches() || ZERO.matcher(s).matches()) {
            return YesNo.NO;
        }
        if (TICKS.contains(s) || ONE.matcher(s).matches()) {
            return YesNo.YES;
        }
        String key = textKey.of(s);
        if (YES.contains(key)) {
            return YesNo.YES;
        }
        if (NO.contains(key)) {
            return YesNo.NO;
        }
        return YesNo.INVALID;
    }

    /** Trims every kind of space, including the no-break spaces that spreadsheets carry. */
    private static String trim(String cell) {
        if (cell == null) {
            return "";
        }
        int start = 0;
        int end = cell.length();
        while (start < end && isSpace(cell.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(cell.charAt(end - 1))) {
            end--;
        }
        return cell.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }
}
