package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tonghop.read.Fixtures.fixture;
import static vn.tonghop.read.Fixtures.open;
import static vn.tonghop.read.Fixtures.row;
import static vn.tonghop.read.Fixtures.rowNumbers;
import static vn.tonghop.read.Fixtures.rows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {

    @TempDir
    Path temp;

    @Test
    void open_whenUtf8WithBomAndSemicolons_thenCellsAtTheLinesTheClerkSees() throws Exception {
        try (TableFile file = open("bao-cao-utf8-bom-semicolon.csv")) {
            assertThat(file.format()).isEqualTo("csv");
            assertThat(file.encoding()).isEqualTo("UTF-8 (BOM)");
            assertThat(file.delimiter()).isEqualTo(';');
            assertThat(file.sheets()).containsExactly(new SheetRef("bao-cao-utf8-bom-semicolon", 0, false));

            List<RawRow> rows = rows(file);
            // line 3 holds only delimiters; the note in row 6 runs over lines 6 and 7
            assertThat(rowNumbers(rows)).containsExactly(1, 2, 4, 5, 6, 8, 9);
            assertThat(row(rows, 1).cells())
                    .containsExactly("BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023");
            assertThat(row(rows, 4).cells()).containsExactly("STT", "Tên xã",
                    "Số buổi tuyên truyền, phổ biến pháp luật", "Số lượt người tham gia",
                    "Số thôn, bản đạt chuẩn \"An toàn về ANTT\"", "Số tiền ủng hộ (đồng)", "Ghi chú");
            assertThat(row(rows, 5).cells())
                    .containsExactly("1", "Thị trấn Phủ Thông", "92", "2.500", "10/10", "100.000.000");
            assertThat(row(rows, 6).cells()).containsExactly("2", "Xã Cao Sơn", "07", "235", "6/6", "",
                    "Báo cáo bổ sung; số liệu\nđến ngày 14/12");
            assertThat(row(rows, 8).cells()).containsExactly("3", "Xã Vi Hương", "21", "775", "5/6", "2,5 triệu");
            assertThat(row(rows, 9).cells()).containsExactly("", "Tổng cộng", "120", "3.510", "21/22");
            assertThat(row(rows, 9).sheet()).isEqualTo("bao-cao-utf8-bom-semicolon");
        }
    }

    @Test
    void open_whenWindows1258WithCombiningMarks_thenNfcText() throws Exception {
        byte[] bytes = Files.readAllBytes(fixture("bao-cao-windows1258.csv"));
        assertThat(indexOf(bytes, (byte) 0xDE)).as("the fixture writes ã as a + combining tilde").isPositive();

        try (TableFile file = open("bao-cao-windows1258.csv")) {
            assertThat(file.encoding()).isEqualTo("windows-1258");
            assertThat(file.delimiter()).isEqualTo(',');
            List<RawRow> rows = rows(file);
            assertThat(row(rows, 1).cells()).containsExactly("Tên xã", "Số buổi tuyên truyền",
                    "Số lượt người tham gia", "Số hộ ký cam kết an toàn về ANTT");
            assertThat(row(rows, 2).cells()).containsExactly("Xã Cao Sơn", "7", "235", "227");
            assertThat(row(rows, 3).cells()).containsExactly("Thị trấn Phủ Thông", "92", "2.500", "336");
            assertThat(row(rows, 4).cells()).containsExactly("Xã Quân Hà", "25", "158.000");
            assertThat(rows).allSatisfy(r -> assertThat(r.cells())
                    .allSatisfy(cell -> assertThat(Normalizer.isNormalized(cell, Normalizer.Form.NFC)).isTrue()));
        }
    }

    @Test
    void open_whenExcelUnicodeText_thenUtf16LittleEndianAndTabs() throws Exception {
        try (TableFile file = open("bao-cao-utf16le-tab.csv")) {
            assertThat(file.encoding()).isEqualTo("UTF-16LE");
            assertThat(file.delimiter()).isEqualTo('\t');
            List<RawRow> rows = rows(file);
            assertThat(rowNumbers(rows)).containsExactly(1, 2, 3);
            assertThat(row(rows, 1).cells()).containsExactly("STT", "Tên xã",
                    "Số buổi tuyên truyền, phổ biến pháp luật", "Số lượt người tham gia", "Tổng số hộ gia đình",
                    "Số hộ đạt gia đình văn hóa");
            assertThat(row(rows, 2).cells()).containsExactly("1", "Xã Cao Sơn", "07", "235", "336", "334/336");
        }
    }

    @Test
    void open_whenUtf16WithoutBom_thenDetectedFromTheZeroBytes() throws Exception {
        byte[] withBom = Files.readAllBytes(fixture("bao-cao-utf16le-tab.csv"));
        Path file = temp.resolve("khong-bom.txt");
        Files.write(file, Arrays.copyOfRange(withBom, 2, withBom.length));
        try (TableFile table = new TableFiles().open(file)) {
            assertThat(table.encoding()).isEqualTo("UTF-16LE");
            assertThat(row(rows(table), 3).cells())
                    .containsExactly("2", "Thị trấn Phủ Thông", "92", "2.500", "1.800", "1.750");
        }
    }

    @Test
    void open_whenUtf8WithCommasQuotesAndDecomposedText_thenFieldsAsTyped() throws Exception {
        try (TableFile file = open("bao-cao-utf8-dau-phay.csv")) {
            assertThat(file.encoding()).isEqualTo("UTF-8");
            assertThat(file.delimiter()).isEqualTo(',');
            List<RawRow> rows = rows(file);
            assertThat(row(rows, 2).cells()).containsExactly("02011", "Xã Cao Sơn", "Năm 2023", "100.000.000",
                    "Theo QĐ số 12\\2023, \"khen thưởng\"");
            assertThat(row(rows, 3).cells()).containsExactly("02008", "Thị trấn Phủ Thông", "Năm 2023", "1.800");
        }
    }

    @Test
    void open_whenTypedInTcvn3_thenConvertedToUnicode() throws Exception {
        try (TableFile file = open("bao-cao-tcvn3.csv")) {
            assertThat(file.encoding()).isEqualTo("TCVN3");
            assertThat(file.delimiter()).isEqualTo(',');
            List<RawRow> rows = rows(file);
            // the title was typed in the capitals-only .VnTimeH font
            assertThat(row(rows, 1).cells())
                    .containsExactly("BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC");
            assertThat(row(rows, 2).cells())
                    .containsExactly("Tên xã", "Số buổi tuyên truyền", "Số lượt người tham gia", "Ghi chú");
            assertThat(row(rows, 3).cells()).containsExactly("Xã Cao Sơn", "7", "235", "Đạt");
            assertThat(row(rows, 4).cells()).containsExactly("Thị trấn Phủ Thông", "92", "2.500", "Không đạt");
            assertThat(row(rows, 5).cells()).containsExactly("Xã Vi Hương", "21", "775", "Đạt chuẩn \"An toàn về ANTT\"");
        }
    }

    @Test
    void open_whenTypedInVni_thenConvertedToUnicode() throws Exception {
        try (TableFile file = open("bao-cao-vni.csv")) {
            assertThat(file.encoding()).isEqualTo("VNI");
            assertThat(file.delimiter()).isEqualTo(';');
            List<RawRow> rows = rows(file);
            assertThat(row(rows, 1).cells()).containsExactly("BÁO CÁO KẾT QUẢ PHONG TRÀO NĂM 2023");
            assertThat(row(rows, 2).cells())
                    .containsExactly("Tên xã", "Số buổi tuyên truyền", "Số lượt người tham gia", "Ghi chú");
            assertThat(row(rows, 3).cells()).containsExactly("Xã Cao Sơn", "7", "235", "Đạt");
            assertThat(row(rows, 4).cells()).containsExactly("Thị trấn Phủ Thông", "92", "2.500", "Không đạt");
            assertThat(row(rows, 5).cells()).containsExactly("Xã Quân Hà", "25", "158.000", "Tổ tự quản về ANTT");
        }
    }

    @Test
    void open_whenTcvn3PastedIntoUtf8UnderUnicodeHeader_thenOnlyTheLegacyCellsAreConverted() throws Exception {
        try (TableFile file = open("bao-cao-tcvn3-trong-utf8.csv")) {
            assertThat(file.encoding()).isEqualTo("TCVN3 in UTF-8");
            List<RawRow> rows = rows(file);
            assertThat(row(rows, 1).cells()).containsExactly("Tên xã", "Số buổi tuyên truyền", "Ghi chú");
            assertThat(row(rows, 2).cells()).containsExactly("Xã Cao Sơn", "7", "Đạt");
            assertThat(row(rows, 3).cells()).containsExactly("Thị trấn Phủ Thông", "92", "Không đạt");
            assertThat(row(rows, 4).cells()).containsExactly("Xã Vi Hương", "21", "Đạt");
        }
    }

    /** The words' scores are remembered across files: the same words met under another encoding must not be taken for them. */
    @Test
    void open_whenLegacyAndUnicodeFilesOneAfterAnotherTwice_thenEachDetectedAsOnItsOwn() throws Exception {
        List<String> names = List.of("bao-cao-tcvn3.csv", "bao-cao-utf8-dau-phay.csv", "bao-cao-tcvn3-trong-utf8.csv", "bao-cao-vni.csv");
        List<String> expected = List.of("TCVN3", "UTF-8", "TCVN3 in UTF-8", "VNI");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < names.size(); i++) {
                try (TableFile file = open(names.get(i))) {
                    assertThat(file.encoding()).as("%s, round %d", names.get(i), round).isEqualTo(expected.get(i));
                }
            }
        }
        try (TableFile file = open("bao-cao-tcvn3.csv")) {
            assertThat(row(rows(file), 3).cells()).containsExactly("Xã Cao Sơn", "7", "235", "Đạt");
        }
    }

    @Test
    void open_whenCsvContentNamedXlsx_thenReadAsCsv() throws Exception {
        try (TableFile file = open("csv-dat-ten-xlsx.xlsx")) {
            assertThat(file.format()).isEqualTo("csv");
            assertThat(file.sheets()).containsExactly(new SheetRef("csv-dat-ten-xlsx", 0, false));
            assertThat(row(rows(file), 2).cells()).containsExactly("Xã Cao Sơn", "7");
        }
    }

    @Test
    void rows_whenCalledTwice_thenEachCallStartsFromTheTop() throws Exception {
        try (TableFile file = open("bao-cao-utf8-bom-semicolon.csv")) {
            try (CloseableIterator<RawRow> scan = file.rows(file.sheets().get(0))) {
                assertThat(scan.next().rowNumber()).isEqualTo(1);
            }
            assertThat(rows(file)).hasSize(7).isEqualTo(rows(file));
        }
    }

    @Test
    void open_whenRandomBytes_thenRejectedAsBinary() {
        assertThatThrownBy(() -> open("rac.csv"))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UnreadableReason.BINARY);
                    assertThat(e.vietnameseReason())
                            .isEqualTo("tệp chứa dữ liệu nhị phân, không phải tệp CSV hay bảng tính Excel");
                    assertThat(e.getMessage()).contains("rac.csv");
                });
    }

    @Test
    void open_whenZeroBytes_thenRejectedAsEmpty() {
        assertThatThrownBy(() -> open("rong.csv"))
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.vietnameseReason()).isEqualTo("tệp rỗng, không có dữ liệu"));
    }

    @Test
    void open_whenOnlyBomBlanksAndDelimiters_thenRejectedAsEmpty() throws IOException {
        Path file = temp.resolve("chi-co-bom.csv");
        Files.write(file, "\uFEFF  \r\n;;;\r\n \t\r\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> new TableFiles().open(file))
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableReason.EMPTY));
    }

    @Test
    void open_whenHtmlTableSavedAsXls_thenRejectedAsWebPage() {
        assertThatThrownBy(() -> open("trang-web.xls"))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> assertThat(e.vietnameseReason())
                        .isEqualTo("tệp là trang web (HTML/XML) chứ không phải bảng tính; hãy mở bằng Excel rồi lưu lại dạng .xlsx"));
    }

    @Test
    void rows_whenQuoteNeverCloses_thenUnreadableWhileIterating() throws Exception {
        Path file = temp.resolve("ngoac-kep.csv");
        StringBuilder text = new StringBuilder("Tên xã;Ghi chú\r\nXã Cao Sơn;\"Chưa đóng ngoặc\r\n");
        for (int i = 0; i < 150; i++) {
            text.append("Xã Vi Hương;").append(i).append("\r\n");
        }
        Files.writeString(file, text);
        try (TableFile table = new TableFiles().open(file);
             CloseableIterator<RawRow> rows = table.rows(table.sheets().get(0))) {
            assertThat(rows.next().cells()).containsExactly("Tên xã", "Ghi chú");
            assertThatThrownBy(rows::next)
                    .isInstanceOfSatisfying(UncheckedUnreadableFileException.class,
                            e -> assertThat(e.getCause().reason()).isEqualTo(UnreadableReason.UNBALANCED_QUOTES));
        }
    }

    @Test
    void open_whenFileIsMissing_thenUncheckedIoExceptionNotARejection() {
        assertThatThrownBy(() -> new TableFiles().open(temp.resolve("khong-co.csv")))
                .isInstanceOf(java.io.UncheckedIOException.class);
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
