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

        assertThat(strings.count()).isEqualTo(4);
        assertThat(strings.text(0)).isEqualTo("Tên xã");
        assertThat(strings.text(1)).isEqualTo("Số buổi tuyên truyền");
        assertThat(strings.text(2)).isEqualTo("Tổng");
        assertThat(strings.text(3)).isEmpty();
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

    @Test
    void sharedStrings_whenExcelEscapedACarriageReturnInAHeader_thenTheCharacterNotItsEscape() throws Exception {
        SharedStringsPart strings = read("""
                <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                  <si><t xml:space="preserve">Tổng số hộ_x000D_
                gia đình</t></si>
                  <si><r><t>Số thôn_x000d_</t></r><r><t>_x000A_đạt</t></r></si>
                  <si><t>ma_x005F_x000D_xa</t></si>
                </sst>""");

        assertThat(strings.text(0)).isEqualTo("Tổng số hộ\r\ngia đình");
        assertThat(strings.text(1)).isEqualTo("Số thôn\r\nđạt");
        assertThat(strings.text(2)).isEqualTo("ma_x000D_xa"); // _x005F_ is the underscore that keeps the rest literal
    }

    @Test
    void decode_whenNoEscapeOrSomethingLikeOne_thenTheTextAsItIs() {
        assertThat(SharedStringsPart.decode("Xã Cao Sơn")).isEqualTo("Xã Cao Sơn");
        assertThat(SharedStringsPart.decode("_x00")).isEqualTo("_x00");
        assertThat(SharedStringsPart.decode("_x00G1_ ma_x")).isEqualTo("_x00G1_ ma_x");
        assertThat(SharedStringsPart.decode("_x_x0041_")).isEqualTo("_xA");
        assertThat(SharedStringsPart.decode("_x0041__x0042_")).isEqualTo("AB");
    }
}
