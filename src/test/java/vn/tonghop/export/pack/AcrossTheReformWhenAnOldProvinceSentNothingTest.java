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
 * A 2026 conference of today's Thái Nguyên (19) when only one of the two old provinces it was made of reported for
 * 2024, on the real registry of {@code ../shared/data/admin-units}: old Bắc Kạn (06, 108 communes) sent its 2024
 * figures, old Thái Nguyên (19, 172 communes) sent nothing. The year's own aggregates cover Bắc Kạn only; in today's
 * units 2024 still expected the 280 communes of both (SPEC §6: the communes the registry holds under the unit for
 * the year), whichever province reported:
 * <ul>
 * <li>new 01969 Phủ Thông = old 01969 Phủ Thông + 01975 Vi Hương + 01990 Lục Bình + 01993 Tân Tú (Bắc Kạn, all whole);</li>
 * <li>new 05455 Quyết Thắng = old 05455 Thịnh Đán + 05485 Phúc Hà + 05491 Quyết Thắng (old Thái Nguyên, all whole,
 *     none reported);</li>
 * <li>old 05461 Gia Sàng and 05467 Cam Giá (old Thái Nguyên) were split: new 05467 Gia Sàng has no 2024 figure of
 *     its own, reported or not.</li>
 * </ul>
 */
@TonghopSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AcrossTheReformWhenAnOldProvinceSentNothingTest {

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
        // 2024: Bạch Thông's district office (063, old Bắc Kạn) alone; nothing from old Thái Nguyên.
        drop("063", "bach-thong-2024.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                01969,2024,propaganda_sessions,5
                01969,2024,villages_total,10
                01969,2024,villages_safe,9
                01975,2024,propaganda_sessions,7
                01975,2024,villages_total,8
                01975,2024,villages_safe,8
                01990,2024,propaganda_sessions,11
                01993,2024,propaganda_sessions,13
                """);
        // 2026, today's units: the new province's office.
        drop("19", "thai-nguyen-2026.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                01969,2026,propaganda_sessions,40
                05455,2026,propaganda_sessions,12
                """);
        Cli.Result run = cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("6 rows accepted, 0 rows rejected").doesNotContain("TỪ CHỐI");
    }

    private void drop(String office, String name, String content) throws IOException {
        ReformRegistry.drop(work.resolve("inbox"), office, name, content);
    }

    private Map<String, Object> today(int year, String level, String unit, String indicator) {
        return jdbc.queryForMap("""
                SELECT value, communes_reporting, communes_expected, exact, source_units, split_units
                FROM aggregate_today WHERE year = ? AND level = ? AND unit_code = ? AND indicator = ?""", year, level, unit, indicator);
    }

    /** The communes the registry holds at the end of 2024 in the given old provinces. */
    private int registryCommunes2024(String... provinces) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM unit WHERE level = 'commune' AND province_code = ANY (?)
                AND valid_from <= DATE '2024-12-14' AND (valid_to IS NULL OR valid_to >= DATE '2024-12-14')""",
                Integer.class, (Object) provinces);
    }

    @Test
    void aggregate_when2024ReportedByOneOldProvinceOnly_thenTodaysProvinceExpectsTheCommunesOfBoth() {
        assertThat(registryCommunes2024("06")).isEqualTo(108);
        assertThat(registryCommunes2024("19")).isEqualTo(172);
        Map<String, Object> province = today(2024, "province", "19", "propaganda_sessions");
        assertThat(province).containsEntry("communes_reporting", 4).containsEntry("communes_expected", 108 + 172)
                .containsEntry("exact", true).containsEntry("source_units", "06,19");
        assertThat((BigDecimal) province.get("value")).as("the sum is Bắc Kạn's alone").isEqualByComparingTo("36");   // 5 + 7 + 11 + 13
        assertThat((BigDecimal) today(2024, "province", "19", "rate_villages_safe").get("value")).isEqualByComparingTo("0.9444");   // 17 / 18
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT (level, unit_code)) FROM aggregate_today WHERE year = 2024 AND level = 'commune'",
                Integer.class)).as("today's 92 communes of province 19").isEqualTo(92);
    }

    @Test
    void aggregate_when2024ReportedByOneOldProvinceOnly_thenTodaysCommunesOfTheSilentOneExpectTheirOldCommunes() {
        Map<String, Object> phuThong = today(2024, "commune", "01969", "propaganda_sessions");
        assertThat((BigDecimal) phuThong.get("value")).isEqualByComparingTo("36");
        assertThat(phuThong).containsEntry("communes_reporting", 4).containsEntry("communes_expected", 4).containsEntry("exact", true);

        Map<String, Object> quyetThang = today(2024, "commune", "05455", "propaganda_sessions");
        assertThat(quyetThang.get("value")).isNull();
        assertThat(quyetThang).containsEntry("communes_reporting", 0).containsEntry("communes_expected", 3).containsEntry("exact", true)
                .containsEntry("source_units", "05455,05485,05491");
        assertThat(today(2024, "commune", "05467", "propaganda_sessions")).containsEntry("exact", false)
                .containsEntry("split_units", "05461,05467");
    }

    @Test
    void aggregate_when2024ReportedByOneOldProvinceOnly_thenTheYearsOwnAggregatesStillCoverThatProvinceAlone() {
        assertThat(jdbc.queryForList("SELECT DISTINCT unit_code FROM aggregate_value WHERE year = 2024 AND level = 'province'", String.class))
                .containsExactly("06");
        assertThat(jdbc.queryForObject("SELECT DISTINCT communes_expected FROM aggregate_value WHERE year = 2024 AND level = 'province'",
                Integer.class)).isEqualTo(108);
    }

    @Test
    void export_2026_thenThePackCountsEvery2024CommuneOfTodaysProvinceAndNamesTheSilentOnesToo() throws IOException {
        Path out = work.resolve("pack");
        Cli.Result export = cli.run("export", "--year", "2026", "--province", "19", "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();

        try (XSSFWorkbook workbook = Workbooks.open(out.resolve("tonghop-19-2026.xlsx"))) {
            Sheet summary = workbook.getSheet("Tổng hợp toàn tỉnh");
            Row expected = Workbooks.rowWithText(summary, 1, "Số xã phải báo cáo");
            assertThat(Workbooks.number(expected, SummarySheet.COL_THIS_YEAR)).isEqualTo(92.0);
            assertThat(Workbooks.number(expected, SummarySheet.COL_YEAR_BEFORE)).as("2024 in today's units: 108 + 172").isEqualTo(280.0);
            Row reporting = Workbooks.rowWithText(summary, 1, "Số xã đã báo cáo");
            assertThat(Workbooks.number(reporting, SummarySheet.COL_YEAR_BEFORE)).isEqualTo(4.0);
            Row sessions = Workbooks.rowWithText(summary, 1, "Số buổi tuyên truyền, phổ biến pháp luật");
            assertThat(Workbooks.number(sessions, SummarySheet.COL_YEAR_BEFORE)).isEqualTo(36.0);

            Sheet comparison = workbook.getSheet("So sánh qua các năm");
            int noteColumn = Workbooks.columnWithText(comparison, ComparisonSheet.HEADER_ROW, "Ghi chú");
            Row total = Workbooks.rowWithText(comparison, 2, "Toàn tỉnh");
            assertThat(Workbooks.text(total, noteColumn)).contains("Năm 2024: cộng số liệu của Bắc Kạn (06), Thái Nguyên (19) trước sắp xếp");
            Row quyetThang = Workbooks.rowWithText(comparison, 1, "05455");
            assertThat(Workbooks.text(quyetThang, noteColumn)).as("old Thái Nguyên's communes named from the registry")
                    .contains("Năm 2024: gộp từ Thịnh Đán (05455), Phúc Hà (05485), Quyết Thắng (05491)");
        }
    }
}
