package vn.tonghop.export.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
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

    static byte[] bytes(Document document) throws IOException {
        try {
            Transformer transformer = XMLHelper.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            document.setXmlStandalone(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IOException("cannot write XML: " + e.getMessage(), e);
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
