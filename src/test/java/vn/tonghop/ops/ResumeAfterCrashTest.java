package vn.tonghop.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.load.SubmissionApplier;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/**
 * The states a crash can leave, recreated in the job repository and the tables, and what the next run
 * makes of them. (The real kills, of the real jar, are in {@link RestartAfterKillIT}.)
 */
@TonghopSpringTest
class ResumeAfterCrashTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SubmissionApplier applier;

    @TempDir
    Path work;

    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        Database.clear(jdbc);
        cli = new Cli(context);
        FileSystemUtils.copyRecursively(Path.of("sample-input"), work.resolve("sample-input"));
        assertThat(cli.run("units", "import", work.resolve("sample-input/registry/units.csv").toString()).exitCode()).isZero();
    }

    private Cli.Result run() {
        return cli.run("run", "--inbox", work.resolve("sample-input/inbox").toString(), "--out", work.resolve("out").toString());
    }

    private long ingestExecution() {
        return jdbc.queryForObject("""
                SELECT max(e.job_execution_id) FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE i.job_name = 'ingest'""", Long.class);
    }

    /** What {@code kill -9} during the report step leaves: the job and the step STARTED, as their process never ended them. */
    private void leaveReportStepRunning(long execution) {
        jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL WHERE job_execution_id = ?",
                execution);
        jdbc.update("""
                UPDATE batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING', end_time = NULL
                WHERE job_execution_id = ? AND step_name = 'report'""", execution);
    }

    @Test
    void run_whenTheLastRunDiedBetweenMovingAFileAndRecordingIt_thenTheMoveIsRecordedNotRepeated() throws IOException {
        Cli.Result first = run();
        assertThat(first.exitCode()).as(first.err()).isZero();
        long values = jdbc.queryForObject("SELECT count(*) FROM value", Long.class);
        String day = LocalDate.now().toString();
        jdbc.update("UPDATE submission SET moved_to = NULL, finished_at = NULL WHERE inbox_path = '063/bach-thong-2022.xlsx'");
        leaveReportStepRunning(ingestExecution());

        Cli.Result second = run();

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("Tiếp tục lượt nhận tệp #").contains("Không có tệp mới")
                .containsPattern("trạng thái (đang chạy|thất bại|đã dừng)\\)").doesNotContain("STARTED", "FAILED");
        assertThat(jdbc.queryForObject("SELECT moved_to FROM submission WHERE inbox_path = '063/bach-thong-2022.xlsx'", String.class))
                .isEqualTo("archive/" + day + "/063/bach-thong-2022.xlsx");
        try (Stream<Path> archived = Files.list(work.resolve("sample-input/archive/" + day + "/063"))) {
            assertThat(archived.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("bach-thong-2022-2"));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM value", Long.class)).isEqualTo(values);
        assertThat(jdbc.queryForList("""
                SELECT e.status FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE i.job_name = 'ingest' ORDER BY e.job_execution_id""", String.class))
                .as("the dead execution recovered as FAILED, its restart and the new run COMPLETED")
                .containsExactly("FAILED", "COMPLETED", "COMPLETED");
    }

    /** The report step moves a file first, then writes its results: a run killed in between left the file moved, without results. */
    @Test
    void run_whenTheLastRunDiedBetweenMovingAFileAndWritingItsResults_thenTheResultsAreWrittenBesideIt() throws IOException {
        Cli.Result first = run();
        assertThat(first.exitCode()).as(first.err()).isZero();
        String day = LocalDate.now().toString();
        Path archived = work.resolve("sample-input/archive/" + day + "/063");
        Files.delete(archived.resolve("bach-thong-2022.ketqua.csv"));
        Files.delete(archived.resolve("bach-thong-2022.ketqua.xlsx"));
        jdbc.update("UPDATE submission SET moved_to = NULL, finished_at = NULL WHERE inbox_path = '063/bach-thong-2022.xlsx'");
        leaveReportStepRunning(ingestExecution());

        Cli.Result second = run();

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(jdbc.queryForObject("SELECT moved_to FROM submission WHERE inbox_path = '063/bach-thong-2022.xlsx'", String.class))
                .isEqualTo("archive/" + day + "/063/bach-thong-2022.xlsx");
        assertThat(Files.readString(archived.resolve("bach-thong-2022.ketqua.csv"), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("\uFEFFTrang tính,Dòng,Cột,Giá trị,Mức độ,Mã xã,Nội dung");
        assertThat(archived.resolve("bach-thong-2022.ketqua.xlsx")).isNotEmptyFile();
        try (Stream<Path> files = Files.list(archived)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("bach-thong-2022-2"));
        }
    }

    /**
     * Takes a finished file back to where a crash could have left it: in the inbox again, none of its
     * reports applied, in {@code status}; the ingest run and the given steps left running.
     */
    private long undo(String inboxPath, String status, String... steps) throws IOException {
        String day = LocalDate.now().toString();
        String name = inboxPath.substring(inboxPath.indexOf('/') + 1);
        long id = jdbc.queryForObject("SELECT id FROM submission WHERE inbox_path = ?", Long.class, inboxPath);
        Path archived = work.resolve("sample-input/archive/" + day + "/063");
        Files.move(archived.resolve(name), work.resolve("sample-input/inbox/" + inboxPath));
        Files.delete(archived.resolve(name.replace(".xlsx", ".ketqua.csv")));
        Files.delete(archived.resolve(name.replace(".xlsx", ".ketqua.xlsx")));
        jdbc.update("DELETE FROM value WHERE report_id IN (SELECT id FROM report WHERE submission_id = ?)", id);
        jdbc.update("DELETE FROM report WHERE submission_id = ?", id);
        jdbc.update("UPDATE submission SET status = ?, moved_to = NULL, finished_at = NULL WHERE id = ?", status, id);
        long execution = ingestExecution();
        jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL WHERE job_execution_id = ?",
                execution);
        for (String step : steps) {
            jdbc.update("""
                    UPDATE batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING', end_time = NULL
                    WHERE job_execution_id = ? AND step_name = ?""", execution, step);
        }
        return id;
    }

    private static final String PROVINCE_2022 = """
            SELECT value::int FROM aggregate_value WHERE level = 'province' AND unit_code = '06' AND year = 2022
            AND indicator = 'propaganda_sessions'""";

    private void assertResumedAsIfNothingHappened(long id, long values, int sessions2022) {
        Cli.Result resumed = run();

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("Tiếp tục lượt nhận tệp #");
        assertThat(jdbc.queryForObject("SELECT status || ' ' || rows_accepted || ' ' || moved_to FROM submission WHERE id = ?", String.class, id))
                .isEqualTo("applied 13 archive/" + LocalDate.now() + "/063/bach-thong-2022.xlsx");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM value", Long.class)).isEqualTo(values);
        assertThat(jdbc.queryForObject(PROVINCE_2022, Integer.class)).isEqualTo(sessions2022);
    }

    @Test
    void run_whenAFilesPartitionCompletedButTheFileWasNeverMarkedRead_thenTheFileIsReadAgain() throws IOException {
        run();
        long values = jdbc.queryForObject("SELECT count(*) FROM value", Long.class);
        int sessions2022 = jdbc.queryForObject(PROVINCE_2022, Integer.class);
        // Spring Batch 6 saves a partition as COMPLETED before its listeners run: killed in between, the
        // partition is complete while its file is still 'registered', its rows never applied.
        long id = undo("063/bach-thong-2022.xlsx", "registered", "read", "apply", "report");
        jdbc.update("UPDATE submission SET rows_read = 0, rows_accepted = 0 WHERE id = ?", id);

        assertResumedAsIfNothingHappened(id, values, sessions2022);
    }

    @Test
    void run_whenPostgresqlCrashedAfterAFileWasReadAndEmptiedStaging_thenTheFileIsReadAgain() throws IOException {
        run();
        long values = jdbc.queryForObject("SELECT count(*) FROM value", Long.class);
        int sessions2022 = jdbc.queryForObject(PROVINCE_2022, Integer.class);
        // read completed, apply never ran, and crash recovery emptied the unlogged staging tables
        long id = undo("063/bach-thong-2022.xlsx", "read", "apply", "report");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM staging_report", Integer.class)).isZero();

        assertResumedAsIfNothingHappened(id, values, sessions2022);
    }

    @Test
    void apply_whenASubmissionWasAlreadyApplied_thenItIsNotAppliedTwice() {
        run();
        long id = jdbc.queryForObject("SELECT id FROM submission WHERE inbox_path = '064/cho-don-2023.xlsx'", Long.class);
        long reports = jdbc.queryForObject("SELECT count(*) FROM report", Long.class);
        long values = jdbc.queryForObject("SELECT count(*) FROM value", Long.class);

        List<Long> applied = applier.apply(List.of(id));

        assertThat(applied).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report", Long.class)).isEqualTo(reports);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM value", Long.class)).isEqualTo(values);
    }

    @Test
    void report_whenTheSameFileWouldGiveTheSameReportTwice_thenTheDatabaseRefuses() {
        run();

        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO report (submission_id, commune_code, form_code, period_code, period_type, year, period_start, period_end,
                                    sheet, source_row, superseded_by)
                SELECT submission_id, commune_code, form_code, period_code, period_type, year, period_start, period_end, sheet,
                       source_row + 1000, submission_id
                FROM report WHERE superseded_by IS NULL LIMIT 1""")).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void run_whenYearsWaitForAggregation_thenTheyAreAggregatedEvenWithoutNewFiles() {
        run();
        jdbc.update("DELETE FROM aggregate_value WHERE year = 2023");
        jdbc.update("INSERT INTO aggregate_pending (form_code, year) VALUES ('ANTQ-01', 2023)");

        Cli.Result again = run();

        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Không có tệp mới").contains("Đã tổng hợp năm 2023").doesNotContain("Đã tổng hợp năm 2022");
        assertThat(jdbc.queryForObject("""
                SELECT value::int FROM aggregate_value WHERE level = 'province' AND unit_code = '06' AND year = 2023
                AND indicator = 'propaganda_sessions'""", Integer.class)).isEqualTo(804);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM aggregate_pending", Integer.class)).isZero();
    }

    private Path out() {
        return work.resolve("out");
    }

    private void deletePacks(int year) throws IOException {
        for (String province : List.of("06", "08")) {
            Files.delete(out().resolve("tonghop-" + province + "-" + year + ".xlsx"));
            Files.delete(out().resolve("tonghop-" + province + "-" + year + ".html"));
        }
    }

    /**
     * What {@code kill -9} during the first aggregation of 2023 leaves (its transaction rolled back): no aggregates of
     * the year, the year still pending, its packs never written, the aggregate job and its rebuild step STARTED.
     */
    private void leaveFirstAggregationRunning(int year) throws IOException {
        long execution = jdbc.queryForObject("""
                SELECT max(e.job_execution_id) FROM batch_job_execution e
                JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                JOIN batch_job_execution_params p ON p.job_execution_id = e.job_execution_id AND p.parameter_name = 'year'
                WHERE i.job_name = 'aggregate' AND p.parameter_value = ?""", Long.class, Integer.toString(year));
        jdbc.update("UPDATE batch_job_execution SET status = 'STARTED', exit_code = 'UNKNOWN', end_time = NULL WHERE job_execution_id = ?",
                execution);
        jdbc.update("""
                UPDATE batch_step_execution SET status = 'STARTED', exit_code = 'EXECUTING', end_time = NULL
                WHERE job_execution_id = ? AND step_name = 'rebuild'""", execution);
        jdbc.update("""
                DELETE FROM batch_step_execution_context WHERE step_execution_id IN
                (SELECT step_execution_id FROM batch_step_execution WHERE job_execution_id = ? AND step_name = 'today-units')""", execution);
        jdbc.update("DELETE FROM batch_step_execution WHERE job_execution_id = ? AND step_name = 'today-units'", execution);
        jdbc.update("DELETE FROM aggregate_value WHERE year = ?", year);
        jdbc.update("DELETE FROM completeness WHERE year = ?", year);
        jdbc.update("DELETE FROM aggregate_province WHERE year = ?", year);
        jdbc.update("DELETE FROM aggregate_state WHERE year = ?", year);
        jdbc.update("INSERT INTO aggregate_pending (form_code, year) VALUES ('ANTQ-01', ?)", year);
        jdbc.update("DELETE FROM pack_written WHERE year = ?", year);
        deletePacks(year);
    }

    @Test
    void run_whenTheLastRunDiedAggregatingAYear_thenTheResumedAggregationsPacksAreWritten() throws IOException {
        run();
        leaveFirstAggregationRunning(2023);
        Path pack2022 = out().resolve("tonghop-06-2022.xlsx");
        java.nio.file.attribute.FileTime written2022 = Files.getLastModifiedTime(pack2022);

        Cli.Result resumed = run();

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("Tiếp tục lượt tổng hợp năm 2023").containsPattern("Tổng hợp: +2023");
        assertThat(jdbc.queryForObject(PROVINCE_2022.replace("2022", "2023"), Integer.class)).isEqualTo(804);
        assertThat(out().resolve("tonghop-06-2023.xlsx")).isNotEmptyFile();
        assertThat(out().resolve("tonghop-08-2023.xlsx")).isNotEmptyFile();
        assertThat(Files.readString(out().resolve("tonghop-06-2023.html"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("NĂM 2023").contains(">804<");
        assertThat(Files.getLastModifiedTime(pack2022)).as("a year neither aggregated nor out of date keeps its pack").isEqualTo(written2022);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM pack_written w JOIN aggregate_province a USING (form_code, year, province_code)
                WHERE w.year = 2023 AND w.version = a.version""", Integer.class)).isEqualTo(2);

        Cli.Result nightly = run();

        assertThat(nightly.out()).as("nothing changed: no pack written again").doesNotContain("tonghop-06-2023.xlsx")
                .doesNotContain("tonghop-06-2022.xlsx");
    }

    /** Killed after the aggregation committed, before the export started: the packs are older than the aggregates. */
    @Test
    void run_whenTheLastRunDiedBetweenAggregatingAndExporting_thenTheOutOfDatePacksAreWritten() throws IOException {
        run();
        jdbc.update("UPDATE aggregate_province SET version = nextval('aggregate_version_seq') WHERE year = 2023");
        deletePacks(2023);

        Cli.Result next = run();

        assertThat(next.exitCode()).as(next.out() + next.err()).isZero();
        assertThat(next.out()).contains("tonghop-06-2023.xlsx", "tonghop-08-2023.html").doesNotContain("tonghop-06-2022.xlsx");
        assertThat(Files.readString(out().resolve("tonghop-06-2023.html"), java.nio.charset.StandardCharsets.UTF_8)).contains(">804<");
    }

    @Test
    void status_thenTheNextNightlyRunInterruptedRunsAndWaitingYearsAreShown() {
        run();
        leaveReportStepRunning(ingestExecution());
        jdbc.update("INSERT INTO aggregate_pending (form_code, year) VALUES ('ANTQ-01', 2023)");

        Cli.Result status = cli.run("status", "--inbox", work.resolve("sample-input/inbox").toString());

        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).containsPattern("Lịch chạy tự động \\(serve\\): 0 0 2 \\* \\* \\* \\(Asia/Ho_Chi_Minh\\); lần tới: "
                + "\\d{4}-\\d{2}-\\d{2} 02:00:00 \\+07:00")
                .contains("Lượt chạy bị gián đoạn, sẽ được tiếp tục ở lần chạy tới")
                .containsPattern("  nhận tệp #\\d+, bắt đầu .*, trạng thái đang chạy")
                .contains("Năm chờ tổng hợp lại: 2023")
                .doesNotContain("Đang có lượt chạy");
    }
}
