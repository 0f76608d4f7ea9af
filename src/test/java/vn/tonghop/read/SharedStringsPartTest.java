package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

class SharedStringsPartTest {

    private static SharedStringsPart read(String xml) throws Exception {
        return SharedStringsPart.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sharedStrings_whenRichRunsAndPhoneticGuides_thenTheShownTextInIndexOrder() throws Exception {
        SharedStringsPart strings = read("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="4">
                  <si><t>Tên xã</t></si>
                  <si><r><rPr><b/></rPr><t>Số buổi </t></r><r><t xml:space="preserve">tuyên truyền</t></r></si>
                  <si><t>Tổng</t><rPh sb="0" eb="1"><t>ignored</t></rPh></si>
                  <si><t/></si>
                </sst>""");

        assertThat(strings.getUniqueCount()).isEqualTo(4);
        assertThat(strings.getItemAt(0).toString()).isEqualTo("Tên xã");
        assertThat(strings.getItemAt(1).getString()).isEqualTo("Số buổi tuyên truyền");
        assertThat(strings.getItemAt(2).toString()).isEqualTo("Tổng");
        assertThat(strings.getItemAt(3).toString()).isEmpty();
        assertThat(strings.text(17)).isEmpty(); // an index past the end, as a damaged workbook may hold
    }

    @Test
    void sharedStrings_whenTheyDeclareADoctype_thenRefused() {
        assertThatThrownBy(() -> read("""
                <?xml version="1.0"?>
                <!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">]>
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&a;</t></si></sst>"""))
                .isInstanceOf(SAXParseException.class)
                .hasMessageContaining("DOCTYPE");
    }
}
