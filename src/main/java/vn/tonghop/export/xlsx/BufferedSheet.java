package vn.tonghop.export.xlsx;

import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sheet built in memory in any order (a table's header after its rows, a total above them), then written in the
 * order SpreadsheetML wants: a conference pack's sheets, a few thousand cells each. Text is kept as given; a cell
 * holds text, a number or nothing but its format.
 */
public final class BufferedSheet {

    /** A cell: text (not null), or a number, or neither (a formatted blank). */
    private record Cell(String text, double number, boolean isNumber, int style) {
    }

    private static final class Row {
        final TreeMap<Integer, Cell> cells = new TreeMap<>();
        double height;
    }

    /** A bar chart placed over the sheet: from (column, row) to (column, row), the corners' cells. */
    public record PlacedChart(BarChart chart, int fromColumn, int fromRow, int toColumn, int toRow) {
    }

    private final String name;
    private final TreeMap<Integer, Row> rows = new TreeMap<>();
    private final TreeMap<Integer, Integer> widths = new TreeMap<>();
    private final List<int[]> merges = new ArrayList<>();
    private final List<Integer> rowBreaks = new ArrayList<>();
    private final List<PlacedChart> charts = new ArrayList<>();
    private int frozenRows;
    private int frozenColumns;
    private WorksheetWriter.Print print;
    private int[] repeatRows;
    private int[] repeatColumns;

    public BufferedSheet(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    private Row row(int r) {
        return rows.computeIfAbsent(r, k -> new Row());
    }

    public void text(int r, int c, String text, int style) {
        row(r).cells.put(c, new Cell(text == null ? "" : text, 0, false, style));
    }

    public void number(int r, int c, double value, int style) {
        row(r).cells.put(c, new Cell(null, value, true, style));
    }

    /** A date as spreadsheets keep it: the days since 30 December 1899, shown by the date format of its style. */
    public void date(int r, int c, LocalDate day, int style) {
        number(r, c, ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), day), style);
    }

    /** A cell with a format and nothing in it (a value already there keeps its value and takes the format). */
    public void blank(int r, int c, int style) {
        Cell cell = row(r).cells.get(c);
        row(r).cells.put(c, cell == null ? new Cell(null, 0, false, style) : new Cell(cell.text(), cell.number(), cell.isNumber(), style));
    }

    /** The cell's text, null when it holds none. */
    public String textAt(int r, int c) {
        Row row = rows.get(r);
        Cell cell = row == null ? null : row.cells.get(c);
        return cell == null ? null : cell.text();
    }

    /** The cell's number, null when it holds none. */
    public Double numberAt(int r, int c) {
        Row row = rows.get(r);
        Cell cell = row == null ? null : row.cells.get(c);
        return cell == null || !cell.isNumber() ? null : cell.number();
    }

    public void height(int r, double points) {
        row(r).height = points;
    }

    public double height(int r) {
        Row row = rows.get(r);
        return row == null ? 0 : row.height;
    }

    public void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        merges.add(new int[] {firstRow, lastRow, firstColumn, lastColumn});
    }

    public void width(int column, int characters) {
        widths.put(column, characters);
    }

    /** Width in characters; the spreadsheet's default (8.43, about 9) when none was set. */
    public double width(int column) {
        Integer set = widths.get(column);
        return set == null ? 8.43 : set;
    }

    public void freeze(int columns, int rowsFrozen) {
        this.frozenColumns = columns;
        this.frozenRows = rowsFrozen;
    }

    public void print(WorksheetWriter.Print setup) {
        this.print = setup;
    }

    /** Rows printed on every page (0-based, inclusive), null for none. */
    public void repeatRows(int first, int last) {
        this.repeatRows = new int[] {first, last};
    }

    public void repeatColumns(int first, int last) {
        this.repeatColumns = new int[] {first, last};
    }

    /** A page break after the 0-based row. */
    public void rowBreak(int r) {
        rowBreaks.add(r);
    }

    public void chart(BarChart chart, int fromColumn, int fromRow, int toColumn, int toRow) {
        charts.add(new PlacedChart(chart, fromColumn, fromRow, toColumn, toRow));
    }

    List<PlacedChart> charts() {
        return charts;
    }

    /** The print titles as a defined name's formula ({@code 'Sheet'!$A:$A,'Sheet'!$4:$5}), or null. */
    String printTitles() {
        String quoted = "'" + name.replace("'", "''") + "'!";
        List<String> parts = new ArrayList<>();
        if (repeatColumns != null) {
            parts.add(quoted + "$" + XmlText.column(repeatColumns[0]) + ":$" + XmlText.column(repeatColumns[1]));
        }
        if (repeatRows != null) {
            parts.add(quoted + "$" + (repeatRows[0] + 1) + ":$" + (repeatRows[1] + 1));
        }
        return parts.isEmpty() ? null : String.join(",", parts);
    }

    /** Writes the sheet, rows in order. */
    void write(java.io.Writer out, boolean selected, String drawing) throws IOException {
        WorksheetWriter w = new WorksheetWriter(out, new WorksheetWriter.Setup(selected, frozenRows, frozenColumns, Map.copyOf(widths), print));
        for (Map.Entry<Integer, Row> entry : rows.entrySet()) {
            w.startRow(entry.getKey(), entry.getValue().height);
            for (Map.Entry<Integer, Cell> c : entry.getValue().cells.entrySet()) {
                Cell cell = c.getValue();
                if (cell.isNumber()) {
                    w.number(c.getKey(), cell.number(), cell.style());
                } else if (cell.text() != null) {
                    w.text(c.getKey(), cell.text(), cell.style());
                } else {
                    w.blank(c.getKey(), cell.style());
                }
            }
        }
        for (int[] m : merges) {
            w.merge(m[0], m[2], m[1], m[3]);
        }
        w.finish(rowBreaks, drawing, null);
    }
}
