package vn.tonghop.export.pack;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cell styles of one workbook, made once and shared (a workbook holds at most 64,000 styles). Numbers carry
 * the Vietnamese locale ({@code [$-42A]}), so LibreOffice, and Excel on a Vietnamese system, group thousands with
 * dots and write decimals with a comma ({@code 158.000}, {@code 95,7%}).
 */
final class PackStyles {

    static final String FONT = "Times New Roman";

    /** What a cell holds. */
    enum Kind {
        TITLE, SUBTITLE, NOTE, HEADER, GROUP, TEXT, TEXT_CENTER, INTEGER, PERCENT, SIGNED_INTEGER, SIGNED_PERCENT, POINTS, FLAG, DATE
    }

    private static final Map<Kind, String> FORMATS = new EnumMap<>(Map.of(
            Kind.INTEGER, "[$-42A]#,##0",
            Kind.PERCENT, "[$-42A]0.0%",
            Kind.SIGNED_INTEGER, "[$-42A]+#,##0;-#,##0;0",
            Kind.SIGNED_PERCENT, "[$-42A]+0.0%;-0.0%;0.0%",
            Kind.DATE, "dd/mm/yyyy"));

    private static final byte[] HEADER_FILL = {(byte) 0xDD, (byte) 0xE6, (byte) 0xF0};
    private static final byte[] TOTAL_FILL = {(byte) 0xF2, (byte) 0xF2, (byte) 0xF2};
    private static final byte[] GROUP_FILL = {(byte) 0xFF, (byte) 0xF4, (byte) 0xD6};

    private final XSSFWorkbook workbook;
    private final Map<Kind, String> formats;
    private final Map<String, XSSFCellStyle> styles = new HashMap<>();
    private final XSSFFont plain;
    private final XSSFFont bold;

    PackStyles(XSSFWorkbook workbook, PackText text) {
        this.workbook = workbook;
        // Formats that carry words ("điểm", "Đạt") come from the bundle, in the configured language.
        this.formats = new EnumMap<>(FORMATS);
        formats.put(Kind.POINTS, "[$-42A]" + text.get("format.points"));
        formats.put(Kind.FLAG, text.get("format.flag"));
        XSSFFont defaultFont = workbook.getFontAt(0);
        defaultFont.setFontName(FONT);
        defaultFont.setFontHeightInPoints((short) 11);
        this.plain = font(false, false, 11);
        this.bold = font(true, false, 11);
    }

    private XSSFFont font(boolean isBold, boolean italic, int points) {
        XSSFFont font = workbook.createFont();
        font.setFontName(FONT);
        font.setBold(isBold);
        font.setItalic(italic);
        font.setFontHeightInPoints((short) points);
        return font;
    }

    /**
     * @param total  a totals row (bold, shaded)
     * @param quoted text a spreadsheet would otherwise read as a formula: kept as text ("quote prefix")
     */
    XSSFCellStyle get(Kind kind, boolean total, boolean quoted) {
        return styles.computeIfAbsent(kind + "|" + total + "|" + quoted, k -> create(kind, total, quoted));
    }

    private XSSFCellStyle create(Kind kind, boolean total, boolean quoted) {
        XSSFCellStyle style = workbook.createCellStyle();
        style.setQuotePrefixed(quoted);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        switch (kind) {
            case TITLE -> {
                style.setFont(font(true, false, 14));
                style.setAlignment(HorizontalAlignment.CENTER);
            }
            case SUBTITLE -> {
                style.setFont(font(false, true, 11));
                style.setAlignment(HorizontalAlignment.CENTER);
            }
            case NOTE -> {
                style.setFont(font(false, true, 10));
                style.setWrapText(true);
                style.setVerticalAlignment(VerticalAlignment.TOP);
            }
            case HEADER -> {
                style.setFont(font(true, false, 10));
                style.setAlignment(HorizontalAlignment.CENTER);
                style.setWrapText(true);
                fill(style, HEADER_FILL);
                borders(style);
            }
            case GROUP -> {
                style.setFont(bold);
                fill(style, GROUP_FILL);
                borders(style);
            }
            default -> {
                style.setFont(total ? bold : plain);
                borders(style);
                if (total) {
                    fill(style, TOTAL_FILL);
                }
                if (kind == Kind.TEXT) {
                    style.setWrapText(true);
                } else {
                    style.setAlignment(kind == Kind.TEXT_CENTER || kind == Kind.DATE || kind == Kind.FLAG
                            ? HorizontalAlignment.CENTER : HorizontalAlignment.RIGHT);
                }
                String format = formats.get(kind);
                if (format != null) {
                    style.setDataFormat(workbook.createDataFormat().getFormat(format));
                }
            }
        }
        return style;
    }

    private static void fill(XSSFCellStyle style, byte[] rgb) {
        style.setFillForegroundColor(new XSSFColor(rgb, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    private static void borders(XSSFCellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }
}
