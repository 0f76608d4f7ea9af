package vn.tonghop.export.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import org.apache.poi.util.XMLHelper;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The small parts of a package (workbook, styles, relationships, content types) read and written as DOM, with POI's
 * hardened parser (no DTD, no external entity): they are a few kilobytes each.
 */
final class Dom {

    private Dom() {
    }

    /** One hardened builder per thread, reset between documents: making one looks for classes through every nested jar. */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(XMLHelper::newDocumentBuilder);

    static Document parse(InputStream in) throws IOException {
        DocumentBuilder builder = BUILDERS.get();
        builder.reset();
        try {
            return builder.parse(in);
        } catch (SAXException e) {
            throw new IOException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /**
     * The document as UTF-8 XML. Written here rather than by a JAXP transformer (a tenth of a result's cost): every
     * part it writes is one tonghop parsed or built, whose namespaces are all declared by attributes in scope.
     */
    static byte[] bytes(Document document) {
        StringBuilder xml = new StringBuilder(8192);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        write(document.getDocumentElement(), xml);
        return xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void write(Node node, StringBuilder xml) {
        switch (node.getNodeType()) {
            case Node.ELEMENT_NODE -> {
                xml.append('<').append(node.getNodeName());
                org.w3c.dom.NamedNodeMap attributes = node.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Node attribute = attributes.item(i);
                    xml.append(' ').append(attribute.getNodeName()).append("=\"");
                    escape(attribute.getNodeValue(), xml, true);
                    xml.append('"');
                }
                if (node.getFirstChild() == null) {
                    xml.append("/>");
                } else {
                    xml.append('>');
                    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                        write(child, xml);
                    }
                    xml.append("</").append(node.getNodeName()).append('>');
                }
            }
            case Node.TEXT_NODE -> escape(node.getNodeValue(), xml, false);
            case Node.CDATA_SECTION_NODE -> xml.append("<![CDATA[").append(node.getNodeValue()).append("]]>");
            case Node.COMMENT_NODE -> xml.append("<!--").append(node.getNodeValue()).append("-->");
            case Node.PROCESSING_INSTRUCTION_NODE -> xml.append("<?").append(node.getNodeName()).append(' ').append(node.getNodeValue()).append("?>");
            default -> {
                // entity references do not occur: the parser refuses DTDs
            }
        }
    }

    private static void escape(String text, StringBuilder xml, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append(attribute ? "&quot;" : "\"");
                case '\r' -> xml.append("&#13;");
                case '\n' -> xml.append(attribute ? "&#10;" : "\n");
                case '\t' -> xml.append(attribute ? "&#9;" : "\t");
                default -> xml.append(c);
            }
        }
    }

    /** The element children of {@code parent} with the local name {@code name}, in order. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** A new element in the namespace and with the prefix of {@code like} (her parts may use a prefix for the main namespace). */
    static Element create(Element like, String name) {
        String prefix = like.getPrefix();
        return like.getOwnerDocument().createElementNS(like.getNamespaceURI(), prefix == null ? name : prefix + ":" + name);
    }

    /** Inserts {@code element} as the first child of {@code parent} that comes after every child named in {@code before}. */
    static void insertAfterAny(Element parent, Element element, List<String> before) {
        Node after = null;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && before.contains(e.getLocalName())) {
                after = n;
            }
        }
        parent.insertBefore(element, after == null ? parent.getFirstChild() : after.getNextSibling());
    }
}
