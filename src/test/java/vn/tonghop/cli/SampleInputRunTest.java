package vn.tonghop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/**
 * The whole pipeline as a newcomer runs it: {@code units import} then {@code run} on a copy of
 * {@code sample-input/}, on a real PostgreSQL. Expected figures come from {@code sample-input/EXPECTED.md}
 * and its machine-readable twin, computed independently of tonghop by the sample's generator.
 */
@TonghopSpringTest
class SampleInputRunTest {

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
        FileSystemUtils.copyRecursively(Path.of("sample-input"), work.resolve("sample-input"));
        // A git checkout keeps no modification times: the correction (lần 2) arrived after lần 1.
        Path lan2 = work.resolve("sample-input/inbox/063/bach-thong-2023-lan2.csv");
        Files.setLastModifiedTime(work.resolve("sample-input/inbox/063/bach-thong-2023-lan1.csv"), FileTime.from(Instant.parse("2024-01-05T08:00:00Z")));
        Files.setLastModifiedTime(lan2, FileTime.from(Instant.parse("2024-01-09T08:00:00Z")));
        Cli.Result imported = cli.run("units", "import", work.resolve("sample-input/registry/units.csv").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    private Cli.Result run() {
        return cli.run("run", "--inbox", inbox().toString(), "--out", out().toString());
    }

    private Path inbox() {
        return work.resolve("sample-input/inbox");
    }

    private Path out() {
        return work.resolve("out");
    }

    @Test
    void run_onSampleInput_thenDistrictAndProvinceTotalsMatchTheHandComputedOnes() throws IOException {
        Cli.Result result = run();

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("Summary: 11 files (10 accepted, 0 rejected, 1 duplicate); 109 rows accepted, 4 rows rejected")
                .contains(out().resolve("aggregates.csv").toString());
        Map<String, String[]> actual = rows(out().resolve("aggregates.csv"));
        List<String> expected = Files.readAllLines(Path.of("sample-input/expected/aggregates-expected.csv"), StandardCharsets.UTF_8);
        assertThat(expected).hasSizeGreaterThan(100);
        for (String line : expected.subList(1, expected.size())) {
            String[] e = line.split(",", -1);
            String key = e[0] + "|" + e[1] + "|" + e[3] + "|" + e[4];
            assertThat(actual).as("row %s", key).containsKey(key);
            String[] a = actual.get(key);
            assertThat(List.of(a[5], a[6], a[7])).as("value, communes_reporting, communes_expected of %s", key)
                    .containsExactly(e[5], e[6], e[7]);
        }
    }

    @Test
    void run_onSampleInput_thenAggregatesCsvHasTheSpecifiedHeaderAndOrder() throws IOException {
        run();

        List<String> lines = Files.readAllLines(out().resolve("aggregates.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("level,unit_code,unit_name,year,indicator,value,communes_reporting,communes_expected");
        assertThat(lines).contains("province,06,Bắc Kạn,2023,propaganda_sessions,804,31,34",
                "district,063,Bạch Thông,2023,rate_villages_safe,0.9565,14,14",
                "commune,01975,Vi Hương,2023,propaganda_sessions,24,1,1");
        List<String> levels = lines.stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).distinct().toList();
        assertThat(levels).containsExactly("commune", "district", "province");
        List<String> keys = lines.stream().skip(1).map(l -> l.split(",")[1] + "," + l.split(",")[3] + "," + l.split(",")[4]).toList();
        List<String> communeKeys = keys.subList(0, (int) lines.stream().filter(l -> l.startsWith("commune,")).count());
        assertThat(communeKeys).isSorted();
    }

    @Test
    void run_whenRowsBreakTheRules_thenTheyAreRejectedWithVietnameseMessages() {
        run();

        Map<Integer, String> errors = new HashMap<>();
        jdbc.query("""
                SELECT i.row_number, i.message FROM issue i JOIN submission s ON s.id = i.submission_id
                WHERE s.inbox_path = '064/cho-don-2023.xlsx' AND i.severity = 'error' ORDER BY i.row_number""",
                rs -> {
                    errors.merge(rs.getInt(1), rs.getString(2), (a, b) -> a + " | " + b);
                });
        assertThat(errors).containsOnlyKeys(12, 15, 19, 23);
        assertThat(errors.get(12)).contains("(7) lớn hơn").contains("(6)");
        assertThat(errors.get(15)).contains("Mã xã \"02056\" không có trong danh mục");
        assertThat(errors.get(19)).contains("Giá trị \"nhiều\"").contains("không phải là số");
        assertThat(errors.get(23)).contains("Giá trị \"-1\"").contains("âm");
        List<String> warnings = jdbc.queryForList("""
                SELECT i.row_number || ': ' || i.message FROM issue i JOIN submission s ON s.id = i.submission_id
                WHERE s.inbox_path = '064/cho-don-2023.xlsx' AND i.severity = 'warning' AND i.code IN ('cell.warnAtLeast', 'total.mismatch')
                ORDER BY i.row_number""", String.class);
        assertThat(warnings).containsExactly(
                "25: Số lượt người tham gia (28) nhỏ hơn số buổi tuyên truyền, phổ biến pháp luật (32); hãy kiểm tra lại.",
                "28: Dòng tổng cộng ghi 17.259 ở cột \"Số người tham gia\" nhưng cộng các dòng được 16.259.");
        Integer rejectedValues = jdbc.queryForObject("""
                SELECT count(*) FROM report r WHERE r.commune_code IN ('02035', '02053', '02068') AND r.year = 2023""", Integer.class);
        assertThat(rejectedValues).isZero();
    }

    @Test
    void run_whenACorrectionArrives_thenItSupersedesTheEarlierFileAndHistoryKeepsBoth() {
        run();

        assertThat(jdbc.queryForObject("SELECT reports_superseded FROM submission WHERE inbox_path = '063/bach-thong-2023-lan2.csv'",
                Integer.class)).isEqualTo(14);
        assertThat(jdbc.queryForList("""
                SELECT v.value::int FROM value v JOIN report r ON r.id = v.report_id
                WHERE r.commune_code = '01975' AND r.year = 2023 AND v.indicator = 'propaganda_sessions' ORDER BY r.submission_id""",
                Integer.class)).containsExactly(18, 24);
        Cli.Result history = cli.run("history", "--commune", "01975", "--year", "2023");
        assertThat(history.exitCode()).isZero();
        assertThat(history.out()).contains("đã bị thay thế").contains("ĐANG DÙNG").contains("propaganda_sessions").contains("18 → 24");
    }

    @Test
    void run_whenTheSameFileArrivesTwice_thenItIsCountedOnce() {
        run();

        assertThat(jdbc.queryForList("SELECT status FROM submission WHERE inbox_path LIKE '071/lam-binh-2023%' ORDER BY id", String.class))
                .containsExactly("applied", "duplicate");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM report r WHERE r.superseded_by IS NULL AND r.year = 2023
                AND r.commune_code IN (SELECT code FROM unit WHERE parent_code = '071')""", Integer.class)).isEqualTo(10);
    }

    @Test
    void run_thenEveryFileLeavesTheInboxWithItsResultBesideIt() throws IOException {
        run();

        try (Stream<Path> left = Files.walk(inbox())) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
        Path archive;
        try (Stream<Path> days = Files.list(work.resolve("sample-input/archive"))) {
            archive = days.findFirst().orElseThrow();
        }
        assertThat(archive.resolve("064/cho-don-2023.xlsx")).exists();
        Path result = archive.resolve("064/cho-don-2023.ketqua.csv");
        assertThat(result).exists();
        String text = Files.readString(result, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFTrang tính,Dòng,Cột,Giá trị,Mức độ,Mã xã,Nội dung").contains("\"nhiều\"").contains("Lỗi");
        assertThat(archive.resolve("071/lam-binh-2023-ban-sao.ketqua.csv")).exists();
    }

    /**
     * The export's two steps start side by side (a split flow), and run starts the aggregation while the ingest's report
     * step starts: under Spring Batch's SERIALIZABLE creation of executions, PostgreSQL refused one of two such
     * creations now and then ("could not serialize access"); they are created under READ COMMITTED.
     */
    @Test
    void export_again_andAgain_thenEveryExportCompletes() {
        assertThat(run().exitCode()).isZero();
        assertThat(context.getEnvironment().getProperty("spring.batch.jdbc.isolation-level-for-create")).isEqualTo("read-committed");
        for (int i = 0; i < 5; i++) {
            Cli.Result export = cli.run("export", "--year", "2023", "--out", out().resolve("again-" + i).toString());
            assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
            assertThat(out().resolve("again-" + i).resolve("aggregates.csv")).isNotEmptyFile();
        }
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT e.status FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE i.job_name = 'export'""", String.class)).containsExactly("COMPLETED");
    }

    @Test
    void run_twice_thenTheSecondRunChangesNothing() throws IOException {
        run();
        byte[] first = Files.readAllBytes(out().resolve("aggregates.csv"));
        long values = jdbc.queryForObject("SELECT count(*) FROM value", Long.class);

        Cli.Result again = run();
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Không có tệp mới");
        assertThat(Files.readAllBytes(out().resolve("aggregates.csv"))).isEqualTo(first);

        // The same files dropped again are all recognised as already received.
        FileSystemUtils.copyRecursively(Path.of("sample-input/inbox"), inbox());
        Cli.Result resent = run();
        assertThat(resent.out()).contains("11 duplicate");
        assertThat(Files.readAllBytes(out().resolve("aggregates.csv"))).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM value", Long.class)).isEqualTo(values);
    }

    @Test
    void run_whenNewFilesTouchOneProvince_thenOnlyThatProvincesPackIsWrittenAgain() throws IOException {
        run();
        FileTime before = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        List<String> packs = List.of("tonghop-06-2023.xlsx", "tonghop-06-2023.html", "tonghop-08-2023.xlsx", "tonghop-08-2023.html");
        for (String pack : packs) {
            Files.setLastModifiedTime(out().resolve(pack), before);
        }
        // Bạch Thông (Bắc Kạn, 06) sends its 2023 report a third time: the same figures, so a new version of each report.
        String lan2 = Files.readString(Path.of("sample-input/inbox/063/bach-thong-2023-lan2.csv"), StandardCharsets.UTF_8);
        Path lan3 = inbox().resolve("063/bach-thong-2023-lan3.csv");
        Files.writeString(lan3, lan2.replace("(LẦN 2)", "(LẦN 3)"), StandardCharsets.UTF_8);

        Cli.Result nightly = run();

        assertThat(nightly.exitCode()).as(nightly.err()).isZero();
        assertThat(Files.getLastModifiedTime(out().resolve("tonghop-06-2023.xlsx"))).isNotEqualTo(before);
        assertThat(Files.getLastModifiedTime(out().resolve("tonghop-06-2023.html"))).isNotEqualTo(before);
        assertThat(Files.getLastModifiedTime(out().resolve("tonghop-08-2023.xlsx"))).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(out().resolve("tonghop-08-2023.html"))).isEqualTo(before);
        assertThat(nightly.out()).contains("tonghop-06-2023.xlsx").doesNotContain("tonghop-08-2023.xlsx")
                .contains("Bộ tài liệu hội nghị của 1 tỉnh không có số liệu mới, giữ nguyên.");

        // A pack deleted from the output folder is written again by the next run that touches its year.
        Files.delete(out().resolve("tonghop-08-2023.html"));
        Files.writeString(inbox().resolve("063/bach-thong-2023-lan4.csv"), lan2.replace("(LẦN 2)", "(LẦN 4)"), StandardCharsets.UTF_8);
        run();
        assertThat(out().resolve("tonghop-08-2023.html")).exists();
        assertThat(Files.getLastModifiedTime(out().resolve("tonghop-08-2023.xlsx"))).isNotEqualTo(before);

        // export writes what it is asked for, changed or not.
        Files.setLastModifiedTime(out().resolve("tonghop-08-2023.xlsx"), before);
        Cli.Result export = cli.run("export", "--year", "2023", "--out", out().toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.getLastModifiedTime(out().resolve("tonghop-08-2023.xlsx"))).isNotEqualTo(before);
    }

    private static Map<String, String[]> rows(Path csv) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            rows.put(cells[0] + "|" + cells[1] + "|" + cells[3] + "|" + cells[4], cells);
        }
        return rows;
    }
}
