package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** The thread's reader used part after part: each part read as if by a new one, refusals and failures included. */
class SecureXmlTest {

    /** The qualified names and {@code v} attributes of the elements, in document order. */
    private static class Names extends DefaultHandler {
        final List<String> seen = new ArrayList<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            seen.add(uri + "|" + localName + (attributes.getValue("v") == null ? "" : "=" + attributes.getValue("v")));
        }
    }

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parse_partAfterPart_thenEachReadOnItsOwnWithItsOwnNamespaces() throws Exception {
        Names first = new Names();
        SecureXml.parse(xml("<a xmlns='urn:one'><b v='1'/></a>"), first);
        Names second = new Names();
        SecureXml.parse(xml("<x:a xmlns:x='urn:two'><x:c v='2'/><d/></x:a>"), second);

        assertThat(first.seen).containsExactly("urn:one|a", "urn:one|b=1");
        assertThat(second.seen).containsExactly("urn:two|a", "urn:two|c=2", "|d");
    }

    @Test
    void parse_afterAMalformedPart_thenTheNextPartIsReadWhole() throws Exception {
        assertThatThrownBy(() -> SecureXml.parse(xml("<a><b></a>"), new Names())).isInstanceOf(SAXParseException.class);

        Names next = new Names();
        SecureXml.parse(xml("<a><b v='ok'/></a>"), next);
        assertThat(next.seen).containsExactly("|a", "|b=ok");
    }

    @Test
    void parse_aDoctypeAfterAGoodPart_thenStillRefused() throws Exception {
        SecureXml.parse(xml("<a/>"), new Names());

        assertThatThrownBy(() -> SecureXml.parse(xml("<!DOCTYPE a [<!ENTITY e 'boom'>]><a>&e;</a>"), new Names()))
                .isInstanceOf(SAXParseException.class).hasMessageContaining("DOCTYPE");
        Names after = new Names();
        SecureXml.parse(xml("<a v='still'/>"), after);
        assertThat(after.seen).containsExactly("|a=still");
    }

    @Test
    void parse_aPartFromWithinAnotherPartsHandler_thenBothReadWhole() throws Exception {
        Names inner = new Names();
        Names outer = new Names() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                super.startElement(uri, localName, qName, attributes);
                if (localName.equals("b")) {
                    try {
                        SecureXml.parse(xml("<inner><i v='x'/></inner>"), inner);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        SecureXml.parse(xml("<a><b/><c/></a>"), outer);

        assertThat(outer.seen).containsExactly("|a", "|b", "|c");
        assertThat(inner.seen).containsExactly("|inner", "|i=x");
    }

    @Test
    void parse_aHandlerThatStopsTheParse_thenTheNextPartIsReadWhole() throws Exception {
        DefaultHandler stopping = new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
                throw new SAXException("stop");
            }
        };
        assertThatThrownBy(() -> SecureXml.parse(xml("<a><b/></a>"), stopping)).isInstanceOf(SAXException.class).hasMessage("stop");

        Names next = new Names();
        SecureXml.parse(xml("<z><y/></z>"), next);
        assertThat(next.seen).containsExactly("|z", "|y");
    }

    @Test
    void parse_stoppedOnPurposeInsideAPrefixedElement_thenTheReaderIsKeptAndTheNextPartStartsClean() throws Exception {
        SecureXml.parse(xml("<warm/>"), new Names());
        org.xml.sax.XMLReader kept = SecureXml.idleReader();
        DefaultHandler stopAtCell = new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if (localName.equals("c")) {
                    throw new XlsxSheetParser.Stop();
                }
            }
        };
        assertThatThrownBy(() -> SecureXml.parse(xml("<x:a xmlns:x='urn:one'><x:b><x:c/></x:b></x:a>"), stopAtCell))
                .isInstanceOf(XlsxSheetParser.Stop.class);

        assertThat(SecureXml.idleReader()).isSameAs(kept);
        // the prefix declared by the stopped part is not in scope for the next one
        assertThatThrownBy(() -> SecureXml.parse(xml("<x:z/>"), new Names())).isInstanceOf(SAXParseException.class)
                .hasMessageContaining("x");
        Names next = new Names();
        SecureXml.parse(xml("<z xmlns='urn:two'><y v='1'/></z>"), next);
        assertThat(next.seen).containsExactly("urn:two|z", "urn:two|y=1");
    }

    @Test
    void parse_aMalformedPart_thenItsReaderIsNotKept() throws Exception {
        SecureXml.parse(xml("<warm/>"), new Names());
        org.xml.sax.XMLReader before = SecureXml.idleReader();
        assertThatThrownBy(() -> SecureXml.parse(xml("<a><b></a>"), new Names())).isInstanceOf(SAXParseException.class);

        assertThat(SecureXml.idleReader()).isNull();
        SecureXml.parse(xml("<a/>"), new Names());
        assertThat(SecureXml.idleReader()).isNotNull().isNotSameAs(before);
    }
}
