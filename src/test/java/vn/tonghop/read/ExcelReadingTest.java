package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tonghop.read.Fixtures.open;
import static vn.tonghop.read.Fixtures.row;
import static vn.tonghop.read.Fixtures.rowNumbers;
import static vn.tonghop.read.Fixtures.rows;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExcelReadingTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"bao-cao-libreoffice.xlsx", "bao-cao-libreoffice.xls"})
    void open_whenLibreOfficeWorkbook_thenNumbersInOneConvention(String name) throws Exception {
        try (TableFile file = open(name)) {
            assertThat(file.format()).isEqualTo(name.substring(name.lastIndexOf('.') + 1));
            assertThat(file.encoding()).isNull();
            assertThat(file.delimiter()).isEqualTo((char) 0);
            assertThat(file.sheets()).containsExactly(new SheetRef("Báo cáo năm 2023", 0, false));

            List<RawRow> rows = rows(file);
            assertThat(rowNumbers(rows)).containsExactly(1, 3, 4, 5, 6, 7, 9);
            assertThat(row(rows, 1).cells())
                    .containsExactly("BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023");
            assertThat(row(rows, 3).cells()).containsExactly("STT", "Mã xã", "Tên xã",
                    "Số buổi tuyên truyền, phổ biến pháp luật", "Số lượt người tham gia",
                    "Tổng số thôn, bản, tổ dân phố", "Số thôn, bản đạt chuẩn \"An toàn về ANTT\"",
                    "Số nhà xây cho hộ nghèo, khó khăn", "Số tiền ủng hộ (đồng)");
            assertThat(row(rows, 4).cells())
                    .containsExactly("1", "02008", "Thị trấn Phủ Thông", "92", "2500", "10", "10/10", "1800", "100000000");
            assertThat(row(rows, 5).cells()).containsExactly("2", "02011", "Xã Cao Sơn", "7", "235", "6", "6/6", "2,5");
            assertThat(row(rows, 6).cells())
                    .containsExactly("3", "02014", "Xã Vi Hương", "21", "775", "6", "5/6", "", "15500000");
            assertThat(row(rows, 7).cells())
                    .containsExactly("", "", "Tổng cộng", "120", "3510", "22", "21/22", "1802,5", "115500000");
            assertThat(row(rows, 9).cells()).containsExactly("", "", "Người lập biểu");
            assertThat(row(rows, 9).sheet()).isEqualTo("Báo cáo năm 2023");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cong-thuc.xlsx", "cong-thuc.xls"})
    void open_whenFormulasDatesBooleansAndNumbersAsText_thenCachedValuesByTheSameRules(String name)
            throws Exception {
        try (TableFile file = open(name)) {
            List<RawRow> rows = rows(file);
            assertThat(row(rows, 1).cells()).containsExactly("Tên xã", "Số buổi tuyên truyền",
                    "Số lượt người tham gia", "Tỷ lệ", "Ngày báo cáo", "Đạt chuẩn", "Ghi chú");
            // "1.800" and "07" are text in the sheet and stay as typed; TRUE is a boolean cell
            assertThat(row(rows, 2).cells())
                    .containsExactly("Xã Cao Sơn", "7", "1.800", "2,5", "2023-12-14", "Có", "07");
            // =E2 keeps the date, =B3>B2 is a boolean formula, =1/0 an error (kept as its code, for the clerk);
            // 0.25 shown as 25% and 2500 shown as 2,500 are rendered as their values
            assertThat(row(rows, 3).cells())
                    .containsExactly("Thị trấn Phủ Thông", "92", "2500", "0,25", "2023-12-14", "Có", "#DIV/0!");
            // =SUM, =C3*40000 (1e8), =0.1+0.2 (no binary noise), a text formula
            assertThat(row(rows, 4).cells()).containsExactly("Tổng cộng", "99", "100000000", "0,3", "", "",
                    "Xã Cao Sơn - Thị trấn Phủ Thông");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tieu-de-gop-o.xlsx", "tieu-de-gop-o.xls"})
    void open_whenTitleRowsAndTwoRowMergedHeader_thenHeaderTextSpreadOverItsCellsButTitlesLeftAlone(String name)
            throws Exception {
        try (TableFile file = open(name)) {
            assertThat(file.sheets()).containsExactly(new SheetRef("Mẫu ANTQ-01", 0, false));
            List<RawRow> rows = rows(file);
            assertThat(rowNumbers(rows)).containsExactly(1, 2, 4, 6, 7, 8, 9, 10);
            assertThat(row(rows, 1).cells()).containsExactly("CÔNG AN HUYỆN BẠCH THÔNG", "", "", "",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertThat(row(rows, 2).cells())
                    .containsExactly("CÔNG AN XÃ CAO SƠN", "", "", "", "Độc lập - Tự do - Hạnh phúc");
            assertThat(row(rows, 4).cells())
                    .containsExactly("BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023");
            assertThat(row(rows, 6).cells()).containsExactly("STT", "Tên xã",
                    "Tuyên truyền, phổ biến pháp luật", "Tuyên truyền, phổ biến pháp luật",
                    "An toàn về ANTT", "An toàn về ANTT", "Hộ gia đình", "Hộ gia đình");
            assertThat(row(rows, 7).cells()).containsExactly("STT", "Tên xã",
                    "Số buổi tuyên truyền, phổ biến pháp luật", "Số lượt người tham gia",
                    "Tổng số thôn, bản, tổ dân phố", "Số thôn, bản đạt chuẩn \"An toàn về ANTT\"",
                    "Tổng số hộ gia đình", "Số hộ ký cam kết an toàn về ANTT");
            assertThat(row(rows, 8).cells())
                    .containsExactly("1", "Thị trấn Phủ Thông", "92", "2500", "10", "10/10", "1800", "1750");
            // the total's label is merged across two cells but heads nothing: not spread
            assertThat(row(rows, 10).cells())
                    .containsExactly("Tổng cộng", "", "99", "2735", "16", "16/16", "2136", "1977");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sheet-an.xlsx", "sheet-an.xls"})
    void open_whenHiddenSheetBeforeVisibleOne_thenBothListedWithTheirHiddenFlag(String name) throws Exception {
        try (TableFile file = open(name)) {
            assertThat(file.sheets()).containsExactly(
                    new SheetRef("Dữ liệu cũ", 0, true),
                    new SheetRef("Báo cáo", 1, false));
            assertThat(row(rows(file, file.sheets().get(0)), 2).cells()).containsExactly("Xã Cao Sơn", "5");
            assertThat(row(rows(file, file.sheets().get(1)), 2).cells()).containsExactly("Xã Cao Sơn", "7");
        }
    }

    @Test
    void rows_whenSheetIsNotOfThisFile_thenIllegalArgument() throws Exception {
        try (TableFile file = open("sheet-an.xlsx")) {
            assertThatThrownBy(() -> file.rows(new SheetRef("Báo cáo", 5, false)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void open_whenPasswordProtectedXlsx_thenRejectedForThePassword() {
        assertRejected("mat-khau.xlsx", UnreadableReason.PASSWORD_PROTECTED,
                "tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại");
    }

    @Test
    void open_whenPasswordProtectedXls_thenRejectedForThePassword() {
        assertRejected("mat-khau.xls", UnreadableReason.PASSWORD_PROTECTED,
                "tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại");
    }

    @Test
    void open_whenTruncatedXlsx_thenRejectedAsCorrupt() {
        assertRejected("hong.xlsx", UnreadableReason.CORRUPT,
                "tệp bị hỏng hoặc không đầy đủ (có thể chưa tải hoặc sao chép xong); hãy mở, lưu lại rồi gửi lại");
    }

    @Test
    void open_whenZipBomb_thenRejectedAsAbnormalArchive() {
        assertRejected("zip-bomb.xlsx", UnreadableReason.ZIP_BOMB,
                "tệp nén bất thường (dung lượng khi giải nén quá lớn so với tệp gốc), không thể đọc an toàn");
    }

    @Test
    void open_whenWordDocumentNamedXlsx_thenRejectedAsNotASpreadsheet() {
        assertRejected("van-ban-word.xlsx", UnreadableReason.NOT_A_SPREADSHEET,
                "tệp không phải là bảng tính Excel (.xlsx, .xls) hay tệp CSV");
    }

    @Test
    void open_whenEveryOtherSheetIsBlank_thenRejectedAsEmptyWorkbook() {
        assertRejected("bang-tinh-rong.xlsx", UnreadableReason.EMPTY_WORKBOOK,
                "bảng tính không có dữ liệu (mọi trang tính đều trống)");
    }

    @Test
    void open_whenZipThatIsNoOfficeFile_thenRejectedAsNotASpreadsheet() throws Exception {
        Path zip = temp.resolve("anh.xlsx");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("anh/ghi-chu.txt"));
            out.write("Xã Cao Sơn".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThatThrownBy(() -> new TableFiles().open(zip))
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableReason.NOT_A_SPREADSHEET));
    }

    @Test
    void rows_whenLargeSheet_thenStreamedInOrderAndStoppedWhenClosedEarly() throws Exception {
        Path big = temp.resolve("huyen-lon.xlsx");
        int communes = 20_000;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Dữ liệu");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("Tên xã");
            header.createCell(1).setCellValue("Số buổi tuyên truyền");
            for (int r = 1; r <= communes; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("Xã " + r);
                row.createCell(1).setCellValue(r + 0.5);
            }
            try (OutputStream out = Files.newOutputStream(big)) {
                workbook.write(out);
            }
        }
        try (TableFile file = new TableFiles().open(big)) {
            int count = 0;
            RawRow last = null;
            try (CloseableIterator<RawRow> rows = file.rows(file.sheets().get(0))) {
                while (rows.hasNext()) {
                    last = rows.next();
                    count++;
                }
            }
            assertThat(count).isEqualTo(communes + 1);
            assertThat(last).isEqualTo(new RawRow("Dữ liệu", communes + 1, List.of("Xã " + communes, "20000,5")));

            CloseableIterator<RawRow> early = file.rows(file.sheets().get(0));
            assertThat(early.next().cells()).containsExactly("Tên xã", "Số buổi tuyên truyền");
            early.close();
            assertThat(early.hasNext()).isFalse();
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().startsWith("xlsx-reader-") && t.isAlive());
        }
    }

    private static void assertRejected(String fixture, UnreadableReason reason, String vietnamese) {
        assertThatThrownBy(() -> open(fixture))
                .isInstanceOfSatisfying(UnreadableFileException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.vietnameseReason()).isEqualTo(vietnamese);
                    assertThat(e.getMessage()).contains(fixture);
                });
    }
}
