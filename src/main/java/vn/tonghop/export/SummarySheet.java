package vn.tonghop.export;

import java.util.List;
import java.util.Map;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.Severity;

/**
 * The first sheet of the clerk's result ("Tóm tắt"): what happened to her file in a few lines, the colour legend,
 * and the list of problems, each linked to its cell. Every text is written as text (never as a formula), whatever
 * it starts with.
 */
final class SummarySheet {

    /** How the file fared, which decides the colour of the outcome line. */
    enum Tone { GOOD, PARTIAL, BAD }

    /** One labelled line of the summary. */
    record Line(String label, String value) {
    }

    static final byte[] GOOD_RGB = {(byte) 0xC6, (byte) 0xEF, (byte) 0xCE};

    private final Sheet sheet;
    private final Messages messages;
    private final CreationHelper helper;
    private final CellStyle title;
    private final CellStyle label;
    private final CellStyle value;
    private final CellStyle header;
    private final CellStyle error;
    private final CellStyle warning;
    private final CellStyle good;
    private int next;

    SummarySheet(Workbook workbook, Sheet sheet, Messages messages) {
        this.sheet = sheet;
        this.messages = messages;
        this.helper = workbook.getCreationHelper();
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font bold = workbook.createFont();
        bold.setBold(true);
        title = text(workbook);
        title.setFont(big);
        label = text(workbook);
        label.setFont(bold);
        value = text(workbook);
        header = text(workbook);
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        border(header);
        error = text(workbook);
        CellMarker.fill(error, Severity.ERROR);
        warning = text(workbook);
        CellMarker.fill(warning, Severity.WARNING);
        good = text(workbook);
        ((XSSFCellStyle) good).setFillForegroundColor(new XSSFColor(GOOD_RGB, null));
        good.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        for (CellStyle s : new CellStyle[] {error, warning, good}) {
            s.setFont(bold);
        }
    }

    /** A wrapped, top-aligned style that shows what it holds as text, even "=..." or "+...". */
    private static CellStyle text(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        style.setQuotePrefixed(true);
        return style;
    }

    private static void border(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }

    /**
     * Writes the sheet.
     *
     * @param problems   the first problems, listed here (all of them are in the .ketqua.csv)
     * @param total      how many problems there are
     * @param sheetNames the name each sheet of the clerk's file has in the result (for the links)
     */
    void write(String outcome, Tone tone, List<Line> lines, List<String> notes, List<IssueCells.Placed> problems, long total,
               Map<String, String> sheetNames) {
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 9 * 256);
        sheet.setColumnWidth(2, 9 * 256);
        sheet.setColumnWidth(3, 11 * 256);
        sheet.setColumnWidth(4, 90 * 256);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);

        wide(messages.get("ketqua.summary.title"), title);
        sheet.getRow(next - 1).setHeightInPoints(24);
        wide(outcome, switch (tone) {
            case GOOD -> good;
            case PARTIAL -> warning;
            case BAD -> error;
        });
        next++;
        for (Line line : lines) {
            Row row = sheet.createRow(next++);
            put(row, 0, line.label(), label);
            put(row, 1, line.value(), value);
            sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, 4));
            row.setHeightInPoints(heightFor(line.value(), 130));
        }
        next++;
        legend(error, messages.get("ketqua.legend.error"));
        legend(warning, messages.get("ketqua.legend.warning"));
        wide(messages.get("ketqua.legend.comment"), value);
        for (String note : notes) {
            wide(note, value);
        }
        next++;
        if (total == 0) {
            wide(messages.get("ketqua.problems.none"), label);
            return;
        }
        wide(messages.get("ketqua.problems.title", total), label);
        Row head = sheet.createRow(next++);
        put(head, 0, messages.get("result.header.sheet"), header);
        put(head, 1, messages.get("result.header.row"), header);
        put(head, 2, messages.get("result.header.column"), header);
        put(head, 3, messages.get("result.header.severity"), header);
        put(head, 4, messages.get("result.header.message"), header);
        for (IssueCells.Placed placed : problems) {
            Issue issue = placed.issue();
            Row row = sheet.createRow(next++);
            IssueCells.Target cell = placed.cell();
            String shown = cell == null ? "" : sheetNames.getOrDefault(cell.sheet(), cell.sheet());
            put(row, 0, shown, value);
            put(row, 1, issue.rowNumber() == null ? "" : issue.rowNumber().toString(), value);
            put(row, 2, cell == null ? "" : CellReference.convertNumToColString(cell.column()), value);
            put(row, 3, messages.get("severity." + issue.severity().sqlName()), issue.isError() ? error : warning);
            Cell message = put(row, 4, issue.message(), value);
            row.setHeightInPoints(heightFor(issue.message(), 110));
            if (cell != null && sheetNames.containsKey(cell.sheet())) {
                Hyperlink link = helper.createHyperlink(HyperlinkType.DOCUMENT);
                link.setAddress("'" + shown.replace("'", "''") + "'!" + new CellReference(cell.row(), cell.column()).formatAsString(false));
                message.setHyperlink(link);
            }
        }
        if (total > problems.size()) {
            wide(messages.get("ketqua.problems.more", total - problems.size()), value);
        }
    }

    private void legend(CellStyle swatch, String text) {
        Row row = sheet.createRow(next++);
        put(row, 0, "", swatch);
        put(row, 1, text, value);
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 1, 4));
        row.setHeightInPoints(heightFor(text, 130));
    }

    /** A line across the whole width of the sheet. */
    private void wide(String text, CellStyle style) {
        Row row = sheet.createRow(next++);
        put(row, 0, text, style);
        for (int c = 1; c <= 4; c++) {
            row.createCell(c).setCellStyle(style);
        }
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, 4));
        row.setHeightInPoints(heightFor(text, 150));
    }

    private static Cell put(Row row, int column, String text, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(ResultWorkbookWriter.cellText(text));
        cell.setCellStyle(style);
        return cell;
    }

    /** Enough height for text wrapped at about {@code width} characters a line. */
    private static float heightFor(String text, int width) {
        int lines = 0;
        for (String paragraph : (text == null ? "" : text).split("\n", -1)) {
            lines += Math.max(1, (paragraph.length() + width - 1) / width);
        }
        return Math.min(409, 15f * Math.max(1, lines));
    }
}
