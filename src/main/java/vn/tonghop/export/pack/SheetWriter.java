package vn.tonghop.export.pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.tonghop.export.pack.PackStyles.Kind;

/**
 * Writes the cells of one sheet. Every text goes through {@link #text}: a text starting with {@code = + - @} (or a
 * tab or carriage return) is stored as a text cell with the quote prefix, so no spreadsheet runs it as a formula
 * ({@code =cmd|' /C calc'!A0} stays words on a page).
 */
final class SheetWriter {

    final XSSFSheet sheet;
    private final PackStyles styles;
    /** Wrapped texts, to give their rows the height they need once the column widths are known. */
    private final List<Wrapped> wrapped = new ArrayList<>();

    private record Wrapped(int row, int firstColumn, int lastColumn, String text, double pointsPerLine) {
    }

    SheetWriter(XSSFWorkbook workbook, PackStyles styles, String name) {
        this.sheet = workbook.createSheet(name);
        this.styles = styles;
    }

    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    Row row(int r) {
        Row row = sheet.getRow(r);
        return row == null ? sheet.createRow(r) : row;
    }

    private Cell cell(int r, int c) {
        Row row = row(r);
        Cell cell = row.getCell(c);
        return cell == null ? row.createCell(c) : cell;
    }

    void text(int r, int c, String text, Kind kind, boolean total) {
        Cell cell = cell(r, c);
        String value = text == null ? "" : text;
        cell.setCellValue(value);
        cell.setCellStyle(styles.get(kind, total, looksLikeFormula(value)));
        if (kind == Kind.TEXT && value.length() > 12) {
            wrapped.add(new Wrapped(r, c, c, value, 14));
        }
    }

    void text(int r, int c, String text, Kind kind) {
        text(r, c, text, kind, false);
    }

    void number(int r, int c, BigDecimal value, Kind kind, boolean total) {
        Cell cell = cell(r, c);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(styles.get(kind, total, false));
    }

    void number(int r, int c, long value, Kind kind, boolean total) {
        number(r, c, BigDecimal.valueOf(value), kind, total);
    }

    void date(int r, int c, LocalDate value, boolean total) {
        Cell cell = cell(r, c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(styles.get(Kind.DATE, total, false));
    }

    void blank(int r, int c, Kind kind, boolean total) {
        cell(r, c).setCellStyle(styles.get(kind, total, false));
    }

    /** A line of text across columns 0..lastColumn (title, subtitle, note). */
    void line(int r, String text, Kind kind, int lastColumn) {
        text(r, 0, text, kind);
        if (lastColumn > 0) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, lastColumn));
        }
        if (kind == Kind.NOTE) {
            wrapped.add(new Wrapped(r, 0, lastColumn, text, 13));
        }
        if (kind == Kind.TITLE) {
            row(r).setHeightInPoints(22);
        }
    }

    void merge(int r1, int r2, int c1, int c2) {
        sheet.addMergedRegion(new CellRangeAddress(r1, r2, c1, c2));
    }

    void widths(int... characters) {
        for (int c = 0; c < characters.length; c++) {
            sheet.setColumnWidth(c, characters[c] * 256);
        }
    }

    void width(int column, int characters) {
        sheet.setColumnWidth(column, characters * 256);
    }

    /**
     * A4 landscape, headers repeated on every page, the first {@code frozenColumns} columns and the rows above
     * {@code firstDataRow} frozen on screen, {@code pagesWide} pages across (0 = as many as the columns need).
     */
    void printReady(int headerFirstRow, int firstDataRow, int frozenColumns, int pagesWide, String footerLeft, String footerRight) {
        fitWrappedRows();
        sheet.createFreezePane(frozenColumns, firstDataRow);
        sheet.setRepeatingRows(new CellRangeAddress(headerFirstRow, firstDataRow - 1, -1, -1));
        if (frozenColumns > 0 && pagesWide != 1) {
            sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, frozenColumns - 1));
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(true);
        print.setFitWidth((short) pagesWide);
        print.setFitHeight((short) 0);
        sheet.setHorizontallyCenter(true);
        sheet.setMargin(PageMargin.LEFT, 0.4);
        sheet.setMargin(PageMargin.RIGHT, 0.4);
        sheet.setMargin(PageMargin.TOP, 0.5);
        sheet.setMargin(PageMargin.BOTTOM, 0.6);
        sheet.getFooter().setLeft(footerLeft.replace("&", "&&"));
        sheet.getFooter().setRight(footerRight);
    }

    /**
     * Spreadsheets do not grow a row for wrapped text on their own when the file is opened (LibreOffice keeps the
     * default height), so each row gets the lines its longest wrapped text needs at its columns' width.
     */
    private void fitWrappedRows() {
        for (Wrapped w : wrapped) {
            double characters = 0;
            for (int c = w.firstColumn(); c <= w.lastColumn(); c++) {
                characters += sheet.getColumnWidth(c) / 256.0;
            }
            int lines = (int) Math.ceil(w.text().length() / Math.max(characters - 1, 1));
            if (lines > 1) {
                Row row = row(w.row());
                row.setHeightInPoints((float) Math.max(row.getHeightInPoints(), lines * w.pointsPerLine() + 3));
            }
        }
    }
}
