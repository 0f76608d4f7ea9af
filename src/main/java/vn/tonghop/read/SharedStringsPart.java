package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings ({@code xl/sharedStrings.xml}) as plain text, in index order: each
 * {@code <si>}'s text, its rich-text runs joined, its phonetic guides ({@code <rPh>}) left out as Excel shows
 * them, its escaped characters decoded ({@link #decode}). Read once per workbook with {@link SecureXml}; the sheet
 * parser asks for them by index.
 */
final class SharedStringsPart {

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

    /** How many entries the part holds. */
    int count() {
        return strings.size();
    }

    /**
     * A cell text as SpreadsheetML stores it, its escaped characters decoded: {@code _xHHHH_} is the character of that
     * code (what Excel writes for a carriage return, {@code _x000D_}, or a control character XML cannot hold), and
     * {@code _x005F_} the underscore that keeps a literal {@code _x000D_} from being read as one. Excel and POI read
     * text this way, in shared strings and inline strings alike.
     */
    static String decode(String text) {
        int at = text.indexOf("_x");
        if (at < 0) {
            return text;
        }
        StringBuilder decoded = null;
        int copied = 0;
        while (at >= 0) {
            if (at + 7 <= text.length() && text.charAt(at + 6) == '_' && isHex(text, at + 2, at + 6)) {
                if (decoded == null) {
                    decoded = new StringBuilder(text.length());
                }
                decoded.append(text, copied, at).append((char) Integer.parseInt(text, at + 2, at + 6, 16));
                copied = at + 7;
                at = text.indexOf("_x", copied);
            } else {
                at = text.indexOf("_x", at + 1);
            }
        }
        return decoded == null ? text : decoded.append(text, copied, text.length()).toString();
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0 || text.charAt(i) > 'f') {
                return false;
            }
        }
        return true;
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
                    strings.add(decode(text.toString()));
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
}
