package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;

/**
 * Streams one worksheet part of an .xlsx through POI's {@link XSSFSheetXMLHandler} with a secure SAX parser
 * ({@link SecureXml}: no DTDs, no external entities), handing each row's rendered cells to a sink. Memory stays
 * bounded by one row, whatever the sheet's size. POI's handler is given no styles: it passes a number on as stored,
 * and the collector renders it by its cell style's number format ({@link NumberFormatsPart}), a date as a date.
 */
final class XlsxSheetParser {

    private static final String SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** Thrown by a sink to end the parse early; carries no stack trace. */
    static final class Stop extends RuntimeException {
        Stop() {
            super("parse stopped", null, false, false);
        }
    }

    /** Handed to POI's handler, which uses none without styles: a {@code DataFormatter} costs to make. */
    private static final DataFormatter UNUSED = new DataFormatter();

    private final NumberFormatsPart formats;
    private final SharedStrings strings;
    private final boolean date1904;

    XlsxSheetParser(NumberFormatsPart formats, SharedStrings strings, boolean date1904) {
        this.formats = formats;
        this.strings = strings;
        this.date1904 = date1904;
    }

    /** Parses a sheet, handing each stored row (0-based index, cells) to the sink, in order. */
    void parse(InputStream sheetXml, MergedHeaderFill.RowSink sink)
            throws IOException, SAXException, ParserConfigurationException {
        Collector collector = new Collector(sink, new NumberRendering(formats, date1904));
        XSSFSheetXMLHandler handler = new XSSFSheetXMLHandler(null, null, strings, collector, UNUSED, false);
        SecureXml.parse(sheetXml, new CellTypeTracker(handler, collector));
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

    /** Builds each row's cells; knows each cell's stored type from {@link CellTypeTracker}. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final MergedHeaderFill.RowSink sink;
        private final NumberRendering numbers;
        private List<String> cells = new ArrayList<>();
        private String cellType;
        private String cellStyle;

        Collector(MergedHeaderFill.RowSink sink, NumberRendering numbers) {
            this.sink = sink;
            this.numbers = numbers;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            sink.row(rowNum, cells);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? cells.size() : column(cellReference);
            while (cells.size() < column) {
                cells.add("");
            }
            String text = render(formattedValue);
            if (column < cells.size()) {
                cells.set(column, text);
            } else {
                cells.add(text);
            }
        }

        private String render(String value) {
            if (value == null) {
                return "";
            }
            String type = cellType == null ? "n" : cellType;
            return switch (type) {
                case "b" -> CellText.yesNo("TRUE".equals(value));
                // a formula in error keeps its code (#DIV/0!, #REF!), so the clerk is told instead of the value vanishing
                case "e" -> CellText.clean(value.startsWith("ERROR:") ? value.substring("ERROR:".length()) : value);
                case "s", "inlineStr", "str" -> CellText.clean(value);
                case "d" -> CellText.clean(value.endsWith("T00:00:00") ? value.substring(0, value.length() - 9)
                        : value.replace('T', ' '));
                default -> number(value);
            };
        }

        /** A stored number (a figure or a formula's result): by its style's format, else as stored. */
        private String number(String value) {
            String rendered = numbers.render(value, cellStyle);
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
     * Passes every SAX event on to POI's handler, noting first each cell's {@code t} attribute (b, e, s, str,
     * inlineStr, d or none for a number) and its style ({@code s}), which POI's {@code SheetContentsHandler} does not
     * tell.
     */
    private static final class CellTypeTracker implements ContentHandler {

        private final ContentHandler delegate;
        private final Collector collector;

        CellTypeTracker(ContentHandler delegate, Collector collector) {
            this.delegate = delegate;
            this.collector = collector;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("c".equals(localName) && SPREADSHEET_NS.equals(uri)) {
                collector.cellType = atts.getValue("t");
                collector.cellStyle = atts.getValue("s");
            }
            delegate.startElement(uri, localName, qName, atts);
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            delegate.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            delegate.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            delegate.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            delegate.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            delegate.endPrefixMapping(prefix);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            delegate.endElement(uri, localName, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            delegate.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            delegate.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            delegate.processingInstruction(target, data);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            delegate.skippedEntity(name);
        }
    }
}
