package vn.tonghop.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.ReformRegistry;
import vn.tonghop.support.TonghopSpringTest;

/**
 * A 2026 conference across the July 2025 reform, on the real registry of {@code ../shared/data/admin-units}: old
 * communes of Bắc Kạn (06) and Thái Nguyên (19) report for 2024, new communes of today's Thái Nguyên (19) for
 * 2026. Hand-computed sums from the mapping (see the README there):
 * <ul>
 * <li>new 01969 Phủ Thông = old 01969 Phủ Thông + 01975 Vi Hương + 01990 Lục Bình + 01993 Tân Tú (all whole);</li>
 * <li>new 01981 Vĩnh Thông = old 01978 Sĩ Bình + 02002 Cao Sơn (+ 01981 Vũ Muộn, which did not report);</li>
 * <li>old 05461 Gia Sàng is split between new 05443 Phan Đình Phùng and 05467 Gia Sàng, old 05467 Cam Giá between
 *     new 05467 Gia Sàng and 05500 Tích Lương: those new communes are flagged, with no 2024 figure of their own,
 *     and the split communes count for the province only;</li>
 * <li>today's province 19 in 2024 = old Bắc Kạn (06) + old Thái Nguyên (19);</li>
 * <li>2025, the year of the reform: old 01975 Vi Hương sent its first quarter, new 01969 Phủ Thông (which it merged
 *     into) the whole year: the successor's own report counts, the predecessor's is not added again.</li>
 * </ul>
 */
@TonghopSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcrossTheReformTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    static Path work;

    Cli cli;

    /** One registry import and one run for the class: the tests only read (the export rebuilds the same rows). */
    @BeforeAll
    void setUp() throws IOException {
        Database.clear(jdbc);
        cli = new Cli(context);
        ReformRegistry.importInto(cli);
        // 2024, old units: the district offices of Bạch Thông (063) and of Thái Nguyên city (164).
        drop("063", "bach-thong-2024.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                01969,2024,propaganda_sessions,5
                01969,2024,villages_total,10
                01969,2024,villages_safe,9
                01975,2024,propaganda_sessions,7
                01975,2024,villages_total,8
                01975,2024,villages_safe,8
                01990,2024,propaganda_sessions,11
                01990,2024,villages_total,6
                01990,2024,villages_safe,5
                01993,2024,propaganda_sessions,13
                01993,2024,villages_total,9
                01993,2024,villages_safe,7
                01978,2024,propaganda_sessions,3
                01978,2024,villages_total,5
                01978,2024,villages_safe,5
                02002,2024,propaganda_sessions,4
                02002,2024,villages_total,7
                02002,2024,villages_safe,6
                """);
        drop("164", "thanh-pho-thai-nguyen-2024.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                05461,2024,propaganda_sessions,20
                05461,2024,villages_total,12
                05461,2024,villages_safe,12
                05467,2024,propaganda_sessions,30
                05467,2024,villages_total,15
                05467,2024,villages_safe,14
                05443,2024,propaganda_sessions,6
                05443,2024,villages_total,11
                05443,2024,villages_safe,10
                """);
        // 2025: a quarter from an old commune before the reform, the whole year from its successor after it.
        drop("063", "vi-huong-2025-quy1.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                01975,2025-Q1,propaganda_sessions,4
                """);
        drop("19", "thai-nguyen-2025.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                01969,2025,propaganda_sessions,38
                """);
        // 2026, today's units: the new province's office.
        drop("19", "thai-nguyen-2026.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                01969,2026,propaganda_sessions,40
                01969,2026,villages_total,33
                01969,2026,villages_safe,31
                01981,2026,propaganda_sessions,9
                01981,2026,villages_total,20
                01981,2026,villages_safe,18
                05467,2026,propaganda_sessions,55
                05467,2026,villages_total,27
                05467,2026,villages_safe,27
                05443,2026,propaganda_sessions,25
                05443,2026,villages_total,30
                05443,2026,villages_safe,29
                """);
        Cli.Result run = cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("15 rows accepted, 0 rows rejected").doesNotContain("TỪ CHỐI");
    }

    private void drop(String office, String name, String content) throws IOException {
        ReformRegistry.drop(work.resolve("inbox"), office, name, content);
    }

    private Map<String, Object> today(int year, String level, String unit, String indicator) {
        return jdbc.queryForMap("""
                SELECT value, communes_reporting, communes_expected, exact, source_units, split_units, unit_name, province_code
                FROM aggregate_today WHERE year = ? AND level = ? AND unit_code = ? AND indicator = ?""", year, level, unit, indicator);
    }

    private BigDecimal value(int year, String level, String unit, String indicator) {
        return (BigDecimal) today(year, level, unit, indicator).get("value");
    }

    private int expectedCommunes(String table, int year, String level, String unit) {
        return jdbc.queryForObject("SELECT DISTINCT communes_expected FROM " + table + " WHERE year = ? AND level = ? AND unit_code = ?",
                Integer.class, year, level, unit);
    }

    @Test
    void aggregate_when2024ReportedByOldCommunes_thenWholeMergersAddUpInTodaysCommunes() {
        Map<String, Object> phuThong = today(2024, "commune", "01969", "propaganda_sessions");
        assertThat((BigDecimal) phuThong.get("value")).isEqualByComparingTo("36");   // 5 + 7 + 11 + 13
        assertThat(phuThong).containsEntry("exact", true).containsEntry("communes_reporting", 4).containsEntry("communes_expected", 4)
                .containsEntry("source_units", "01969,01975,01990,01993").containsEntry("unit_name", "Phủ Thông")
                .containsEntry("province_code", "19");
        assertThat(value(2024, "commune", "01969", "villages_total")).isEqualByComparingTo("33");   // 10 + 8 + 6 + 9
        assertThat(value(2024, "commune", "01969", "rate_villages_safe")).isEqualByComparingTo("0.8788");   // 29 / 33

        Map<String, Object> vinhThong = today(2024, "commune", "01981", "propaganda_sessions");
        assertThat((BigDecimal) vinhThong.get("value")).isEqualByComparingTo("7");   // 3 + 4; Vũ Muộn did not report
        assertThat(vinhThong).containsEntry("communes_reporting", 2).containsEntry("communes_expected", 3).containsEntry("exact", true);
        assertThat(value(2024, "commune", "01981", "rate_villages_safe")).isEqualByComparingTo("0.9167");   // 11 / 12
    }

    @Test
    void aggregate_whenAnOldCommuneWasSplit_thenTheNewCommunesItFeedsAreFlaggedNotGuessed() {
        Map<String, Object> giaSang = today(2024, "commune", "05467", "propaganda_sessions");
        assertThat(giaSang.get("value")).isNull();
        assertThat(giaSang).containsEntry("exact", false).containsEntry("split_units", "05461,05467").containsEntry("unit_name", "Gia Sàng");
        Map<String, Object> phanDinhPhung = today(2024, "commune", "05443", "propaganda_sessions");
        assertThat(phanDinhPhung.get("value")).as("old 05443 Trưng Vương reported 6, but part of split Gia Sàng belongs here too").isNull();
        assertThat(phanDinhPhung).containsEntry("exact", false).containsEntry("split_units", "05461");
        assertThat(today(2024, "commune", "05500", "propaganda_sessions")).containsEntry("exact", false).containsEntry("split_units", "05467");
        assertThat(today(2024, "commune", "01969", "propaganda_sessions").get("split_units")).isNull();
    }

    @Test
    void aggregate_when2024InTodaysProvince_thenOldProvincesAddUpExactlyIncludingSplitCommunes() {
        Map<String, Object> province = today(2024, "province", "19", "propaganda_sessions");
        // 43 from old Bắc Kạn (5 + 7 + 11 + 13 + 3 + 4) and 56 from old Thái Nguyên (20 + 30 + 6)
        assertThat((BigDecimal) province.get("value")).isEqualByComparingTo("99");
        assertThat(province).containsEntry("exact", true).containsEntry("communes_reporting", 9).containsEntry("source_units", "06,19");
        assertThat(province.get("communes_expected")).isEqualTo(expectedCommunes("aggregate_value", 2024, "province", "06")
                + expectedCommunes("aggregate_value", 2024, "province", "19")).isEqualTo(108 + 172);
        // 9+8+5+7+5+6 + 12+14+10 safe of 10+8+6+9+5+7 + 12+15+11 villages
        assertThat(value(2024, "province", "19", "rate_villages_safe")).isEqualByComparingTo(
                new BigDecimal("76").divide(new BigDecimal("83"), 4, java.math.RoundingMode.HALF_UP));

        Map<String, Object> now = today(2026, "province", "19", "propaganda_sessions");
        assertThat((BigDecimal) now.get("value")).isEqualByComparingTo("129");   // 40 + 9 + 55 + 25
        assertThat(now).containsEntry("exact", true).containsEntry("communes_reporting", 4).containsEntry("communes_expected", 92);
        assertThat(today(2026, "commune", "05467", "propaganda_sessions")).containsEntry("exact", true).containsEntry("source_units", "05467");
        assertThat(value(2026, "commune", "05467", "propaganda_sessions")).isEqualByComparingTo("55");
    }

    @Test
    void aggregate_in2025_whenASuccessorReportedTheWholeYear_thenItsPredecessorsQuarterIsNotAddedAgain() {
        Map<String, Object> phuThong = today(2025, "commune", "01969", "propaganda_sessions");
        assertThat((BigDecimal) phuThong.get("value")).isEqualByComparingTo("38");
        assertThat(phuThong).containsEntry("source_units", "01969").containsEntry("communes_reporting", 1).containsEntry("exact", true);
        assertThat(value(2025, "province", "19", "propaganda_sessions")).isEqualByComparingTo("38");
        assertThat(jdbc.queryForObject("SELECT value FROM aggregate_value WHERE year = 2025 AND level = 'commune' AND unit_code = '01975' "
                + "AND indicator = 'propaganda_sessions'", BigDecimal.class)).as("still in the year's own aggregates").isEqualByComparingTo("4");
    }

    @Test
    void export_2026_thenThePackComparesWith2024InTodaysUnitsAndSaysWhyASplitCommuneHasNoFigure() throws IOException {
        Path out = work.resolve("pack");
        Cli.Result export = cli.run("export", "--year", "2026", "--province", "19", "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("tonghop-19-2026.xlsx").contains("tonghop-19-2026.html");

        try (XSSFWorkbook workbook = Workbooks.open(out.resolve("tonghop-19-2026.xlsx"))) {
            assertThat(Workbooks.sheetNames(workbook))
                    .containsExactly("Tổng hợp toàn tỉnh", "Theo xã", "So sánh qua các năm", "Tiến độ báo cáo", "Cảnh báo", "Biểu đồ");

            Sheet summary = workbook.getSheet("Tổng hợp toàn tỉnh");
            Row sessions = Workbooks.rowWithText(summary, 1, "Số buổi tuyên truyền, phổ biến pháp luật");
            assertThat(Workbooks.number(sessions, SummarySheet.COL_THIS_YEAR)).isEqualTo(129.0);
            assertThat(Workbooks.number(sessions, SummarySheet.COL_LAST_YEAR)).as("2025: Phủ Thông's own year").isEqualTo(38.0);
            assertThat(Workbooks.number(sessions, SummarySheet.COL_CHANGE)).isEqualTo(91.0);
            assertThat(Workbooks.number(sessions, SummarySheet.COL_YEAR_BEFORE)).isEqualTo(99.0);
            assertThat(Workbooks.text(summary.getRow(2), 0)).contains("2024").contains("đơn vị hành chính hiện nay");

            Sheet comparison = workbook.getSheet("So sánh qua các năm");
            int noteColumn = Workbooks.columnWithText(comparison, ComparisonSheet.HEADER_ROW, "Ghi chú");
            int sessionsColumn = Workbooks.columnWithText(comparison, ComparisonSheet.HEADER_ROW, "Số buổi tuyên truyền, phổ biến pháp luật");
            Row phuThong = Workbooks.rowWithText(comparison, 1, "01969");
            assertThat(Workbooks.number(phuThong, sessionsColumn)).isEqualTo(40.0);
            assertThat(Workbooks.number(phuThong, sessionsColumn + 1)).isEqualTo(38.0);
            assertThat(Workbooks.number(phuThong, sessionsColumn + 2)).isEqualTo(2.0);
            assertThat(Workbooks.number(phuThong, sessionsColumn + 3)).as("2024 in today's units").isEqualTo(36.0);
            assertThat(Workbooks.text(phuThong, noteColumn)).contains("Năm 2024: gộp từ Phủ Thông (01969), Vi Hương (01975), Lục Bình (01990), Tân Tú (01993)");
            Row giaSang = Workbooks.rowWithText(comparison, 1, "05467");
            assertThat(Workbooks.number(giaSang, sessionsColumn)).isEqualTo(55.0);
            assertThat(Workbooks.number(giaSang, sessionsColumn + 3)).isNull();
            assertThat(Workbooks.text(giaSang, noteColumn)).contains("Năm 2024: không so sánh được ở cấp xã")
                    .contains("Gia Sàng (05461)").contains("Cam Giá (05467)").contains("chỉ tính vào toàn tỉnh");
            Row total = Workbooks.rowWithText(comparison, 2, "Toàn tỉnh");
            assertThat(Workbooks.number(total, sessionsColumn)).isEqualTo(129.0);
            assertThat(Workbooks.number(total, sessionsColumn + 3)).isEqualTo(99.0);
            assertThat(Workbooks.text(total, noteColumn)).contains("Năm 2024: cộng số liệu của Bắc Kạn (06), Thái Nguyên (19) trước sắp xếp");

            Sheet byCommune = workbook.getSheet("Theo xã");
            Row totals = Workbooks.rowWithText(byCommune, 2, "Toàn tỉnh");
            assertThat(Workbooks.text(totals, 3)).isEqualTo("4/92");
            assertThat(Workbooks.rowsBetween(byCommune, UnitsSheet.HEADER_ROW + 2, totals.getRowNum())).hasSize(92);
        }
    }
}
