package vn.tonghop.export.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void columnLettersAndCellReferences() {
        assertThat(XmlText.column(16_383)).isEqualTo("XFD");
        assertThat(XmlText.cell(6, 1)).isEqualTo("B7");
        assertThat(XmlText.columnOf("XFD1048576")).isEqualTo(16_383);
    }

    @Test
    void cellsAreWrittenWithTheirReference() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        WorksheetWriter sheet = new WorksheetWriter(out, new WorksheetWriter.Setup(false, 0, java.util.Map.of(), false));
        sheet.startRow(6, 0);
        sheet.number(1, 12, 0);
        sheet.text(27, "Xã <Bằng> Lãng", 0);
        sheet.finish(null);
        assertThat(out.toString()).contains("<row r=\"7\"><c r=\"B7\"><v>12</v></c>"
                + "<c r=\"AB7\" t=\"inlineStr\"><is><t xml:space=\"preserve\">Xã &lt;Bằng&gt; Lãng</t></is></c></row>");
    }

    @Test
    void cellTextThatReadsLikeAnEscapeKeepsItsUnderscore_namesDoNot() {
        assertThat(XmlText.appendText(new StringBuilder(), "ma_x000D_xa ma_x ten_xã \u0001").toString())
                .isEqualTo("ma_x005F_x000D_xa ma_x ten_xã _x0001_");
        assertThat(XmlText.escape("Sheet_x0041_")).isEqualTo("Sheet_x0041_");
    }
}
