package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.model.SharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings ({@code xl/sharedStrings.xml}) as plain text, in index order: each
 * {@code <si>}'s text, its rich-text runs joined, its phonetic guides ({@code <rPh>}) left out as Excel shows
 * them. Read once per workbook with {@link SecureXml}; the sheet parser asks for them by index.
 */
final class SharedStringsPart implements SharedStrings {

    private static final String SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private final List<String> strings;

    private SharedStringsPart(List<String> strings) {
        this.strings = strings;
    }

    /** No shared strings: a workbook whose cells are all numbers or inline text. */
    static SharedStringsPart empty() {
        return new SharedStringsPart(List.of());
    }

    static SharedStringsPart read(InputStream part) throws IOException, SAXException, ParserConfigurationException {
        Handler handler = new Handler();
        SecureXml.parse(part, handler);
        return new SharedStringsPart(handler.strings);
    }

    /** The text of entry {@code index}; an index past the end (a damaged workbook) reads as an empty cell. */
    String text(int index) {
        return index >= 0 && index < strings.size() ? strings.get(index) : "";
    }

    @Override
    public RichTextString getItemAt(int index) {
        return new PlainText(text(index));
    }

    @Override
    public int getCount() {
        return strings.size();
    }

    @Override
    public int getUniqueCount() {
        return strings.size();
    }

    private static final class Handler extends DefaultHandler {

        private final List<String> strings = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private boolean inItem;
        private boolean inText;
        private int phonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!SPREADSHEET_NS.equals(uri)) {
                return;
            }
            switch (localName) {
                case "si" -> {
                    inItem = true;
                    text.setLength(0);
                }
                case "rPh" -> phonetic++;
                case "t" -> inText = inItem && phonetic == 0;
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
                case "si" -> {
                    strings.add(text.toString());
                    inItem = false;
                }
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }
    }

    /**
     * The only part of a rich text POI's sheet handler uses is its text ({@code toString}); building an
     * {@code XSSFRichTextString} (an XMLBeans object) for each string cell bought nothing.
     */
    private record PlainText(String text) implements RichTextString {

        @Override
        public String getString() {
            return text;
        }

        @Override
        public String toString() {
            return text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return 0;
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw new UnsupportedOperationException("read-only text");
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw new UnsupportedOperationException("read-only text");
        }

        @Override
        public void applyFont(Font font) {
            throw new UnsupportedOperationException("read-only text");
        }

        @Override
        public void clearFormatting() {
            throw new UnsupportedOperationException("read-only text");
        }

        @Override
        public void applyFont(short fontIndex) {
            throw new UnsupportedOperationException("read-only text");
        }
    }
}
