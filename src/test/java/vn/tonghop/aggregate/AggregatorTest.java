package vn.tonghop.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/**
 * Aggregation over time and over units, on real PostgreSQL: annual reports preferred, sub-periods
 * chained without double counting, stocks taken from the latest, flags counted, rates from summed parts.
 */
@TonghopSpringTest
class AggregatorTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        Database.clear(jdbc);
        cli = new Cli(context);
        Path registry = work.resolve("units.csv");
        Files.writeString(registry, """
                province_code,province_name,district_code,district_name,commune_code,commune_name,commune_type,province_type,district_type
                06,Bắc Kạn,063,Bạch Thông,02002,Cao Sơn,Xã,Tỉnh,Huyện
                06,Bắc Kạn,063,Bạch Thông,02005,Vũ Muộn,Xã,Tỉnh,Huyện
                06,Bắc Kạn,063,Bạch Thông,02008,Cẩm Giàng,Xã,Tỉnh,Huyện
                06,Bắc Kạn,064,Chợ Đồn,02047,Yên Thượng,Xã,Tỉnh,Huyện
                """, StandardCharsets.UTF_8);
        assertThat(cli.run("units", "import", registry.toString()).exitCode()).isZero();
    }

    private void drop(String office, String name, String content) throws IOException {
        Path folder = work.resolve("inbox").resolve(office);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    private BigDecimal value(String level, String unit, String indicator) {
        List<BigDecimal> values = jdbc.queryForList("""
                SELECT value FROM aggregate_value WHERE level = ? AND unit_code = ? AND year = 2023 AND indicator = ?""",
                BigDecimal.class, level, unit, indicator);
        assertThat(values).as("%s %s %s", level, unit, indicator).hasSize(1);
        return values.get(0);
    }

    private int reporting(String level, String unit) {
        return jdbc.queryForObject("""
                SELECT DISTINCT communes_reporting FROM aggregate_value WHERE level = ? AND unit_code = ? AND year = 2023""",
                Integer.class, level, unit);
    }

    @Test
    void aggregate_whenOnlySubPeriods_thenFlowsChainWithoutDoubleCountingAndStocksAreTheLatest() throws IOException {
        // Cao Sơn: four quarters plus a January report that overlaps Q1 (not counted twice).
        drop("063", "cao-son-2023.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                02002,2023-Q1,propaganda_sessions,5
                02002,2023-Q1,villages_total,10
                02002,2023-M01,propaganda_sessions,2
                02002,2023-Q2,propaganda_sessions,6
                02002,2023-Q2,villages_total,10
                02002,2023-Q3,propaganda_sessions,7
                02002,2023-Q3,villages_total,11
                02002,2023-Q4,propaganda_sessions,8
                02002,2023-Q4,villages_total,12
                02002,2023-Q4,villages_safe,9
                """);
        assertThat(cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString()).exitCode()).isZero();

        assertThat(value("commune", "02002", "propaganda_sessions")).isEqualByComparingTo("26");
        assertThat(value("commune", "02002", "villages_total")).isEqualByComparingTo("12");
        assertThat(value("commune", "02002", "villages_safe")).isEqualByComparingTo("9");
        assertThat(value("commune", "02002", "rate_villages_safe")).isEqualByComparingTo("0.7500");
        assertThat(reporting("district", "063")).isEqualTo(1);
    }

    @Test
    void aggregate_whenAnnualAndSubPeriodsDisagree_thenAnnualWinsAndAWarningNamesBothFigures() throws IOException {
        drop("063", "vu-muon-2023.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                02005,2023,propaganda_sessions,30
                02005,2023-H1,propaganda_sessions,12
                02005,2023-H2,propaganda_sessions,14
                """);
        cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString());

        assertThat(value("commune", "02005", "propaganda_sessions")).isEqualByComparingTo("30");
        assertThat(jdbc.queryForList("SELECT message FROM issue WHERE code = 'annual.mismatch'", String.class))
                .containsExactly("Xã Vũ Muộn: Số buổi tuyên truyền, phổ biến pháp luật báo cáo năm ghi 30 nhưng cộng các kỳ trong năm được 26.");
        assertThat(jdbc.queryForList("SELECT row_number || ' ' || column_name || ' ' || cell_value || ' ' || commune_code FROM issue"
                + " WHERE code = 'annual.mismatch'", String.class)).as("the annual figure's own cell").containsExactly("2 propaganda_sessions 30 02005");
    }

    /**
     * The cross-check runs in the aggregation, which {@code run} starts while the report step still writes the results:
     * the report step writes the results of a file holding an annual report after the aggregation has committed, so the
     * file's results list the warning its count has; and when a correction makes the figures agree, the warning and its
     * count go.
     */
    @Test
    void aggregate_whenAnnualAndSubPeriodsDisagree_thenTheFileCountsTheWarningAndItsResultsListIt_untilACorrectionClearsIt()
            throws IOException {
        drop("063", "vu-muon-2023.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                02005,2023,propaganda_sessions,30
                02005,2023-H1,propaganda_sessions,12
                02005,2023-H2,propaganda_sessions,14
                """);
        assertThat(cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString()).exitCode()).isZero();

        assertThat(jdbc.queryForObject("SELECT warnings FROM submission WHERE file_name = 'vu-muon-2023.csv'", Integer.class)).isEqualTo(1);
        assertThat(Files.readString(results("vu-muon-2023.ketqua.csv"), StandardCharsets.UTF_8))
                .contains("Xã Vũ Muộn: Số buổi tuyên truyền, phổ biến pháp luật báo cáo năm ghi 30 nhưng cộng các kỳ trong năm được 26.");

        drop("063", "vu-muon-2023-h2-sua.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                02005,2023-H2,propaganda_sessions,18
                """);
        assertThat(cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString()).exitCode()).isZero();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM issue WHERE code = 'annual.mismatch'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT warnings FROM submission WHERE file_name = 'vu-muon-2023.csv'", Integer.class)).isZero();
        assertThat(value("commune", "02005", "propaganda_sessions")).isEqualByComparingTo("30");
    }

    /** The clerk's case: her quarters and, in a later file of the same run, the year that disagrees with them. */
    @Test
    void aggregate_whenTheAnnualFileComesAfterItsQuartersInTheSameRun_thenItsResultsListTheWarningAndItsSummaryCountsIt()
            throws Exception {
        drop("063", "vu-muon-quy-2023.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                02005,2023-Q1,propaganda_sessions,5
                02005,2023-Q2,propaganda_sessions,5
                02005,2023-Q3,propaganda_sessions,5
                02005,2023-Q4,propaganda_sessions,5
                """);
        drop("063", "vu-muon-nam-2023.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                02005,2023,propaganda_sessions,30
                """);
        assertThat(cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString()).exitCode()).isZero();

        assertThat(Files.readString(results("vu-muon-nam-2023.ketqua.csv"), StandardCharsets.UTF_8))
                .contains("báo cáo năm ghi 30 nhưng cộng các kỳ trong năm được 20");
        assertThat(Files.readString(results("vu-muon-quy-2023.ketqua.csv"), StandardCharsets.UTF_8)).doesNotContain("cộng các kỳ");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(results("vu-muon-nam-2023.ketqua.xlsx").toFile())) {
            var summary = workbook.getSheetAt(0);
            StringBuilder text = new StringBuilder();
            summary.forEach(row -> row.forEach(cell -> text.append(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(cell)).append('|')));
            assertThat(text.toString()).contains("Số cảnh báo|1|");
            var cell = workbook.getSheetAt(1).getRow(1).getCell(3);
            assertThat(cell.getCellComment().getString().getString()).contains("cộng các kỳ trong năm được 20");
        }
    }

    private Path results(String name) throws IOException {
        try (Stream<Path> found = Files.walk(work.resolve("archive"))) {
            return found.filter(f -> f.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
    }

    @Test
    void aggregate_overUnits_thenFlowsAndStocksSumFlagsCountAndRatesComeFromSummedParts() throws IOException {
        drop("063", "bach-thong-2023.csv", """
                BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023
                STT,Mã xã,Tên xã,Số buổi tuyên truyền,Tổng số thôn,Số thôn đạt chuẩn,Xã đạt chuẩn "An toàn về ANTT"
                1,02002,Cao Sơn,10,10,9,x
                2,02005,Vũ Muộn,20,4,1,Không
                3,02008,Cẩm Giàng,,6,,Đạt
                ,,Tổng cộng,30,20,10,2
                """);
        drop("064", "cho-don-2023.csv", """
                BÁO CÁO NĂM 2023
                STT,Mã xã,Tên xã,Số buổi tuyên truyền,Tổng số thôn,Số thôn đạt chuẩn
                1,02047,Yên Thượng,5,5,5
                """);
        cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString());

        assertThat(value("district", "063", "propaganda_sessions")).isEqualByComparingTo("30");
        assertThat(value("district", "063", "villages_total")).isEqualByComparingTo("20");
        assertThat(value("district", "063", "commune_safe")).isEqualByComparingTo("2");
        // 10 of 14 villages among the communes that reported both parts (Cẩm Giàng gave no safe count).
        assertThat(value("district", "063", "rate_villages_safe")).isEqualByComparingTo("0.7143");
        assertThat(value("district", "063", "rate_communes_safe")).isEqualByComparingTo("0.6667");
        assertThat(value("province", "06", "propaganda_sessions")).isEqualByComparingTo("35");
        assertThat(value("province", "06", "rate_villages_safe")).isEqualByComparingTo("0.7895");
        assertThat(reporting("province", "06")).isEqualTo(4);
        assertThat(jdbc.queryForObject("""
                SELECT value FROM aggregate_value WHERE level = 'district' AND unit_code = '064' AND year = 2023 AND indicator = 'thefts'""",
                BigDecimal.class)).as("nothing reported: empty, not zero").isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM issue WHERE code = 'total.mismatch'", Integer.class)).isZero();
    }

    // Issue 7: a run with a few new files rebuilds only what they touched; the result is the full rebuild's.
    @Test
    void aggregate_whenANightlyRunBringsACorrection_thenOnlyTouchedUnitsAreRebuiltAndTheResultEqualsAFullRebuild() throws IOException {
        drop("063", "bach-thong-2023.csv", """
                BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023
                STT,Mã xã,Tên xã,Số buổi tuyên truyền,Tổng số thôn,Số thôn đạt chuẩn
                1,02002,Cao Sơn,10,10,9
                2,02005,Vũ Muộn,20,4,1
                """);
        drop("064", "cho-don-2023.csv", """
                BÁO CÁO NĂM 2023
                STT,Mã xã,Tên xã,Số buổi tuyên truyền,Tổng số thôn,Số thôn đạt chuẩn
                1,02047,Yên Thượng,5,5,5
                """);
        String inbox = work.resolve("inbox").toString();
        String out = work.resolve("out").toString();
        assertThat(cli.run("run", "--inbox", inbox, "--out", out).exitCode()).isZero();
        String builtAt = jdbc.queryForObject("SELECT built_at::text FROM aggregate_state WHERE year = 2023", String.class);
        String yenThuong = jdbc.queryForObject("""
                SELECT string_agg(indicator || '=' || coalesce(value::text, ''), ',' ORDER BY indicator) FROM aggregate_value
                WHERE level = 'commune' AND unit_code = '02047' AND year = 2023""", String.class);

        drop("063", "bach-thong-2023-lan2.csv", """
                BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023
                STT,Mã xã,Tên xã,Số buổi tuyên truyền,Tổng số thôn,Số thôn đạt chuẩn
                1,02002,Cao Sơn,12,10,10
                """);
        assertThat(cli.run("run", "--inbox", inbox, "--out", out).exitCode()).isZero();

        assertThat(value("commune", "02002", "propaganda_sessions")).isEqualByComparingTo("12");
        assertThat(value("district", "063", "propaganda_sessions")).isEqualByComparingTo("32");
        assertThat(value("province", "06", "propaganda_sessions")).isEqualByComparingTo("37");
        assertThat(value("province", "06", "rate_villages_safe")).isEqualByComparingTo("0.8421");
        assertThat(jdbc.queryForObject("SELECT built_at::text FROM aggregate_state WHERE year = 2023", String.class)).isNotEqualTo(builtAt);
        // Chợ Đồn's commune was not touched: its rows are the ones kept from the first run.
        assertThat(jdbc.queryForObject("""
                SELECT string_agg(indicator || '=' || coalesce(value::text, ''), ',' ORDER BY indicator) FROM aggregate_value
                WHERE level = 'commune' AND unit_code = '02047' AND year = 2023""", String.class)).isEqualTo(yenThuong);

        List<String> incremental = allRows();
        jdbc.update("DELETE FROM aggregate_state");
        assertThat(cli.run("aggregate", "--year", "2023").exitCode()).isZero();
        // 4 communes, 2 districts, 1 province, each with 35 indicators and 4 rates
        assertThat(allRows()).isEqualTo(incremental).hasSize((4 + 2 + 1) * 39);
    }

    private List<String> allRows() {
        return jdbc.queryForList("""
                SELECT concat_ws('|', level, unit_code, unit_name, indicator, value, communes_reporting, communes_expected)
                FROM aggregate_value WHERE year = 2023 ORDER BY level, unit_code, indicator""", String.class);
    }
}
