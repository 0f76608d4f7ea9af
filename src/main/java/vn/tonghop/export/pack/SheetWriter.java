package vn.tonghop.export.pack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.tonghop.export.pack.PackStyles.Kind;
import vn.tonghop.export.xlsx.BufferedSheet;
import vn.tonghop.export.xlsx.WorksheetWriter;

/**
 * Writes the cells of one sheet. Every text goes through {@link #text}: a text starting with {@code = + - @} (or a
 * tab or carriage return) is stored as a text cell with the quote prefix, so no spreadsheet runs it as a formula
 * ({@code =cmd|' /C calc'!A0} stays words on a page).
 */
final class SheetWriter {

    /** POI's and the spreadsheets' default row height and column width, for rows and columns given none. */
    private static final double DEFAULT_ROW_POINTS = 15;
    private static final double DEFAULT_COLUMN_CHARACTERS = 8;

    final BufferedSheet sheet;
    private final PackStyles styles;
    /** Wrapped texts, to give their rows the height they need once the column widths are known. */
    private final List<Wrapped> wrapped = new ArrayList<>();
    private final java.util.Set<Integer> widthsSet = new java.util.HashSet<>();

    private record Wrapped(int row, int firstColumn, int lastColumn, String text, double pointsPerLine) {
    }

    SheetWriter(BufferedSheet sheet, PackStyles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    static boolean looksLikeFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    void height(int r, double points) {
        sheet.height(r, points);
    }

    void text(int r, int c, String text, Kind kind, boolean total) {
        String value = text == null ? "" : text;
        sheet.text(r, c, value, styles.get(kind, total, looksLikeFormula(value)));
        if (kind == Kind.TEXT && value.length() > 12) {
            wrapped.add(new Wrapped(r, c, c, value, 14));
        }
    }

    void text(int r, int c, String text, Kind kind) {
        text(r, c, text, kind, false);
    }

    void number(int r, int c, BigDecimal value, Kind kind, boolean total) {
        int style = styles.get(kind, total, false);
        if (value != null) {
            sheet.number(r, c, value.doubleValue(), style);
        } else {
            sheet.blank(r, c, style);
        }
    }

    void number(int r, int c, long value, Kind kind, boolean total) {
        number(r, c, BigDecimal.valueOf(value), kind, total);
    }

    void date(int r, int c, LocalDate value, boolean total) {
        int style = styles.get(Kind.DATE, total, false);
        if (value != null) {
            sheet.date(r, c, value, style);
        } else {
            sheet.blank(r, c, style);
        }
    }

    void blank(int r, int c, Kind kind, boolean total) {
        sheet.blank(r, c, styles.get(kind, total, false));
    }

    /** A line of text across columns 0..lastColumn (title, subtitle, note). */
    void line(int r, String text, Kind kind, int lastColumn) {
        text(r, 0, text, kind);
        if (lastColumn > 0) {
            sheet.merge(r, r, 0, lastColumn);
        }
        if (kind == Kind.NOTE) {
            wrapped.add(new Wrapped(r, 0, lastColumn, text, 13));
        }
        if (kind == Kind.TITLE) {
            sheet.height(r, 22);
        }
    }

    void merge(int r1, int r2, int c1, int c2) {
        sheet.merge(r1, r2, c1, c2);
    }

    void widths(int... characters) {
        for (int c = 0; c < characters.length; c++) {
            width(c, characters[c]);
        }
    }

    void width(int column, int characters) {
        sheet.width(column, characters);
        widthsSet.add(column);
    }

    /**
     * A4 landscape, headers repeated on every page, the first {@code frozenColumns} columns and the rows above
     * {@code firstDataRow} frozen on screen, {@code pagesWide} pages across (0 = as many as the columns need).
     */
    void printReady(int headerFirstRow, int firstDataRow, int frozenColumns, int pagesWide, String footerLeft, String footerRight) {
        fitWrappedRows();
        sheet.freeze(frozenColumns, firstDataRow);
        sheet.repeatRows(headerFirstRow, firstDataRow - 1);
        if (frozenColumns > 0 && pagesWide != 1) {
            sheet.repeatColumns(0, frozenColumns - 1);
        }
        sheet.print(new WorksheetWriter.Print(true, pagesWide, true, new double[] {0.4, 0.4, 0.5, 0.6},
                "&L" + footerLeft.replace("&", "&&") + "&R" + footerRight));
    }

    /**
     * Spreadsheets do not grow a row for wrapped text on their own when the file is opened (LibreOffice keeps the
     * default height), so each row gets the lines its longest wrapped text needs at its columns' width.
     */
    private void fitWrappedRows() {
        for (Wrapped w : wrapped) {
            double characters = 0;
            for (int c = w.firstColumn(); c <= w.lastColumn(); c++) {
                characters += widthsSet.contains(c) ? sheet.width(c) : DEFAULT_COLUMN_CHARACTERS;
            }
            int lines = (int) Math.ceil(w.text().length() / Math.max(characters - 1, 1));
            if (lines > 1) {
                double current = sheet.height(w.row()) > 0 ? sheet.height(w.row()) : DEFAULT_ROW_POINTS;
                sheet.height(w.row(), Math.max(current, lines * w.pointsPerLine() + 3));
            }
        }
    }
}
