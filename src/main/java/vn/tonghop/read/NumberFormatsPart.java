package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What the sheet parser needs of a workbook's styles ({@code xl/styles.xml}): the number format of each cell style
 * ({@code <cellXfs>}'s {@code <xf numFmtId>}), its code from the workbook's own {@code <numFmts>} or Excel's built-in
 * ones, so that a date is told from a number. Read once per workbook with {@link SecureXml}, in a single pass over the
 * part: loading POI's whole {@code StylesTable} through XMLBeans (fonts, fills, borders, the theme) for this was a
 * quarter of opening a district's workbook.
 *
 * <p>Resolved as POI resolves a cell's {@code s} attribute: a cell without one takes the first style, an index past
 * the styles (a damaged workbook) has no format, and the number is left as stored.
 */
final class NumberFormatsPart {

    private static final String SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final NumberFormatsPart NONE = new NumberFormatsPart(new int[0], Map.of());

    /** Each cell style's number format id, by the style's index. */
    private final int[] styleFormats;
    /** The workbook's own format codes, by id. */
    private final Map<Integer, String> codes;

    private NumberFormatsPart(int[] styleFormats, Map<Integer, String> codes) {
        this.styleFormats = styleFormats;
        this.codes = codes;
    }

    /** A workbook without a styles part: no cell has a format. */
    static NumberFormatsPart none() {
        return NONE;
    }

    static NumberFormatsPart read(InputStream part) throws IOException, SAXException, ParserConfigurationException {
        Handler handler = new Handler();
        SecureXml.parse(part, handler);
        return new NumberFormatsPart(Arrays.copyOf(handler.styleFormats, handler.styles), Map.copyOf(handler.codes));
    }

    /**
     * The number format id of the cell style a cell's {@code s} attribute names ({@code null}: the first style); -1
     * when there is no such style.
     */
    int formatIndex(String styleAttribute) {
        int style;
        if (styleAttribute == null) {
            style = 0;
        } else {
            try {
                style = Integer.parseInt(styleAttribute.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return style >= 0 && style < styleFormats.length ? styleFormats[style] : -1;
    }

    /** The code of number format {@code id}: the workbook's own, else Excel's built-in one; null for none. */
    String formatCode(int id) {
        if (id < 0) {
            return null;
        }
        String own = codes.get(id);
        return own != null ? own : BuiltinFormats.getBuiltinFormat(id);
    }

    int styleCount() {
        return styleFormats.length;
    }

    private static final class Handler extends DefaultHandler {

        private final Map<Integer, String> codes = new HashMap<>();
        private int[] styleFormats = new int[16];
        private int styles;
        private boolean inCellStyles;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!SPREADSHEET_NS.equals(uri)) {
                return;
            }
            switch (localName) {
                case "numFmt" -> {
                    Integer id = number(attributes.getValue("numFmtId"));
                    String code = attributes.getValue("formatCode");
                    if (id != null && code != null) {
                        codes.put(id, code);
                    }
                }
                case "cellXfs" -> inCellStyles = true;
                case "xf" -> {
                    if (inCellStyles) {
                        if (styles == styleFormats.length) {
                            styleFormats = Arrays.copyOf(styleFormats, styles * 2);
                        }
                        Integer id = number(attributes.getValue("numFmtId"));
                        styleFormats[styles++] = id == null ? 0 : id;
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (SPREADSHEET_NS.equals(uri) && "cellXfs".equals(localName)) {
                inCellStyles = false;
            }
        }

        private static Integer number(String text) {
            if (text == null) {
                return null;
            }
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
