package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.read.Fixtures.row;
import static vn.tonghop.read.Fixtures.rowNumbers;
import static vn.tonghop.read.Fixtures.rows;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workbooks typed in the legacy fonts (.VnTime = TCVN3, VNI-Times = VNI), as LibreOffice wrote them from the cells a
 * clerk typed (fixtures of the ingest tests, {@code src/test/resources/ingest/}): read as Unicode, like a CSV in the
 * same font; and a Unicode workbook whose Latin-1 characters are also font codes, read exactly as it was.
 */
class LegacyFontWorkbookTest {

    private static final List<String> HEADER = List.of("STT", "Tên xã", "Số buổi tuyên truyền, phổ biến pháp luật",
            "Số lượt người tham gia", "Tổng số hộ gia đình", "Số hộ ký cam kết an toàn về ANTT",
            "Số thôn, bản đạt chuẩn \"An toàn về ANTT\"", "Ghi chú");

    private static Path ingestFixture(String name) {
        try {
            return Path.of(LegacyFontWorkbookTest.class.getResource("/ingest/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TableFile open(String name) throws UnreadableFileException {
        return new TableFiles().open(ingestFixture(name));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            excel-phong-tcvn3.xlsx | TCVN3
            excel-phong-tcvn3.xls  | TCVN3
            excel-phong-vni.xlsx   | VNI
            excel-phong-vni.xls    | VNI
            """)
    void rows_whenWorkbookTypedInALegacyFont_thenEveryTextCellReadAsUnicode(String name, String font) throws Exception {
        try (TableFile file = open(name)) {
            assertThat(file.encoding()).as("nothing read yet").isNull();
            List<RawRow> rows = rows(file);

            assertThat(file.encoding()).isEqualTo(font);
            assertThat(file.format()).isEqualTo(name.substring(name.lastIndexOf('.') + 1));
            assertThat(file.sheets()).containsExactly(new SheetRef("Bao cao", 0, false));
            assertThat(rowNumbers(rows)).containsExactly(1, 2, 4, 5, 7, 8, 9, 10, 11, 12);
            assertThat(row(rows, 1).cells()).containsExactly("CÔNG AN HUYỆN BẠCH THÔNG", "", "", "",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(row(rows, 2).cells()).containsExactly("CÔNG AN XÃ, THỊ TRẤN", "", "", "", "Độc lập - Tự do - Hạnh phúc");
            assertThat(row(rows, 4).cells()).containsExactly("BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC");
            assertThat(row(rows, 5).cells()).containsExactly("NĂM 2023");
            assertThat(row(rows, 7).cells()).isEqualTo(HEADER);
            assertThat(row(rows, 8).cells())
                    .containsExactly("1", "Thị trấn Phủ Thông", "92", "2500", "1800", "1750", "10/10", "Đạt chuẩn");
            assertThat(row(rows, 9).cells()).containsExactly("2", "Xã Cao Sơn", "7", "235", "336", "227", "6/6");
            assertThat(row(rows, 10).cells())
                    .containsExactly("3", "Xã Vi Hương", "21", "775", "512", "498", "7/8", "Tổ tự quản về ANTT");
            // TCVN3 "Cã" reads as a syllable either way: in a workbook typed in the font throughout, the font wins
            assertThat(row(rows, 11).cells()).containsExactly("4", "Xã Quân Hà", "25", "1580", "420", "400", "7/7", "Có");
            assertThat(row(rows, 12).cells()).containsExactly("5", "Xã Đồng Tâm", "5", "50", "100", "90", "3/3");
            assertThat(rows).allMatch(r -> r.sheet().equals("Bao cao"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"excel-tcvn3-dan-vao-unicode.xlsx", "excel-tcvn3-dan-vao-unicode.xls"})
    void rows_whenTcvn3RowsPastedUnderAUnicodeHeader_thenTheRowsConvertedAndTheUnicodeLeftAsTyped(String name)
            throws Exception {
        try (TableFile file = open(name)) {
            List<RawRow> rows = rows(file);

            assertThat(file.encoding()).isEqualTo("TCVN3");
            assertThat(row(rows, 1).cells()).containsExactly("CÔNG AN HUYỆN BẠCH THÔNG", "", "", "",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(row(rows, 7).cells()).isEqualTo(HEADER);
            assertThat(row(rows, 8).cells())
                    .containsExactly("1", "Thị trấn Phủ Thông", "92", "2500", "1800", "1750", "10/10", "Đạt chuẩn");
            assertThat(row(rows, 10).cell(1)).isEqualTo("Xã Vi Hương");
            assertThat(row(rows, 12).cell(1)).isEqualTo("Xã Đồng Tâm");
            // a mixed workbook converts a cell only where it reads clearly better: "Cã" (Có) stays as typed
            assertThat(row(rows, 11).cell(7)).isEqualTo("Cã");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"excel-unicode-ky-tu-latin1.xlsx", "excel-unicode-ky-tu-latin1.xls"})
    void rows_whenUnicodeWorkbookHoldsLatin1Characters_thenNothingConverted(String name) throws Exception {
        Path path = ingestFixture(name);
        List<RawRow> unwrapped;
        try (TableFile plain = name.endsWith(".xlsx") ? XlsxTableFile.open(path) : OleTableFiles.open(path)) {
            unwrapped = rows(plain);
        }
        try (TableFile file = open(name)) {
            List<RawRow> rows = rows(file);

            assertThat(rows).isEqualTo(unwrapped);
            assertThat(file.encoding()).isNull();
            assertThat(row(rows, 7).cells()).containsExactly("Huyện Bạch Thông – ½ năm, © Công an huyện");
            assertThat(row(rows, 9).cells())
                    .containsExactly("1", "01969", "Thị trấn Phủ Thông", "92", "2500", "1800", "1750", "10/10", "Số hộ – ½ đạt");
            assertThat(row(rows, 10).cell(8)).isEqualTo("Ông José Muñoz");
            assertThat(row(rows, 11).cell(8)).isEqualTo("Peña, Nº 5");
        }
    }

    @Test
    void open_whenTheDecisionOfAnEarlierReadingIsKnown_thenTheFileReadsTheSameWithoutSampling() throws Exception {
        Path path = ingestFixture("excel-phong-tcvn3.xlsx");
        Optional<TableFiles.Detected> detected;
        List<RawRow> first;
        try (TableFile file = new TableFiles().open(path)) {
            assertThat(file.detected()).isEmpty();
            first = rows(file);
            detected = file.detected();
        }
        assertThat(detected).isPresent();
        try (TableFile again = new TableFiles().open(path, detected)) {
            assertThat(again.encoding()).as("known before a row is read").isEqualTo("TCVN3");
            assertThat(rows(again)).isEqualTo(first);
        }
    }

    @Test
    void decideFrom_whenNoCellCouldBeInAFont_thenUndecided() {
        assertThat(LegacyFontWorkbook.decideFrom(List.of(
                new RawRow("s", 1, List.of("STT", "Ma xa", "2500", "2023-12-14")),
                new RawRow("s", 2, List.of("1", "02002", "10/10"))))).isNull();
    }

    @Test
    void decideFrom_whenUnicodeVietnamese_thenUnicode() {
        assertThat(LegacyFontWorkbook.decideFrom(List.of(
                new RawRow("s", 1, List.of("STT", "Tên xã", "Số hộ", "Ghi chú")),
                new RawRow("s", 2, List.of("1", "Xã Cao Sơn", "Có", "Tên ông José Muñoz, ½ suất"))))).isEqualTo(
                LegacyFontWorkbook.Decision.UNICODE);
    }

    @Test
    void decideFrom_whenTcvn3Throughout_thenTcvn3AndTiesGoToTheFont() {
        assertThat(LegacyFontWorkbook.decideFrom(List.of(
                new RawRow("s", 1, List.of("STT", "Tªn x·", "Sè hé")),
                new RawRow("s", 2, List.of("1", "X· Xu©n L¹c", "Cã"))))).isEqualTo(
                new LegacyFontWorkbook.Decision(LegacyFont.TCVN3, true));
    }
}
