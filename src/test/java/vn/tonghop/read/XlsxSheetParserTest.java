package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;

/** A worksheet part read cell by cell as POI's event reader reads it, by tonghop's own handler. */
class XlsxSheetParserTest {

    private static final String SHEET_START = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

    private record Row(int index, List<String> cells) {
    }

    private static List<Row> parse(SharedStringsPart strings, String sheetData, List<CellRangeAddress> merges, String afterData)
            throws Exception {
        List<Row> rows = new ArrayList<>();
        String xml = SHEET_START + sheetData + "</sheetData>" + afterData + "</worksheet>";
        new XlsxSheetParser(NumberFormatsPart.none(), strings, false).parse(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), (index, cells) -> rows.add(new Row(index, List.copyOf(cells))),
                merges);
        return rows;
    }

    private static SharedStringsPart strings(String... items) throws Exception {
        StringBuilder xml = new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (String item : items) {
            xml.append("<si><t>").append(item).append("</t></si>");
        }
        return SharedStringsPart.read(new ByteArrayInputStream(xml.append("</sst>").toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parse_inlineStrings_thenTheirRunsJoinedEscapesDecodedPhoneticLeftOut() throws Exception {
        List<Row> rows = parse(SharedStringsPart.empty(), """
                <row r="1"><c r="A1" t="inlineStr"><is><t>Xã Cao Sơn</t></is></c>\
                <c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>Số buổi </t></r><r><t>tuyên truyền</t></r></is></c>\
                <c r="C1" t="inlineStr"><is><t>Tổng số hộ_x000D_</t><rPh sb="0" eb="1"><t>ふ</t></rPh></is></c>\
                <c r="D1" t="inlineStr"><v>văn_x005F_x0041_bản</v></c></row>""", null, "");

        assertThat(rows).containsExactly(new Row(0, List.of("Xã Cao Sơn", "Số buổi tuyên truyền", "Tổng số hộ", "văn_x0041_bản")));
    }

    @Test
    void parse_eachStoredType_thenItsTextAsTheRulesRead() throws Exception {
        List<Row> rows = parse(strings("Cao Sơn", "  Có "), """
                <row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="s"><v> 1 </v></c><c r="C3" t="s"><v>17</v></c>\
                <c r="D3" t="s"><v></v></c><c r="E3" t="s"><v>x</v></c></row>\
                <row r="4"><c r="A4" t="b"><v>1</v></c><c r="B4" t="b"><v>0</v></c><c r="C4" t="e"><f>1/0</f><v>#DIV/0!</v></c>\
                <c r="D4" t="str"><f>A3&amp;""</f><v>Cao Sơn</v></c><c r="E4"><f>SUM(A1:A2)</f><v>1800</v></c>\
                <c r="F4" t="d"><v>2023-12-14T00:00:00</v></c><c r="G4"><v>2.5</v></c><c r="H4"/></row>""", null, "");

        assertThat(rows).containsExactly(
                new Row(2, List.of("Cao Sơn", "Có", "", "", "")),
                new Row(3, List.of("Có", "Không", "#DIV/0!", "Cao Sơn", "1800", "2023-12-14", "2,5")));
    }

    @Test
    void parse_rowsAndCellsWithoutReferences_thenPlacedAfterTheLastOnes() throws Exception {
        List<Row> rows = parse(SharedStringsPart.empty(), """
                <row r="2"><c r="C2"><v>7</v></c></row>\
                <row><c><v>1</v></c><c><v>2</v></c><c r="E3"><v>5</v></c><c><v>6</v></c></row>""", null, "");

        assertThat(rows).containsExactly(
                new Row(1, List.of("", "", "7")),
                new Row(2, List.of("1", "2", "", "", "5", "6")));
    }

    @Test
    void parse_elementsOfAnotherNamespace_thenNotCells() throws Exception {
        List<Row> rows = parse(SharedStringsPart.empty(), """
                <row r="1"><c r="A1"><v>3</v></c><x:c xmlns:x="urn:other" r="B1"><x:v>9</x:v></x:c></row>""", null, "");

        assertThat(rows).containsExactly(new Row(0, List.of("3")));
    }

    @Test
    void parse_withMergesAsked_thenTheHeaderAreasMergesAsTheByteScanFindsThem() throws Exception {
        String after = "<mergeCells count=\"3\"><mergeCell ref=\"A6:A7\"/><mergeCell ref=\"C2:H2\"/><mergeCell ref=\"B40:C41\"/></mergeCells>";
        List<CellRangeAddress> merges = new ArrayList<>();
        parse(SharedStringsPart.empty(), "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", merges, after);

        String xml = SHEET_START + "</sheetData>" + after + "</worksheet>";
        List<CellRangeAddress> scanned = XlsxSheetParser.headerMerges(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(merges).extracting(CellRangeAddress::formatAsString).containsExactly("A6:A7", "C2:H2");
        assertThat(merges).isEqualTo(scanned);
    }
}
