package vn.tonghop.export.xlsx;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one new worksheet part as it goes: the sheet's setup, then its rows in order (SpreadsheetML wants rows and
 * the cells of a row in ascending order), then merged cells, links and page setup. Text goes inline in its cell, so
 * the workbook needs no shared-strings part; nothing but the merges and links (a summary's few dozen) is held.
 */
public final class WorksheetWriter {

    /**
     * How the sheet opens and prints.
     *
     * @param selected      the sheet shown when the workbook opens
     * @param frozenRows    rows frozen at the top (0: none)
     * @param frozenColumns columns frozen at the left (0: none)
     * @param widths        0-based column → width in characters
     * @param print         how it prints, null for the spreadsheet's defaults
     */
    public record Setup(boolean selected, int frozenRows, int frozenColumns, Map<Integer, Integer> widths, Print print) {

        public Setup(boolean selected, int frozenRows, Map<Integer, Integer> widths, boolean printOnePageWide) {
            this(selected, frozenRows, 0, widths, printOnePageWide ? Print.ONE_PAGE_WIDE : null);
        }
    }

    /**
     * Print setup: A4, landscape or not, fitted {@code pagesWide} pages across (0: as many as needed) and as many pages
     * down as needed, centred across the page or not, margins in inches (left, right, top, bottom), and a footer in
     * SpreadsheetML's header/footer codes ({@code &L...&R...}), null for none.
     */
    public record Print(boolean landscape, int pagesWide, boolean centered, double[] margins, String footer) {

        static final double[] DEFAULT_MARGINS = {0.7, 0.7, 0.75, 0.75};
        public static final Print ONE_PAGE_WIDE = new Print(true, 1, false, DEFAULT_MARGINS, null);
    }

    private static final int FLUSH_AT = 1 << 16;
    /**
     * The XML grows from here to {@link #FLUSH_AT}: a district's sheet is 5 to 20 thousand characters, and a buffer
     * made at the flush size (then doubled in width by its first Vietnamese letter) was 200 KB of garbage a sheet, two
     * sheets a result: a twelfth of everything a national run allocated.
     */
    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final Writer out;
    private final StringBuilder xml = new StringBuilder(INITIAL_CAPACITY);
    private final List<String> merges = new ArrayList<>();
    private final Map<String, String> links = new TreeMap<>();
    private final Print print;
    private int row = -1;
    private int lastColumn = -1;
    private boolean rowOpen;

    public WorksheetWriter(Writer out, Setup setup) throws IOException {
        this.out = out;
        this.print = setup.print();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
                .append("<worksheet xmlns=\"").append(StyleSheet.MAIN)
                .append("\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">");
        if (print != null) {
            xml.append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
        }
        xml.append("<sheetViews><sheetView workbookViewId=\"0\"").append(setup.selected() ? " tabSelected=\"1\"" : "").append('>');
        int rows = setup.frozenRows();
        int columns = setup.frozenColumns();
        if (rows > 0 || columns > 0) {
            String topLeft = XmlText.cell(rows, columns);
            String pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
            xml.append("<pane");
            if (columns > 0) {
                xml.append(" xSplit=\"").append(columns).append('"');
            }
            if (rows > 0) {
                xml.append(" ySplit=\"").append(rows).append('"');
            }
            xml.append(" topLeftCell=\"").append(topLeft).append("\" activePane=\"").append(pane).append("\" state=\"frozen\"/>")
                    .append("<selection pane=\"").append(pane).append("\" activeCell=\"").append(topLeft).append("\" sqref=\"")
                    .append(topLeft).append("\"/>");
        }
        xml.append("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        if (!setup.widths().isEmpty()) {
            xml.append("<cols>");
            new TreeMap<>(setup.widths()).forEach((column, chars) -> xml.append("<col min=\"").append(column + 1).append("\" max=\"")
                    .append(column + 1).append("\" width=\"").append(chars).append("\" customWidth=\"1\"/>"));
            xml.append("</cols>");
        }
        xml.append("<sheetData>");
    }

    /** Starts the 0-based row {@code index} (after the rows before it), with a height in points (0: the default). */
    public void startRow(int index, double heightPoints) throws IOException {
        if (index <= row) {
            throw new IllegalArgumentException("row " + (index + 1) + " after row " + (row + 1));
        }
        endRow();
        row = index;
        lastColumn = -1;
        rowOpen = true;
        xml.append("<row r=\"").append(index + 1).append('"');
        if (heightPoints > 0) {
            xml.append(" ht=\"").append(XmlText.number(heightPoints)).append("\" customHeight=\"1\"");
        }
        xml.append('>');
    }

    public void text(int column, String text, int style) {
        open(column, style).append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
        XmlText.appendText(xml, text).append("</t></is></c>");
    }

    public void number(int column, double value, int style) {
        open(column, style).append("><v>").append(XmlText.number(value)).append("</v></c>");
    }

    public void blank(int column, int style) {
        open(column, style).append("/>");
    }

    private StringBuilder open(int column, int style) {
        if (!rowOpen || column <= lastColumn) {
            throw new IllegalStateException("cell " + XmlText.cell(row, column) + " out of order");
        }
        lastColumn = column;
        xml.append("<c r=\"").append(XmlText.column(column)).append(row + 1).append('"');
        if (style != 0) {
            xml.append(" s=\"").append(style).append('"');
        }
        return xml;
    }

    /** Ends the row open, if any. */
    public void endRow() throws IOException {
        if (rowOpen) {
            xml.append("</row>");
            rowOpen = false;
            if (xml.length() > FLUSH_AT) {
                out.write(xml.toString());
                xml.setLength(0);
            }
        }
    }

    /** The last row started (0-based), -1 before the first. */
    public int lastRow() {
        return row;
    }

    public void merge(int row1, int column1, int row2, int column2) {
        merges.add(XmlText.cell(row1, column1) + ":" + XmlText.cell(row2, column2));
    }

    /** Makes the cell a link to a place in the workbook ({@code 'Sheet'!B7}). */
    public void link(int linkRow, int column, String location) {
        links.put(XmlText.cell(linkRow, column), location);
    }

    /** Ends the sheet; {@code legacyDrawing}: the relationship of its comments' drawing, or null when it has none. */
    public void finish(String legacyDrawing) throws IOException {
        finish(List.of(), null, legacyDrawing);
    }

    /**
     * Ends the sheet.
     *
     * @param rowBreaks     0-based rows after which a page breaks
     * @param drawing       the relationship of its drawing (charts), or null
     * @param legacyDrawing the relationship of its comments' drawing, or null
     */
    public void finish(List<Integer> rowBreaks, String drawing, String legacyDrawing) throws IOException {
        endRow();
        xml.append("</sheetData>");
        if (!merges.isEmpty()) {
            xml.append("<mergeCells count=\"").append(merges.size()).append("\">");
            merges.forEach(m -> xml.append("<mergeCell ref=\"").append(m).append("\"/>"));
            xml.append("</mergeCells>");
        }
        if (!links.isEmpty()) {
            xml.append("<hyperlinks>");
            links.forEach((ref, location) -> {
                xml.append("<hyperlink ref=\"").append(ref).append("\" location=\"");
                XmlText.append(xml, location).append("\"/>");
            });
            xml.append("</hyperlinks>");
        }
        if (print != null && print.centered()) {
            xml.append("<printOptions horizontalCentered=\"1\"/>");
        }
        double[] margins = print == null ? Print.DEFAULT_MARGINS : print.margins();
        xml.append("<pageMargins left=\"").append(XmlText.number(margins[0])).append("\" right=\"").append(XmlText.number(margins[1]))
                .append("\" top=\"").append(XmlText.number(margins[2])).append("\" bottom=\"").append(XmlText.number(margins[3]))
                .append("\" header=\"0.3\" footer=\"0.3\"/>");
        if (print != null) {
            xml.append("<pageSetup paperSize=\"9\" orientation=\"").append(print.landscape() ? "landscape" : "portrait")
                    .append("\" fitToWidth=\"").append(print.pagesWide()).append("\" fitToHeight=\"0\"/>");
            if (print.footer() != null) {
                xml.append("<headerFooter><oddFooter>");
                XmlText.append(xml, print.footer()).append("</oddFooter></headerFooter>");
            }
        }
        if (!rowBreaks.isEmpty()) {
            xml.append("<rowBreaks count=\"").append(rowBreaks.size()).append("\" manualBreakCount=\"").append(rowBreaks.size()).append("\">");
            rowBreaks.forEach(r -> xml.append("<brk id=\"").append(r + 1).append("\" max=\"16383\" man=\"1\"/>"));
            xml.append("</rowBreaks>");
        }
        if (drawing != null) {
            xml.append("<drawing r:id=\"").append(drawing).append("\"/>");
        }
        if (legacyDrawing != null) {
            xml.append("<legacyDrawing r:id=\"").append(legacyDrawing).append("\"/>");
        }
        xml.append("</worksheet>");
        out.write(xml.toString());
        xml.setLength(0);
        out.flush();
    }
}
