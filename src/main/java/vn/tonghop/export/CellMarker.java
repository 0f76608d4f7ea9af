package vn.tonghop.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.Severity;

/**
 * Marks the cells of a workbook that caused problems: red fill for an error, yellow for a warning, and a comment
 * with the reason and what to do. The cell keeps its own format (borders, number format, font); only the fill
 * changes. Comments stop after {@code maxComments} (each costs memory and a shape); the cells past that are
 * still filled, and the summary sheet says so.
 */
final class CellMarker {

    /** Red, light enough that the black text stays readable. */
    static final byte[] ERROR_RGB = {(byte) 0xFF, (byte) 0x7C, (byte) 0x80};
    /** Yellow. */
    static final byte[] WARNING_RGB = {(byte) 0xFF, (byte) 0xFF, (byte) 0x00};
    /** The same colours as spreadsheets write them (alpha first). */
    static final String ERROR_ARGB = "FFFF7C80";
    static final String WARNING_ARGB = "FFFFFF00";
    static final String AUTHOR = "tonghop";

    private final Workbook workbook;
    private final Messages messages;
    private final int maxComments;
    private final CreationHelper helper;
    private final Map<String, CellStyle> styles = new HashMap<>();
    private final Map<Sheet, Drawing<?>> drawings = new HashMap<>();
    private int comments;
    private int uncommented;

    CellMarker(Workbook workbook, Messages messages, int maxComments) {
        this.workbook = workbook;
        this.messages = messages;
        this.maxComments = maxComments;
        this.helper = workbook.getCreationHelper();
    }

    /** Fills and comments the cell at (row, column) of the sheet, creating it when the clerk left it empty. */
    void mark(Sheet sheet, int rowIndex, int column, List<Issue> issues) {
        Row row = sheet.getRow(rowIndex);
        if (row == null) {
            row = sheet.createRow(rowIndex);
        }
        Cell cell = row.getCell(column);
        if (cell == null) {
            cell = row.createCell(column);
        }
        Severity severity = IssueCells.worst(issues);
        cell.setCellStyle(filled(cell.getCellStyle(), severity));
        if (comments >= maxComments) {
            uncommented++;
            return;
        }
        String text = commentText(issues);
        Comment existing = cell.getCellComment();
        if (existing != null) {
            // The clerk's own note stays; ours follows it.
            existing.setString(helper.createRichTextString(existing.getString().getString() + "\n\n" + text));
        } else {
            Drawing<?> drawing = drawings.computeIfAbsent(sheet, Sheet::createDrawingPatriarch);
            ClientAnchor anchor = helper.createClientAnchor();
            anchor.setCol1(column + 1);
            anchor.setCol2(column + 6);
            anchor.setRow1(rowIndex);
            anchor.setRow2(rowIndex + Math.min(12, 3 + text.length() / 60));
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(helper.createRichTextString(text));
            comment.setAuthor(AUTHOR);
            comment.setAddress(rowIndex, column); // the box sits to the right; the comment belongs to the cell (SXSSF does not move it)
            cell.setCellComment(comment);
        }
        comments++;
    }

    /** "Lỗi: ... \n→ what to do", one paragraph per issue of the cell. */
    String commentText(List<Issue> issues) {
        return commentText(messages, issues);
    }

    /** "Lỗi: ... \n→ what to do", one paragraph per issue of the cell. */
    static String commentText(Messages messages, List<Issue> issues) {
        StringBuilder text = new StringBuilder();
        for (Issue issue : issues) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(messages.get("severity." + issue.severity().sqlName())).append(": ").append(issue.message());
            String advice = advice(messages, issue);
            if (!advice.isEmpty()) {
                text.append('\n').append("→ ").append(advice);
            }
        }
        return text.toString();
    }

    /** What the clerk should do about an issue: the advice for its code, else the general advice for its severity. */
    static String advice(Messages messages, Issue issue) {
        String key = "ketqua.advice." + issue.code();
        return messages.has(key) ? messages.get(key) : messages.get("ketqua.advice." + issue.severity().sqlName());
    }

    /** The cell's own style with the fill of the severity; one new style per (original style, severity). */
    CellStyle filled(CellStyle original, Severity severity) {
        String key = original.getIndex() + ":" + severity;
        return styles.computeIfAbsent(key, k -> {
            CellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(original);
            fill(style, severity);
            return style;
        });
    }

    static String fillArgb(Severity severity) {
        return severity == Severity.ERROR ? ERROR_ARGB : WARNING_ARGB;
    }

    static void fill(CellStyle style, Severity severity) {
        ((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(severity == Severity.ERROR ? ERROR_RGB : WARNING_RGB, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    int comments() {
        return comments;
    }

    int uncommented() {
        return uncommented;
    }
}
