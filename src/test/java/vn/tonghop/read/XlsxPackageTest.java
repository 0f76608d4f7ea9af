package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package of a workbook as other programs than Excel and LibreOffice write it: part names in another case than
 * their relationships give them, absolute and escaped targets, relationship parts out of the usual order; and the
 * zips that are no workbook, each refused with its reason.
 */
class XlsxPackageTest {

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
              <Default Extension="XML" ContentType="application/xml"/>
              <Override PartName="/XL/Workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
              <Override PartName="/xl/worksheets/sheet 1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
              <Override PartName="/xl/strings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
            </Types>""";
    private static final String PACKAGE_RELS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId9" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
              <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/>
            </Relationships>""";
    private static final String WORKBOOK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
                      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
              <sheets>
                <sheet name="Ghi chú" sheetId="1" r:id="rId7"/>
                <sheet name="Báo cáo" sheetId="2" r:id="rId3" state="visible"/>
              </sheets>
            </workbook>""";
    private static final String WORKBOOK_RELS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
              <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/>
              <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%201.xml"/>
              <Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../xl/./worksheets/NOTES.xml"/>
              <Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.org/" TargetMode="External"/>
            </Relationships>""";
    private static final String STRINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Tên xã</t></si><si><t>Xã Cao Sơn</t></si></sst>""";

    @TempDir
    Path folder;

    @Test
    void open_whenPartNamesDifferInCaseAndTargetsAreAbsoluteOrEscaped_thenEverySheetIsFoundAndRead() throws Exception {
        Path file = zip("khac-thuong.xlsx", workbookParts());

        try (XlsxTableFile workbook = XlsxTableFile.open(file)) {
            assertThat(workbook.sheets()).extracting(SheetRef::name).containsExactly("Ghi chú", "Báo cáo");
            assertThat(cells(workbook, 0)).containsExactly(List.of("Người lập biểu"));
            assertThat(cells(workbook, 1)).containsExactly(List.of("Tên xã", "Số buổi"), List.of("Xã Cao Sơn", "7"));
        }
    }

    @Test
    void open_whenTheZipHasNoContentTypes_thenRefusedAsNoWorkbook() throws Exception {
        Map<String, String> parts = workbookParts();
        parts.remove("[Content_Types].xml");

        assertThatThrownBy(() -> XlsxTableFile.open(zip("khong-phai-office.xlsx", parts)))
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableReason.NOT_A_SPREADSHEET))
                .hasMessageContaining("not an Office workbook");
    }

    @Test
    void open_whenThePackagesMainPartIsADocument_thenRefusedAsNoWorkbook() throws Exception {
        Map<String, String> parts = workbookParts();
        parts.put("[Content_Types].xml", CONTENT_TYPES.replace("spreadsheetml.sheet.main+xml", "wordprocessingml.document.main+xml"));

        assertThatThrownBy(() -> XlsxTableFile.open(zip("van-ban.xlsx", parts)))
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableReason.NOT_A_SPREADSHEET))
                .hasMessageContaining("not a workbook (main part application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml)");
    }

    @Test
    void open_whenASheetsPartIsMissing_thenRefusedAsDamagedNamingTheSheet() throws Exception {
        Map<String, String> parts = workbookParts();
        parts.remove("xl/worksheets/sheet 1.xml");

        assertThatThrownBy(() -> XlsxTableFile.open(zip("thieu-sheet.xlsx", parts)))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.reason()).isEqualTo(UnreadableReason.CORRUPT))
                .hasMessageContaining("lists sheet 'Báo cáo' but its part is missing");
    }

    @Test
    void open_whenARelationshipPartDeclaresADoctype_thenRefusedAsUnsafe() throws Exception {
        Map<String, String> parts = workbookParts();
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"a\">]>\n" + WORKBOOK_RELS.substring(WORKBOOK_RELS.indexOf("<Relationships")));

        assertThatThrownBy(() -> XlsxTableFile.open(zip("thuc-the.xlsx", parts)))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.reason()).isEqualTo(UnreadableReason.UNSAFE_XML));
    }

    @Test
    void resolve_whenRelativeAbsoluteAndDotSegments_thenThePartName() {
        assertThat(PartNames.resolve("xl/", "worksheets/sheet1.xml")).isEqualTo("xl/worksheets/sheet1.xml");
        assertThat(PartNames.resolve("xl/", "/xl/styles.xml")).isEqualTo("xl/styles.xml");
        assertThat(PartNames.resolve("xl/worksheets/", "../drawings/./d1.xml")).isEqualTo("xl/drawings/d1.xml");
        assertThat(PartNames.resolve("", "xl/workbook.xml")).isEqualTo("xl/workbook.xml");
    }

    private static Map<String, String> workbookParts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("xl/worksheets/sheet 1.xml", sheet("""
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Số buổi</t></is></c></row>
                <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>7</v></c></row>"""));
        parts.put("xl/worksheets/notes.xml", sheet("""
                <row r="1"><c r="A1" t="inlineStr"><is><t>Người lập biểu</t></is></c></row>"""));
        parts.put("[Content_Types].xml", CONTENT_TYPES);
        parts.put("_rels/.rels", PACKAGE_RELS);
        parts.put("xl/workbook.xml", WORKBOOK);
        parts.put("xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
        parts.put("xl/strings.xml", STRINGS);
        return parts;
    }

    private static String sheet(String rows) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>"""
                .formatted(rows);
    }

    private Path zip(String name, Map<String, String> parts) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private static List<List<String>> cells(TableFile workbook, int sheet) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (CloseableIterator<RawRow> it = workbook.rows(workbook.sheets().get(sheet))) {
            while (it.hasNext()) {
                rows.add(it.next().cells());
            }
        }
        return rows;
    }
}
