package vn.tonghop.export.xlsx;

/**
 * Text as SpreadsheetML holds it: XML-escaped, and the characters XML 1.0 cannot carry at all (control characters a
 * CSV may hold) written as Excel's own {@code _xHHHH_} escape, as Excel and POI write them; in a cell's text, text that
 * itself reads like such an escape keeps its underscore as {@code _x005F_}, so that Excel (and tonghop's reader) shows it
 * as typed.
 */
final class XmlText {

    private XmlText() {
    }

    /** Appends {@code text} escaped for element content or a double-quoted attribute. */
    static StringBuilder append(StringBuilder out, String text) {
        return append(out, text, false);
    }

    /**
     * Appends the text of a cell or a comment ({@code <t>}), where Excel reads {@code _xHHHH_} as an escape: an underscore
     * that would start one is written {@code _x005F_}. Names, formulas and part names are written by {@link #append}.
     */
    static StringBuilder appendText(StringBuilder out, String text) {
        return append(out, text, true);
    }

    private static StringBuilder append(StringBuilder out, String text, boolean cellText) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\t', '\n' -> out.append(c);
                case '\r' -> out.append("&#13;");
                case '_' -> out.append(cellText && looksLikeEscape(text, i) ? "_x005F_" : "_");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        out.append("_x").append(String.format("%04X", (int) c)).append('_');
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                            out.append(c).append(text.charAt(++i));
                        } else {
                            out.append("_x").append(String.format("%04X", (int) c)).append('_');
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        out.append("_x").append(String.format("%04X", (int) c)).append('_');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }

    /** Whether {@code _xHHHH_} starts at {@code at}. */
    private static boolean looksLikeEscape(String text, int at) {
        if (at + 7 > text.length() || text.charAt(at + 1) != 'x' || text.charAt(at + 6) != '_') {
            return false;
        }
        for (int i = at + 2; i < at + 6; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    static String escape(String text) {
        return append(new StringBuilder(text.length() + 16), text).toString();
    }

    /** "A", "B", ..., "Z", "AA": the letters of a 0-based column. */
    static String column(int index) {
        return vn.tonghop.read.ColumnLetters.of(index);
    }

    /** "B7" for 0-based (row 6, column 1). */
    static String cell(int row, int column) {
        return column(column) + (row + 1);
    }

    /** The 0-based column of a cell reference ("AB12" → 27); -1 when it is not one. */
    static int columnOf(String reference) {
        int n = 0;
        int i = 0;
        for (; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                n = n * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                n = n * 26 + (c - 'a' + 1);
            } else {
                break;
            }
        }
        return i == 0 ? -1 : n - 1;
    }

    /** A number as a cell value: no trailing ".0", no exponent for ordinary figures. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
