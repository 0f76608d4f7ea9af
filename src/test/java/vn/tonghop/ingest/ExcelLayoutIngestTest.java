package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.TonghopSpringTest;

/**
 * Excel layouts as offices send them, each written by LibreOffice as .xlsx and as .xls, end to end: the header
 * found under title rows or across two merged rows, total rows checked and never loaded, numbers stored as
 * text, cached formula results, the report sheet chosen among hidden and extra ones, notes and signatures and
 * empty rows skipped, date cells read as dates.
 */
@TonghopSpringTest
class ExcelLayoutIngestTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    private IngestBed bed;

    /** Drops the fixture, runs ingest, and checks what every accepted Excel file shares. */
    private String ingest(String fixture, String extension) {
        bed = new IngestBed(context, jdbc, work);
        String name = fixture + "." + extension;
        bed.drop("063", name);
        Cli.Result result = bed.ingest();
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        IngestBed.Outcome outcome = bed.outcome(name);
        assertThat(outcome.status()).isEqualTo("applied");
        assertThat(outcome.format()).isEqualTo(extension);
        assertThat(outcome.encoding()).isNull();
        assertThat(outcome.sheet()).isEqualTo("Báo cáo");
        assertThat(bed.filesUnder("archive")).anyMatch(f -> f.endsWith("063/" + name));
        return name;
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void ingest_whenTitleRowsAboveTheHeader_thenHeaderFoundBelowThemAndPeriodTakenFromThem(String extension) {
        String name = ingest("excel-dong-tieu-de", extension);

        assertThat(bed.outcome(name).period()).isEqualTo("2023");
        assertThat(bed.values(name)).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.issues(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void ingest_whenHeaderMergedAcrossTwoRows_thenEveryColumnRecognised(String extension) {
        String name = ingest("excel-tieu-de-gop-hai-dong", extension);

        assertThat(bed.values(name)).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.issues(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void ingest_whenTotalRowAddsUp_thenItIsCheckedNotLoaded(String extension) {
        String name = ingest("excel-dong-tong-cong", extension);

        assertThat(bed.values(name)).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.issues(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void ingest_whenTotalRowDoesNotAddUp_thenAWarningAndTheRowsStillLoaded(String extension) {
        String name = ingest("excel-tong-cong-lech", extension);

        assertThat(bed.values(name)).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.issues(name)).containsExactly(
                "warning 13 total.mismatch: Dòng tổng cộng ghi 5.190 ở cột \"Số lượt người tham gia\" nhưng cộng các dòng được 5.090.");
        assertThat(bed.outcome(name).warnings()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void ingest_whenNumbersStoredAsTextInVietnameseNotation_thenReadAsNumbers(String extension) {
        String name = ingest("excel-so-dang-van-ban", extension);

        Map<String, Map<String, Long>> expected = new TreeMap<>();
        IngestBed.FIGURES.forEach((commune, figures) -> expected.put(commune, new TreeMap<>(figures)));
        expected.get("01969").put("donations_vnd", 100_000_000L);
        expected.get("02002").put("donations_vnd", 15_000_000L);
        expected.get("02005").put("donations_vnd", 2_500_000L);
        assertThat(bed.values(name)).isEqualTo(expected);
        assertThat(bed.issues(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void ingest_whenFormulas_thenTheirCachedResultsAreLoadedAndAFormulaInErrorRejectsItsRow(String extension) {
        String name = ingest("excel-cong-thuc", extension);

        assertThat(bed.values(name)).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.issues(name)).containsExactly(
                "error 12 cell.notNumber: Giá trị \"#DIV/0!\" ở cột \"Số lượt người tham gia\" không phải là số.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void ingest_whenHiddenAndExtraSheets_thenTheReportSheetIsReadAndTheChoiceToldInTheResult(String extension) throws Exception {
        String name = ingest("excel-sheet-an-va-phu", extension);

        assertThat(bed.outcome(name).period()).isEqualTo("2023");
        assertThat(bed.values(name)).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.issues(name)).isEmpty();
        String result = java.nio.file.Files.readString(bed.root().resolve(bed.filesUnder("archive").stream()
                .filter(f -> f.endsWith(".ketqua.csv")).findFirst().map(f -> "archive/" + f).orElseThrow()));
        assertThat(result).contains("\"Báo cáo\",\"\",\"\",\"\",\"Ghi chú\",\"\",\"Số liệu được đọc từ trang tính \"\"Báo cáo\"\".\"");
    }

    /** Black-box testing: a second sheet's table was dropped without a word, the summary saying it held no table. */
    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void ingest_whenTheFormsTableIsOnTwoVisibleSheets_thenTheFirstIsReadAndTheOtherNamedInAWarningAndTheSummary(String extension)
            throws Exception {
        String name = ingest("excel-hai-bang", extension);

        assertThat(bed.values(name)).isEqualTo(Map.of("01969", IngestBed.FIGURES.get("01969"), "02002", IngestBed.FIGURES.get("02002")));
        assertThat(bed.issues(name)).containsExactly("warning - file.otherTable: Trang tính \"Báo cáo (2)\" cũng có bảng số liệu của biểu mẫu"
                + " ANTQ-01 nhưng không được đọc: mỗi tệp chỉ đọc một bảng (bảng ở trang \"Báo cáo\"). Số liệu của trang \"Báo cáo (2)\""
                + " chưa được tính.");
        java.nio.file.Path result = bed.root().resolve(bed.filesUnder("archive").stream()
                .filter(f -> f.endsWith(".ketqua.xlsx")).findFirst().map(f -> "archive/" + f).orElseThrow());
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(result.toFile())) {
            StringBuilder summary = new StringBuilder();
            workbook.getSheetAt(0).forEach(row -> row.forEach(cell -> summary.append(cell.toString()).append('|')));
            assertThat(summary.toString()).contains("\"Báo cáo\" (tiêu đề cột ở dòng 7) — 1 trang tính khác cũng có bảng số liệu nhưng"
                    + " không được đọc (xem cảnh báo): \"Báo cáo (2)\".").doesNotContain("không có bảng số liệu");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void ingest_whenNotesAndSignaturesBelowTheTable_thenTheyAreNotRows(String extension) {
        String name = ingest("excel-ghi-chu-chu-ky", extension);

        assertThat(bed.values(name)).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.issues(name)).isEmpty();
        assertThat(bed.outcome(name).rowsRejected()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void ingest_whenEmptyRowsInTheMiddle_thenTheRowsAfterThemAreStillRead(String extension) {
        String name = ingest("excel-dong-trong-giua", extension);

        assertThat(bed.values(name)).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.issues(name)).isEmpty();
        assertThat(bed.outcome(name).rowsRejected()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void ingest_whenDateCells_thenAMonthInThePeriodColumnIsThatMonthAndAFractionTurnedDateIsExplained(String extension) {
        String name = ingest("excel-o-ngay-thang", extension);

        Map<String, Map<String, Long>> expected = new TreeMap<>(IngestBed.FIGURES);
        expected.remove("02002");
        assertThat(bed.values(name)).isEqualTo(expected);
        assertThat(bed.periods(name)).containsOnlyKeys("01969", "01975", "02005").containsValue("2023-M11")
                .allSatisfy((commune, period) -> assertThat(period).isEqualTo("2023-M11"));
        assertThat(bed.issues(name)).containsExactly("error 8 cell.dateNotNumber: Ô ở cột \"Số thôn, bản đạt chuẩn \"An toàn về ANTT\"\""
                + " chứa ngày 06/06/2023, không phải số: có lẽ Excel đã tự đổi số liệu gõ vào (ví dụ \"10/10\") thành ngày tháng."
                + " Hãy định dạng ô là Văn bản (Text) rồi gõ lại.");
    }
}
