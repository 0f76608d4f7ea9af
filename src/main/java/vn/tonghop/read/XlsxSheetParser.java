package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams one worksheet part of an .xlsx with a secure SAX parser ({@link SecureXml}: no DTDs, no external entities),
 * handing each row's rendered cells to a sink. Memory stays bounded by one row, whatever the sheet's size. The cells
 * are read as POI's event reader ({@code XSSFSheetXMLHandler}) reads them — a cell's value is its {@code <v>}, or the
 * text of its inline string, a formula's cached result, never the formula — but by a handler of tonghop's own, which
 * knows each cell's type and style as it reads it: POI's turned every inline string into an XMLBeans rich-text object
 * to read its text back (a twentieth of the read step). A number is rendered by its cell style's number format
 * ({@link NumberFormatsPart}), a date as a date.
 */
final class XlsxSheetParser {

    private static final String SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** Thrown by a sink to end the parse early; carries no stack trace. */
    static final class Stop extends RuntimeException {
        Stop() {
            super("parse stopped", null, false, false);
        }
    }

    private final NumberFormatsPart formats;
    private final SharedStringsPart strings;
    private final boolean date1904;

    XlsxSheetParser(NumberFormatsPart formats, SharedStringsPart strings, boolean date1904) {
        this.formats = formats;
        this.strings = strings;
        this.date1904 = date1904;
    }

    /** Parses a sheet, handing each stored row (0-based index, cells) to the sink, in order. */
    void parse(InputStream sheetXml, MergedHeaderFill.RowSink sink)
            throws IOException, SAXException, ParserConfigurationException {
        parse(sheetXml, sink, null);
    }

    /**
     * The same, adding to {@code headerMerges} (when not null) the merged ranges that start in the header area, as
     * {@link #headerMerges} finds them: a sheet parsed whole before its rows are used needs no scan of its own for them.
     */
    void parse(InputStream sheetXml, MergedHeaderFill.RowSink sink, List<CellRangeAddress> headerMerges)
            throws IOException, SAXException, ParserConfigurationException {
        SecureXml.parse(sheetXml, new SheetHandler(new Collector(sink, new NumberRendering(formats, date1904)), strings, headerMerges));
    }

    /**
     * The merged ranges of a sheet that start in its header area. They are stored after all the rows, so this
     * reads the whole part, but as bytes: it looks only at tags named {@code mergeCell} (with any prefix) and
     * their {@code ref}, several times faster than a second XML parse. Inside cell text a {@code <} is always
     * escaped, so no cell content can pass for such a tag.
     */
    static List<CellRangeAddress> headerMerges(InputStream sheetXml) throws IOException {
        List<CellRangeAddress> merges = new ArrayList<>();
        byte[] buffer = new byte[8 * 1024];
        StringBuilder tag = new StringBuilder();
        boolean inTag = false;
        int read;
        while ((read = sheetXml.read(buffer)) >= 0) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (!inTag) {
                    if (b == '<') {
                        inTag = true;
                        tag.setLength(0);
                    }
                } else if (b == '>' || tag.length() > 200) {
                    inTag = false;
                    String ref = mergeCellRef(tag);
                    if (ref != null && ref.indexOf(':') > 0) {
                        CellRangeAddress range = CellRangeAddress.valueOf(ref);
                        if (range.getFirstRow() < MergedHeaderFill.HEADER_ROWS) {
                            merges.add(range);
                        }
                    }
                } else if (tag.length() > 0 || "cvrfit/".indexOf(b) < 0) {
                    tag.append((char) b);
                } else {
                    inTag = false; // <c>, <v>, <row>, <f>, <is>, <t>, closing tags: the bulk of a sheet
                }
            }
        }
        return merges;
    }

    /** The {@code ref} of a {@code <mergeCell ref="A6:A7"/>} tag's text (after the {@code <}), else null. */
    private static String mergeCellRef(CharSequence tag) {
        int nameEnd = 0;
        while (nameEnd < tag.length() && !Character.isWhitespace(tag.charAt(nameEnd)) && tag.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        String name = tag.subSequence(0, nameEnd).toString();
        if (!name.equals("mergeCell") && !name.endsWith(":mergeCell")) {
            return null;
        }
        String attributes = tag.subSequence(nameEnd, tag.length()).toString();
        int at = attributes.indexOf("ref=");
        if (at < 0 || at + 5 >= attributes.length()) {
            return null;
        }
        char quote = attributes.charAt(at + 4);
        int close = attributes.indexOf(quote, at + 5);
        return close < 0 ? null : attributes.substring(at + 5, close);
    }

    /**
     * Renders a stored number by {@link CellText}'s rules instead of the cell's display format: a date where its cell
     * style's format is a date format. Whether a format is one is remembered per format id (POI's test is a regular
     * expression).
     */
    private static final class NumberRendering {

        private final NumberFormatsPart formats;
        private final boolean date1904;
        private final Map<Integer, Boolean> dateFormats = new HashMap<>();

        NumberRendering(NumberFormatsPart formats, boolean date1904) {
            this.formats = formats;
            this.date1904 = date1904;
        }

        /** The stored number {@code value} of a cell of style {@code style}, rendered; null where it is left as stored. */
        String render(String value, String style) {
            int formatIndex = formats.formatIndex(style);
            String formatCode = formats.formatCode(formatIndex);
            if (formatCode == null || value.isEmpty()) {
                return null;
            }
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                return null; // not a number after all: the clerk is told so by the rules, as of any text
            }
            return CellText.numeric(number, isDateFormat(formatIndex, formatCode), date1904);
        }

        private boolean isDateFormat(int formatIndex, String formatCode) {
            if (formatIndex == 0) {
                return false;
            }
            return dateFormats.computeIfAbsent(formatIndex, i -> DateUtil.isADateFormat(i, formatCode));
        }
    }

    /** Builds each row's cells from the values the handler read, by each cell's stored type and style. */
    private static final class Collector {

        private final MergedHeaderFill.RowSink sink;
        private final NumberRendering numbers;
        private List<String> cells = new ArrayList<>();

        Collector(MergedHeaderFill.RowSink sink, NumberRendering numbers) {
            this.sink = sink;
            this.numbers = numbers;
        }

        void startRow() {
            cells = new ArrayList<>();
        }

        void endRow(int rowNum) {
            sink.row(rowNum, cells);
        }

        /** A cell at {@code cellReference} (null: after the row's last cell) with its text as rendered. */
        void cell(String cellReference, String text) {
            int column = cellReference == null ? cells.size() : column(cellReference);
            while (cells.size() < column) {
                cells.add("");
            }
            if (column < cells.size()) {
                cells.set(column, text);
            } else {
                cells.add(text);
            }
        }

        /**
         * The text of a cell of type {@code type} ({@code t}: b, e, s, inlineStr, str, d, or none for a number) and style
         * {@code style}, from its value as stored; an inline string's escapes are decoded by the caller.
         */
        String render(String value, String type, String style) {
            if (value == null) {
                return "";
            }
            return switch (type == null ? "n" : type) {
                case "b" -> value.isEmpty() ? "" : CellText.yesNo(value.charAt(0) != '0');
                // a formula in error keeps its code (#DIV/0!, #REF!), so the clerk is told instead of the value vanishing
                case "e", "s", "inlineStr", "str" -> CellText.clean(value);
                case "d" -> CellText.clean(value.endsWith("T00:00:00") ? value.substring(0, value.length() - 9)
                        : value.replace('T', ' '));
                default -> number(value, style);
            };
        }

        /** A stored number (a figure or a formula's result): by its style's format, else as stored. */
        private String number(String value, String style) {
            String rendered = numbers.render(value, style);
            if (rendered != null) {
                return CellText.clean(rendered);
            }
            return isRawNumber(value) ? CellText.number(Double.parseDouble(value)) : CellText.clean(value);
        }

        /**
         * A number as the sheet XML stores it ({@code 2.5}, {@code 1E-3}), which POI passes on unformatted when
         * a cell has no style at all; {@link CellText} never renders a dot or an exponent.
         */
        private static boolean isRawNumber(String value) {
            boolean marker = false;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '.' || c == 'E' || c == 'e') {
                    marker = true;
                } else if (!(c >= '0' && c <= '9') && c != '-' && c != '+') {
                    return false;
                }
            }
            return marker;
        }

        /** The 0-based column of a reference such as {@code AB12}. */
        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    column = column * 26 + (c - 'A' + 1);
                } else if (c != '$') {
                    break;
                }
            }
            return column - 1;
        }
    }

    /**
     * The sheet's cells, read as POI's {@code XSSFSheetXMLHandler} reads them: elements of the SpreadsheetML namespace
     * only; a row's index from its {@code r} (else the one after the last); a cell's column from its {@code r} (else
     * after the row's last cell); its value from {@code <v>}, or from the {@code <t>}s of its inline string {@code <is>}
     * (rich-text runs joined, phonetic guides left out); a cell with neither is not a cell. Shared strings by index, a
     * boolean by its first digit, an error by its code.
     */
    private static final class SheetHandler extends DefaultHandler {

        private final Collector collector;
        private final SharedStringsPart strings;
        private final List<CellRangeAddress> headerMerges;
        private final StringBuilder value = new StringBuilder();
        private int rowNum;
        private int nextRowNum;
        private String cellReference;
        private String cellType;
        private String cellStyle;
        private boolean inValue;
        private boolean inInlineString;
        private int phonetic;

        SheetHandler(Collector collector, SharedStringsPart strings, List<CellRangeAddress> headerMerges) {
            this.collector = collector;
            this.strings = strings;
            this.headerMerges = headerMerges;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!SPREADSHEET_NS.equals(uri)) {
                return;
            }
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNum = r != null ? Integer.parseInt(r.trim()) - 1 : nextRowNum;
                    collector.startRow();
                }
                case "c" -> {
                    cellReference = attributes.getValue("r");
                    cellType = attributes.getValue("t");
                    cellStyle = attributes.getValue("s");
                    value.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    if (!inInlineString) {
                        value.setLength(0);
                    }
                }
                case "is" -> inInlineString = true;
                case "rPh" -> phonetic++;
                case "t" -> inValue = inInlineString && phonetic == 0;
                case "mergeCell" -> {
                    String ref = attributes.getValue("ref");
                    if (headerMerges != null && ref != null && ref.indexOf(':') > 0) {
                        CellRangeAddress range = CellRangeAddress.valueOf(ref);
                        if (range.getFirstRow() < MergedHeaderFill.HEADER_ROWS) {
                            headerMerges.add(range);
                        }
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (!SPREADSHEET_NS.equals(uri)) {
                return;
            }
            switch (localName) {
                case "v" -> {
                    inValue = false;
                    if (!inInlineString) {
                        outputCell();
                    }
                }
                case "t" -> inValue = false;
                case "is" -> {
                    inInlineString = false;
                    outputCell();
                }
                case "rPh" -> phonetic--;
                case "row" -> {
                    collector.endRow(rowNum);
                    nextRowNum = rowNum + 1;
                }
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
            }
        }

        private void outputCell() {
            String stored = value.toString();
            value.setLength(0);
            String text;
            if ("s".equals(cellType)) {
                text = sharedString(stored.trim());
            } else if ("inlineStr".equals(cellType)) {
                text = SharedStringsPart.decode(stored);
            } else {
                text = stored;
            }
            collector.cell(cellReference, collector.render(text, cellType, cellStyle));
        }

        /** The shared string a cell's index points to; no index, or one that is no number, reads as an empty cell. */
        private String sharedString(String index) {
            if (index.isEmpty()) {
                return null;
            }
            try {
                return strings.text(Integer.parseInt(index));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
