package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
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

    /**
     * Parses {@code part} into {@code handler} with this thread's reader, made once and used again for the next part:
     * making a reader (Xerces building its configuration and security manager) was a fifteenth of opening a workbook,
     * and a district's workbook has five or six parts to read. The features are the reader's configuration and stay;
     * each parse starts from a clean state (Xerces resets its scanner, namespaces and limits at the start of every
     * document, and closes the part it read at the end of every parse, however it ended). A reader goes back to the thread
     * after a parse that ended normally or that its handler stopped on purpose ({@link XlsxSheetParser.Stop}: the check
     * for a sheet with data stops at the first filled cell, once per workbook), not after a malformed part; a part parsed
     * from within another's handler gets a reader of its own.
     */
    static void parse(InputStream part, ContentHandler handler) throws IOException, SAXException, ParserConfigurationException {
        XMLReader[] idle = IDLE.get();
        XMLReader reader = idle[0];
        idle[0] = null;
        if (reader == null) {
            reader = newReader();
        }
        reader.setContentHandler(handler);
        boolean ended = false;
        try {
            reader.parse(new InputSource(part));
            ended = true;
        } catch (XlsxSheetParser.Stop stopped) {
            ended = true;
            throw stopped;
        } catch (SAXException e) {
            ended = e.getCause() instanceof XlsxSheetParser.Stop;
            throw e;
        } finally {
            reader.setContentHandler(null); // the handler and what it collected are not kept with the reader
            if (ended && idle[0] == null) {
                idle[0] = reader;
            }
        }
    }

    /** This thread's reader waiting for its next part, if any (for tests: whether a reader was kept). */
    static XMLReader idleReader() {
        return IDLE.get()[0];
    }

    /** Each thread's reader between two parts (one slot: empty while a part is being parsed). */
    private static final ThreadLocal<XMLReader[]> IDLE = ThreadLocal.withInitial(() -> new XMLReader[1]);

    /** A new reader (readers are not shared between threads). */
    private static XMLReader newReader() throws SAXException, ParserConfigurationException {
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
