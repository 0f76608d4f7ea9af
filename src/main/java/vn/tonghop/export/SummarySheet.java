package vn.tonghop.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
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
import vn.tonghop.export.xlsx.CellFormat;
import vn.tonghop.export.xlsx.StyleSheet;
import vn.tonghop.export.xlsx.WorksheetWriter;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.Severity;

/**
 * The first sheet of the clerk's result ("Tóm tắt"): what happened to her file in a few lines, the colour legend,
 * and the list of problems, each linked to its cell. Every text is written as text (never as a formula), whatever
 * it starts with. What the sheet says is decided here once; a {@link Target} writes it, into a sheet streamed into
 * the result ({@link #streamed}) or a POI sheet when the result is built with POI ({@link #poi}).
 */
final class SummarySheet {

    /** How the file fared, which decides the colour of the outcome line. */
    enum Tone { GOOD, PARTIAL, BAD }

    /** One labelled line of the summary. */
    record Line(String label, String value) {
    }

    /** The formats of the summary's cells. */
    enum Format { TITLE, LABEL, VALUE, HEADER, ERROR, WARNING, GOOD }

    /** Column widths (characters) and print setup of the sheet: landscape A4, one page wide. */
    static final Map<Integer, Integer> WIDTHS = Map.of(0, 34, 1, 9, 2, 9, 3, 11, 4, 90);
    static final WorksheetWriter.Setup SETUP = new WorksheetWriter.Setup(true, 0, WIDTHS, true);
    static final String GOOD_ARGB = "FFC6EFCE";
    static final String HEADER_ARGB = "FFC0C0C0";
    static final byte[] GOOD_RGB = {(byte) 0xC6, (byte) 0xEF, (byte) 0xCE};

    /** Where the sheet's rows go, in order: a row, then its cells left to right. */
    interface Target {
        void row(int index, float heightPoints);

        void cell(int column, String text, Format format);

        /** A cell of a merged line, left empty but formatted. */
        void blank(int column, Format format);

        void merge(int row, int firstColumn, int lastColumn);

        void link(int row, int column, String location);
    }

    private final Target target;
    private final Messages messages;
    private int next;

    SummarySheet(Target target, Messages messages) {
        this.target = target;
        this.messages = messages;
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
        wide(messages.get("ketqua.summary.title"), Format.TITLE, 24);
        wide(outcome, switch (tone) {
            case GOOD -> Format.GOOD;
            case PARTIAL -> Format.WARNING;
            case BAD -> Format.ERROR;
        }, heightFor(outcome, 150));
        next++;
        for (Line line : lines) {
            int row = next++;
            target.row(row, heightFor(line.value(), 130));
            target.cell(0, line.label(), Format.LABEL);
            target.cell(1, line.value(), Format.VALUE);
            target.merge(row, 1, 4);
        }
        next++;
        legend(Format.ERROR, messages.get("ketqua.legend.error"));
        legend(Format.WARNING, messages.get("ketqua.legend.warning"));
        wide(messages.get("ketqua.legend.comment"), Format.VALUE, heightFor(messages.get("ketqua.legend.comment"), 150));
        for (String note : notes) {
            wide(note, Format.VALUE, heightFor(note, 150));
        }
        next++;
        if (total == 0) {
            wide(messages.get("ketqua.problems.none"), Format.LABEL, 15);
            return;
        }
        wide(messages.get("ketqua.problems.title", total), Format.LABEL, 15);
        target.row(next++, 0);
        target.cell(0, messages.get("result.header.sheet"), Format.HEADER);
        target.cell(1, messages.get("result.header.row"), Format.HEADER);
        target.cell(2, messages.get("result.header.column"), Format.HEADER);
        target.cell(3, messages.get("result.header.severity"), Format.HEADER);
        target.cell(4, messages.get("result.header.message"), Format.HEADER);
        for (IssueCells.Placed placed : problems) {
            Issue issue = placed.issue();
            int row = next++;
            IssueCells.Target cell = placed.cell();
            String shown = cell == null ? "" : sheetNames.getOrDefault(cell.sheet(), cell.sheet());
            target.row(row, heightFor(issue.message(), 110));
            target.cell(0, shown, Format.VALUE);
            target.cell(1, issue.rowNumber() == null ? "" : issue.rowNumber().toString(), Format.VALUE);
            target.cell(2, cell == null ? "" : CellReference.convertNumToColString(cell.column()), Format.VALUE);
            target.cell(3, messages.get("severity." + issue.severity().sqlName()), issue.isError() ? Format.ERROR : Format.WARNING);
            target.cell(4, issue.message(), Format.VALUE);
            if (cell != null && sheetNames.containsKey(cell.sheet())) {
                target.link(row, 4, "'" + shown.replace("'", "''") + "'!" + new CellReference(cell.row(), cell.column()).formatAsString(false));
            }
        }
        if (total > problems.size()) {
            String more = messages.get("ketqua.problems.more", total - problems.size());
            wide(more, Format.VALUE, heightFor(more, 150));
        }
    }

    private void legend(Format swatch, String text) {
        int row = next++;
        target.row(row, heightFor(text, 130));
        target.cell(0, "", swatch);
        target.cell(1, text, Format.VALUE);
        target.merge(row, 1, 4);
    }

    /** A line across the whole width of the sheet. */
    private void wide(String text, Format format, float height) {
        int row = next++;
        target.row(row, height);
        target.cell(0, text, format);
        for (int c = 1; c <= 4; c++) {
            target.blank(c, format);
        }
        target.merge(row, 0, 4);
    }

    /** Enough height for text wrapped at about {@code width} characters a line. */
    private static float heightFor(String text, int width) {
        int lines = 0;
        for (String paragraph : (text == null ? "" : text).split("\n", -1)) {
            lines += Math.max(1, (paragraph.length() + width - 1) / width);
        }
        return Math.min(409, 15f * Math.max(1, lines));
    }

    /** The summary streamed into a result written by tonghop's own writer; the writer was set up with {@link #SETUP}. */
    static Target streamed(WorksheetWriter rows, StyleSheet styles) {
        Map<Format, Integer> ids = new EnumMap<>(Format.class);
        ids.put(Format.TITLE, styles.format(CellFormat.summary(true, 14, null, false)));
        ids.put(Format.LABEL, styles.format(CellFormat.summary(true, 0, null, false)));
        ids.put(Format.VALUE, styles.format(CellFormat.summary(false, 0, null, false)));
        ids.put(Format.HEADER, styles.format(CellFormat.summary(true, 0, HEADER_ARGB, true)));
        ids.put(Format.ERROR, styles.format(CellFormat.summary(true, 0, CellMarker.ERROR_ARGB, false)));
        ids.put(Format.WARNING, styles.format(CellFormat.summary(true, 0, CellMarker.WARNING_ARGB, false)));
        ids.put(Format.GOOD, styles.format(CellFormat.summary(true, 0, GOOD_ARGB, false)));
        return new Target() {
            @Override
            public void row(int index, float heightPoints) {
                try {
                    rows.startRow(index, heightPoints);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void cell(int column, String text, Format format) {
                rows.text(column, ResultWorkbookWriter.cellText(text), ids.get(format));
            }

            @Override
            public void blank(int column, Format format) {
                rows.blank(column, ids.get(format));
            }

            @Override
            public void merge(int row, int firstColumn, int lastColumn) {
                rows.merge(row, firstColumn, row, lastColumn);
            }

            @Override
            public void link(int row, int column, String location) {
                rows.link(row, column, location);
            }
        };
    }

    /** The summary on a sheet of a workbook built with POI (a clerk's workbook POI copies). */
    static Target poi(Workbook workbook, Sheet sheet) {
        WIDTHS.forEach((column, chars) -> sheet.setColumnWidth(column, chars * 256));
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        Font bold = workbook.createFont();
        bold.setBold(true);
        Map<Format, CellStyle> styles = new EnumMap<>(Format.class);
        for (Format format : Format.values()) {
            CellStyle style = workbook.createCellStyle();
            style.setWrapText(true);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            style.setQuotePrefixed(true);
            if (format != Format.VALUE) {
                style.setFont(format == Format.TITLE ? big : bold);
            }
            switch (format) {
                case HEADER -> {
                    style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                    style.setBorderTop(BorderStyle.THIN);
                    style.setBorderBottom(BorderStyle.THIN);
                    style.setBorderLeft(BorderStyle.THIN);
                    style.setBorderRight(BorderStyle.THIN);
                }
                case ERROR -> CellMarker.fill(style, Severity.ERROR);
                case WARNING -> CellMarker.fill(style, Severity.WARNING);
                case GOOD -> {
                    ((XSSFCellStyle) style).setFillForegroundColor(new XSSFColor(GOOD_RGB, null));
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                default -> {
                }
            }
            styles.put(format, style);
        }
        return new Target() {
            private Row row;

            @Override
            public void row(int index, float heightPoints) {
                row = sheet.createRow(index);
                if (heightPoints > 0) {
                    row.setHeightInPoints(heightPoints);
                }
            }

            @Override
            public void cell(int column, String text, Format format) {
                Cell cell = row.createCell(column);
                cell.setCellValue(ResultWorkbookWriter.cellText(text));
                cell.setCellStyle(styles.get(format));
            }

            @Override
            public void blank(int column, Format format) {
                row.createCell(column).setCellStyle(styles.get(format));
            }

            @Override
            public void merge(int rowIndex, int firstColumn, int lastColumn) {
                sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, firstColumn, lastColumn));
            }

            @Override
            public void link(int rowIndex, int column, String location) {
                Hyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                link.setAddress(location);
                sheet.getRow(rowIndex).getCell(column).setHyperlink(link);
            }
        };
    }
}
