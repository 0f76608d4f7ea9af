package vn.tonghop.read;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The SAX parser every part of a workbook is read with: the JDK's own, namespace-aware, refusing a DOCTYPE
 * (so no entity can expand) and never fetching anything external — what POI's {@code XMLHelper} sets up, but
 * configured once. {@code XMLHelper.newXMLReader} looks for a standalone Xerces security manager on every call,
 * a failed class lookup that, through the application jar's nested class loader, cost about 6 % of the read
 * step (JFR, national year).
 */
final class SecureXml {

    private static final SAXParserFactory FACTORY = factory();

    /** A malformed part fails its read, which says why; warnings are not a clerk's business. */
    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // not an error: the part is still read
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private SecureXml() {
    }

    /** A new reader (readers are not shared between threads). */
    static XMLReader newReader() throws SAXException, ParserConfigurationException {
        XMLReader reader = FACTORY.newSAXParser().getXMLReader();
        reader.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("External entity refused: " + systemId);
        });
        reader.setErrorHandler(THROWING); // the parser's own handler would print "[Fatal Error]" lines on stderr
        return reader;
    }

    private static SAXParserFactory factory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The JDK's SAX parser refuses a security feature: " + e.getMessage(), e);
        }
        return factory;
    }
}
