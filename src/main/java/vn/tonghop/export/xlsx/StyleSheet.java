package vn.tonghop.export.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The styles part of a result workbook: a new one, or the clerk's own with what the result adds: the formats of the
 * summary sheet and, for each style of hers that a marked cell has, a copy with the red or yellow fill. Her styles
 * keep their indexes; ours are appended.
 */
public final class StyleSheet {

    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String FRESH = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="1"><font><sz val="11"/><color indexed="8"/><name val="Calibri"/><family val="2"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>""";
    /** The order of the children of {@code styleSheet} (ECMA-376), for inserting a list that is missing. */
    private static final List<String> ORDER = List.of("numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles",
            "dxfs", "tableStyles", "colors", "extLst");

    private final Document document;
    private final Element root;
    private final Map<CellFormat, Integer> formats = new HashMap<>();
    private final Map<String, Integer> filled = new HashMap<>();
    private final Map<String, Integer> fills = new HashMap<>();
    private final Map<String, Integer> fonts = new HashMap<>();
    private final Map<String, Integer> numberFormats = new HashMap<>();
    private int thinBorder = -1;

    private StyleSheet(Document document) throws IOException {
        this.document = document;
        this.root = document.getDocumentElement();
        if (!"styleSheet".equals(root.getLocalName()) || !MAIN.equals(root.getNamespaceURI())) {
            throw new IOException("not a transitional SpreadsheetML styles part: " + root.getNamespaceURI() + " " + root.getLocalName());
        }
        for (String list : List.of("fonts", "fills", "borders", "cellXfs")) {
            if (Dom.child(root, list) == null) {
                Dom.insertAfterAny(root, Dom.create(root, list), ORDER.subList(0, ORDER.indexOf(list)));
            }
        }
        if (entries("fonts").isEmpty()) {
            add("fonts", fromXml("<font xmlns=\"" + MAIN + "\"><sz val=\"11\"/><name val=\"Calibri\"/></font>"));
        }
        if (entries("fills").isEmpty()) {
            add("fills", fromXml("<fill xmlns=\"" + MAIN + "\"><patternFill patternType=\"none\"/></fill>"));
            add("fills", fromXml("<fill xmlns=\"" + MAIN + "\"><patternFill patternType=\"gray125\"/></fill>"));
        }
        if (entries("borders").isEmpty()) {
            add("borders", fromXml("<border xmlns=\"" + MAIN + "\"><left/><right/><top/><bottom/><diagonal/></border>"));
        }
        if (entries("cellXfs").isEmpty()) {
            add("cellXfs", fromXml("<xf xmlns=\"" + MAIN + "\" numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"));
        }
    }

    /** The styles of a new workbook: the default format alone. */
    public static StyleSheet fresh() {
        try {
            Document copy;
            synchronized (TEMPLATE) {
                copy = (Document) TEMPLATE.cloneNode(true);
            }
            return new StyleSheet(copy);
        } catch (IOException e) {
            throw new IllegalStateException("the built-in styles part does not parse", e);
        }
    }

    /** The styles of a new workbook, parsed once and copied for each. */
    private static final Document TEMPLATE;

    static {
        try {
            TEMPLATE = Dom.parse(new ByteArrayInputStream(FRESH.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The clerk's styles part, to be extended. */
    public static StyleSheet of(InputStream part) throws IOException {
        return new StyleSheet(Dom.parse(part));
    }

    /** The index of a format of ours (the same format asked twice is one style). */
    public int format(CellFormat format) {
        return formats.computeIfAbsent(format, f -> {
            Element xf = Dom.create(root, "xf");
            xf.setAttribute("numFmtId", Integer.toString(f.numberFormat() == null ? 0 : numberFormat(f.numberFormat())));
            xf.setAttribute("fontId", Integer.toString(font(f.bold(), f.italic(), f.fontPoints(), f.fontName())));
            xf.setAttribute("fillId", Integer.toString(f.fillArgb() == null ? 0 : fill(f.fillArgb())));
            xf.setAttribute("borderId", Integer.toString(f.thinBorder() ? thinBorder() : 0));
            xf.setAttribute("xfId", "0");
            xf.setAttribute("applyFont", "1");
            if (f.numberFormat() != null) {
                xf.setAttribute("applyNumberFormat", "1");
            }
            if (f.fillArgb() != null) {
                xf.setAttribute("applyFill", "1");
            }
            if (f.thinBorder()) {
                xf.setAttribute("applyBorder", "1");
            }
            if (f.quotePrefix()) {
                xf.setAttribute("quotePrefix", "1");
            }
            if (f.horizontal() != null || f.vertical() != null || f.wrap()) {
                xf.setAttribute("applyAlignment", "1");
                Element alignment = Dom.create(root, "alignment");
                if (f.horizontal() != null) {
                    alignment.setAttribute("horizontal", f.horizontal());
                }
                if (f.vertical() != null) {
                    alignment.setAttribute("vertical", f.vertical());
                }
                if (f.wrap()) {
                    alignment.setAttribute("wrapText", "1");
                }
                xf.appendChild(alignment);
            }
            return add("cellXfs", xf);
        });
    }

    /** Sets the workbook's default font (the font of every cell without a format of its own). */
    public void defaultFont(String name, double points) {
        Element font = entries("fonts").get(0);
        rename(font, name);
        resize(font, points);
        fonts.clear();
    }

    /** The id of a number format code: a built-in one, or a new custom one (ids from 164). */
    private int numberFormat(String code) {
        if (code.equals("General")) {
            return 0;
        }
        return numberFormats.computeIfAbsent(code, k -> {
            Element list = Dom.child(root, "numFmts");
            if (list == null) {
                list = Dom.create(root, "numFmts");
                root.insertBefore(list, root.getFirstChild());
            }
            int id = 164;
            for (Element existing : Dom.children(list, "numFmt")) {
                try {
                    id = Math.max(id, Integer.parseInt(existing.getAttribute("numFmtId")) + 1);
                } catch (NumberFormatException e) {
                    // hers, unreadable: ids beyond it are still free
                }
            }
            Element numFmt = Dom.create(root, "numFmt");
            numFmt.setAttribute("numFmtId", Integer.toString(id));
            numFmt.setAttribute("formatCode", code);
            list.appendChild(numFmt);
            list.setAttribute("count", Integer.toString(Dom.children(list, "numFmt").size()));
            return id;
        });
    }

    /** The index of a copy of style {@code xf} (an index of cellXfs) with a solid fill of colour {@code argb}. */
    public int filled(int xf, String argb) {
        return filled.computeIfAbsent(xf + ":" + argb, k -> {
            List<Element> xfs = entries("cellXfs");
            Element original = xf >= 0 && xf < xfs.size() ? xfs.get(xf) : xfs.get(0);
            Element copy = (Element) original.cloneNode(true);
            copy.setAttribute("fillId", Integer.toString(fill(argb)));
            copy.setAttribute("applyFill", "1");
            return add("cellXfs", copy);
        });
    }

    /** The quote-prefixed copy of style {@code xf}: text that would read as a formula shows as typed. */
    public int quoted(int xf) {
        return filled.computeIfAbsent(xf + ":quoted", k -> {
            List<Element> xfs = entries("cellXfs");
            Element copy = (Element) (xf >= 0 && xf < xfs.size() ? xfs.get(xf) : xfs.get(0)).cloneNode(true);
            copy.setAttribute("quotePrefix", "1");
            return add("cellXfs", copy);
        });
    }

    public byte[] bytes() throws IOException {
        return Dom.bytes(document);
    }

    private int font(boolean bold, boolean italic, double points, String name) {
        if (!bold && !italic && points == 0 && name == null) {
            return 0;
        }
        return fonts.computeIfAbsent(bold + ":" + italic + ":" + points + ":" + name, k -> {
            Element font = (Element) entries("fonts").get(0).cloneNode(true);
            toggle(font, "b", bold);
            toggle(font, "i", italic);
            if (name != null) {
                rename(font, name);
            }
            if (points > 0) {
                resize(font, points);
            }
            return add("fonts", font);
        });
    }

    private void rename(Element font, String name) {
        Element nameElement = Dom.child(font, "name");
        if (nameElement == null) {
            nameElement = Dom.create(root, "name");
            font.appendChild(nameElement);
        }
        nameElement.setAttribute("val", name);
        dropFamily(font);
    }

    private void resize(Element font, double points) {
        Element size = Dom.child(font, "sz");
        if (size == null) {
            size = Dom.create(root, "sz");
            font.insertBefore(size, font.getFirstChild());
        }
        size.setAttribute("val", XmlText.number(points));
    }

    /** A font named anew loses the family of the font it was copied from (Calibri's "swiss" is no serif's). */
    private static void dropFamily(Element font) {
        Element family = Dom.child(font, "family");
        if (family != null) {
            font.removeChild(family);
        }
        Element scheme = Dom.child(font, "scheme");
        if (scheme != null) {
            font.removeChild(scheme);
        }
    }

    private void toggle(Element font, String flag, boolean on) {
        Element present = Dom.child(font, flag);
        if (on && present == null) {
            font.insertBefore(Dom.create(root, flag), font.getFirstChild());
        } else if (!on && present != null) {
            font.removeChild(present);
        }
    }

    private int fill(String argb) {
        return fills.computeIfAbsent(argb, k -> {
            Element fill = Dom.create(root, "fill");
            Element pattern = Dom.create(root, "patternFill");
            pattern.setAttribute("patternType", "solid");
            Element fg = Dom.create(root, "fgColor");
            fg.setAttribute("rgb", argb);
            Element bg = Dom.create(root, "bgColor");
            bg.setAttribute("indexed", "64");
            pattern.appendChild(fg);
            pattern.appendChild(bg);
            fill.appendChild(pattern);
            return add("fills", fill);
        });
    }

    private int thinBorder() {
        if (thinBorder < 0) {
            Element border = Dom.create(root, "border");
            for (String side : List.of("left", "right", "top", "bottom")) {
                Element edge = Dom.create(root, side);
                edge.setAttribute("style", "thin");
                Element color = Dom.create(root, "color");
                color.setAttribute("indexed", "64");
                edge.appendChild(color);
                border.appendChild(edge);
            }
            border.appendChild(Dom.create(root, "diagonal"));
            thinBorder = add("borders", border);
        }
        return thinBorder;
    }

    private List<Element> entries(String list) {
        Element parent = Dom.child(root, list);
        return parent == null ? List.of() : Dom.children(parent, switch (list) {
            case "fonts" -> "font";
            case "fills" -> "fill";
            case "borders" -> "border";
            default -> "xf";
        });
    }

    /** Appends an entry to a list and keeps its count; returns the entry's index. */
    private int add(String list, Element entry) {
        Element parent = Dom.child(root, list);
        int index = entries(list).size();
        parent.appendChild(entry);
        parent.setAttribute("count", Integer.toString(index + 1));
        return index;
    }

    private Element fromXml(String xml) {
        try {
            Node node = Dom.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            Element imported = (Element) document.importNode(node, true);
            if (root.getPrefix() != null) {
                // her parts use a prefix for the main namespace: ours follow
                return (Element) document.renameNode(imported, MAIN, root.getPrefix() + ":" + imported.getLocalName());
            }
            return imported;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
