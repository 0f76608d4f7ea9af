package vn.tonghop.export.pack;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import vn.tonghop.export.xlsx.CellFormat;
import vn.tonghop.export.xlsx.StyleSheet;

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

    private static final String HEADER_FILL = "FFDDE6F0";
    private static final String TOTAL_FILL = "FFF2F2F2";
    private static final String GROUP_FILL = "FFFFF4D6";

    private final StyleSheet workbook;
    private final Map<Kind, String> formats;
    private final Map<String, Integer> styles = new HashMap<>();

    PackStyles(StyleSheet workbook, PackText text) {
        this.workbook = workbook;
        // Formats that carry words ("điểm", "Đạt") come from the bundle, in the configured language.
        this.formats = new EnumMap<>(FORMATS);
        formats.put(Kind.POINTS, "[$-42A]" + text.get("format.points"));
        formats.put(Kind.FLAG, text.get("format.flag"));
        workbook.defaultFont(FONT, 11);
    }

    /**
     * @param total  a totals row (bold, shaded)
     * @param quoted text a spreadsheet would otherwise read as a formula: kept as text ("quote prefix")
     */
    int get(Kind kind, boolean total, boolean quoted) {
        return styles.computeIfAbsent(kind + "|" + total + "|" + quoted, k -> workbook.format(create(kind, total, quoted)));
    }

    private CellFormat create(Kind kind, boolean total, boolean quoted) {
        return switch (kind) {
            case TITLE -> new CellFormat(true, false, 14, FONT, null, false, "center", "center", false, quoted, null);
            case SUBTITLE -> new CellFormat(false, true, 11, FONT, null, false, "center", "center", false, quoted, null);
            case NOTE -> new CellFormat(false, true, 10, FONT, null, false, null, "top", true, quoted, null);
            case HEADER -> new CellFormat(true, false, 10, FONT, HEADER_FILL, true, "center", "center", true, quoted, null);
            case GROUP -> new CellFormat(true, false, 11, FONT, GROUP_FILL, true, null, "center", false, quoted, null);
            default -> {
                String horizontal = kind == Kind.TEXT ? null
                        : kind == Kind.TEXT_CENTER || kind == Kind.DATE || kind == Kind.FLAG ? "center" : "right";
                yield new CellFormat(total, false, 11, FONT, total ? TOTAL_FILL : null, true, horizontal, "center", kind == Kind.TEXT,
                        quoted, formats.get(kind));
            }
        };
    }
}
