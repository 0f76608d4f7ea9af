package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

class NumberFormatsPartTest {

    private static NumberFormatsPart read(String xml) throws Exception {
        return NumberFormatsPart.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void formats_whenOwnAndBuiltInFormatsAndCellStyleXfs_thenEachCellStylesFormatOnly() throws Exception {
        NumberFormatsPart formats = read("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                  <numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
                  <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
                  <cellXfs count="4">
                    <xf numFmtId="0" xfId="0"/>
                    <xf numFmtId="164" xfId="0" applyNumberFormat="1"/>
                    <xf numFmtId="9" xfId="0"/>
                    <xf xfId="0"/>
                  </cellXfs>
                </styleSheet>""");

        assertThat(formats.styleCount()).as("the cellStyleXfs' xf is not a cell style").isEqualTo(4);
        assertThat(formats.formatIndex(null)).as("a cell without a style: the first").isZero();
        assertThat(formats.formatCode(formats.formatIndex("1"))).isEqualTo("dd/mm/yyyy");
        assertThat(formats.formatCode(formats.formatIndex("2"))).isEqualTo("0%");
        assertThat(formats.formatCode(formats.formatIndex("3"))).isEqualTo("General");
        assertThat(formats.formatIndex("4")).as("past the styles").isEqualTo(-1);
        assertThat(formats.formatIndex("x")).isEqualTo(-1);
        assertThat(formats.formatCode(-1)).isNull();
        assertThat(NumberFormatsPart.none().formatIndex(null)).isEqualTo(-1);
    }

    @Test
    void formats_ofEveryWorkbookFixture_thenTheSameAsPoisStylesTable() throws Exception {
        List<Path> workbooks;
        try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/test/resources/read")),
                Files.list(Path.of("src/test/resources/ingest")))) {
            workbooks = files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList();
        }
        int compared = 0;
        for (Path workbook : workbooks) {
            OPCPackage pkg;
            try {
                pkg = OPCPackage.open(workbook.toFile(), PackageAccess.READ);
            } catch (Exception notAWorkbook) {
                continue; // the damaged, encrypted and bogus fixtures
            }
            try {
                List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
                if (parts.isEmpty()) {
                    continue;
                }
                StylesTable poi;
                NumberFormatsPart ours;
                try (InputStream in = parts.get(0).getInputStream()) {
                    poi = new StylesTable(in);
                }
                try (InputStream in = parts.get(0).getInputStream()) {
                    ours = NumberFormatsPart.read(in);
                }
                assertThat(ours.styleCount()).as(workbook.toString()).isEqualTo(poi.getNumCellStyles());
                for (int i = 0; i < poi.getNumCellStyles(); i++) {
                    XSSFCellStyle style = poi.getStyleAt(i);
                    assertThat(ours.formatIndex(Integer.toString(i))).as(workbook + " style " + i).isEqualTo(style.getDataFormat());
                    assertThat(ours.formatCode(style.getDataFormat())).as(workbook + " style " + i).isEqualTo(style.getDataFormatString());
                }
                compared++;
            } finally {
                pkg.revert();
            }
        }
        assertThat(compared).as("workbooks compared").isGreaterThanOrEqualTo(10);
    }

    @Test
    void formats_whenTheyDeclareADoctype_thenRefused() {
        assertThatThrownBy(() -> read("""
                <?xml version="1.0"?>
                <!DOCTYPE styleSheet [<!ENTITY a "aaaaaaaaaa">]>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>"""))
                .isInstanceOf(SAXParseException.class)
                .hasMessageContaining("DOCTYPE");
    }
}
