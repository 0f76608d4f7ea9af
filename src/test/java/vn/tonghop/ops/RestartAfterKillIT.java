package vn.tonghop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.support.GeneratedInbox;
import vn.tonghop.support.RegistryTemplate;
import vn.tonghop.support.SharedPostgres;
import vn.tonghop.support.TonghopProcess;

/**
 * A run killed with SIGKILL at the worst moments, on the real jar and a real PostgreSQL: the next run
 * resumes it from the Spring Batch job repository, and the aggregates come out exactly as those of a run
 * that was never interrupted — no file lost, no value counted twice, no half-built aggregate.
 */
class RestartAfterKillIT {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    private static final Path WORK = Path.of("target/it-work/restart");
    private static final Path FILES = WORK.resolve("files");
    private static int fileCount;
    private static String referenceUrl;
    private static List<String> referenceAggregates;

    @BeforeAll
    static void uninterruptedReference() throws IOException {
        FileSystemUtils.deleteRecursively(WORK);
        fileCount = GeneratedInbox.write(FILES.resolve("inbox"), 20, 2023);
        assertThat(fileCount).isEqualTo(300);
        Path work = copyOfFiles("reference");
        referenceUrl = RegistryTemplate.newDatabase("reference");
        TonghopProcess run = run(work, referenceUrl);
        assertThat(run.exitCode()).as(run.output()).isZero();
        referenceAggregates = Files.readAllLines(work.resolve("out/aggregates.csv"), StandardCharsets.UTF_8);
        assertThat(referenceAggregates).hasSizeGreaterThan(200);
        assertThat(referenceAggregates).anyMatch(line -> line.startsWith("province,06,") && line.contains(",2023,propaganda_sessions,"));
    }

    @Test
    void run_killedMidIngest_thenTheNextRunResumesItAndAggregatesEqualAnUninterruptedRun() throws IOException {
        Path work = copyOfFiles("kill-ingest");
        String url = RegistryTemplate.newDatabase("kill_ingest");
        JdbcTemplate db = SharedPostgres.jdbc(url);

        TonghopProcess first = TonghopProcess.start(work, url, Map.of(), "run", "--inbox", "inbox", "--out", "out");
        TonghopProcess.await("a third of the files read", RUN_TIMEOUT,
                () -> count(db, "SELECT count(*) FROM submission WHERE status <> 'registered'") >= fileCount / 3 || !first.isAlive());
        first.kill();

        assertThat(first.output()).doesNotContain("Mã thoát");
        assertThat(count(db, "SELECT count(*) FROM submission WHERE status = 'registered'")).as("files not read yet").isPositive();
        assertThat(db.queryForList("""
                SELECT e.status FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE i.job_name = 'ingest'""", String.class)).containsExactly("STARTED");
        assertThat(filesIn(work.resolve("inbox"))).isNotEmpty();

        TonghopProcess second = run(work, url);

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.out()).contains("Tiếp tục lượt nhận tệp #").contains("Không có tệp mới");
        assertSameAsReference(work, db);
        assertThat(db.queryForList("""
                SELECT DISTINCT e.status FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE i.job_name = 'ingest' AND e.job_execution_id = (SELECT min(job_execution_id) FROM batch_job_execution)""",
                String.class)).as("the killed execution, recovered").containsExactly("FAILED");
    }

    @Test
    void run_killedMidAggregation_thenNoHalfAggregateIsSeenAndTheNextRunRebuildsIt() throws IOException, SQLException {
        Path work = copyOfFiles("kill-aggregate");
        String url = RegistryTemplate.newDatabase("kill_aggregate");
        JdbcTemplate db = SharedPostgres.jdbc(url);

        TonghopProcess first;
        // Holding the aggregate table, the test freezes the run inside its aggregation transaction, then kills it there.
        try (Connection blocker = db.getDataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("LOCK TABLE aggregate_value IN ACCESS EXCLUSIVE MODE");
            }
            first = TonghopProcess.start(work, url, Map.of(), "run", "--inbox", "inbox", "--out", "out");
            TonghopProcess.await("the run waiting inside its aggregation", RUN_TIMEOUT, () -> !first.isAlive() || count(db, """
                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'
                    AND query LIKE 'DELETE FROM aggregate_value%'""") > 0);
            first.kill();
            blocker.rollback();
        }
        TonghopProcess.await("the killed run's session to end", Duration.ofSeconds(30), () -> count(db, """
                SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                AND backend_type = 'client backend'""") == 0);

        assertThat(first.output()).doesNotContain("Mã thoát");
        assertThat(count(db, "SELECT count(*) FROM aggregate_value")).as("no half-built aggregate").isZero();
        assertThat(db.queryForList("SELECT year FROM aggregate_pending ORDER BY year", Integer.class)).containsExactly(2022, 2023);
        // the aggregation starts once the files are applied, while the report step still writes their results: the kill
        // may have come before the ingest's end
        List<String> jobs = db.queryForList("""
                SELECT i.job_name || ' ' || e.status FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                ORDER BY e.job_execution_id""", String.class);
        assertThat(jobs).hasSize(2).endsWith("aggregate STARTED");
        assertThat(jobs.get(0)).isIn("ingest COMPLETED", "ingest STARTED");
        assertThat(count(db, "SELECT count(*) FROM submission WHERE status = 'applied'")).as("every file applied").isEqualTo(fileCount);

        TonghopProcess second = run(work, url);

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.out()).contains("Tiếp tục lượt tổng hợp năm 2022").contains("Đã tổng hợp năm 2023");
        assertThat(count(db, "SELECT count(*) FROM submission WHERE moved_to IS NOT NULL")).as("every file's results written").isEqualTo(fileCount);
        assertSameAsReference(work, db);
        assertThat(count(db, "SELECT count(*) FROM aggregate_pending")).isZero();
    }

    @Test
    void run_stoppedWithSigterm_thenTheRunningChunkCommitsTheJobEndsStoppedAndTheNextRunResumesIt() throws IOException {
        Path work = copyOfFiles("sigterm");
        String url = RegistryTemplate.newDatabase("sigterm");
        JdbcTemplate db = SharedPostgres.jdbc(url);

        TonghopProcess first = TonghopProcess.start(work, url, Map.of(), "run", "--inbox", "inbox", "--out", "out");
        TonghopProcess.await("a third of the files read", RUN_TIMEOUT,
                () -> count(db, "SELECT count(*) FROM submission WHERE status <> 'registered'") >= fileCount / 3 || !first.isAlive());
        first.terminate();
        first.waitFor(Duration.ofMinutes(1));

        assertThat(first.err()).as(first.output()).contains("Lượt chạy đã dừng theo yêu cầu").doesNotContain("Exception");
        assertThat(db.queryForList("""
                SELECT e.status FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE i.job_name = 'ingest'""", String.class)).as("stopped cleanly, not left running").containsExactly("STOPPED");
        assertThat(count(db, "SELECT count(*) FROM batch_step_execution WHERE status IN ('STARTED', 'STOPPING')"))
                .as("every file's step ended at a chunk boundary").isZero();
        assertThat(count(db, "SELECT count(*) FROM submission WHERE status = 'registered'")).as("files not read yet").isPositive();

        TonghopProcess second = run(work, url);

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.out()).contains("Tiếp tục lượt nhận tệp #1 bị gián đoạn").contains("trạng thái đã dừng");
        assertSameAsReference(work, db);
    }

    private static void assertSameAsReference(Path work, JdbcTemplate db) throws IOException {
        assertThat(Files.readAllLines(work.resolve("out/aggregates.csv"), StandardCharsets.UTF_8))
                .as("aggregates.csv of the interrupted and resumed run").containsExactlyElementsOf(referenceAggregates);
        JdbcTemplate reference = SharedPostgres.jdbc(referenceUrl);
        for (String sql : List.of("SELECT count(*) FROM report", "SELECT count(*) FROM report WHERE superseded_by IS NULL",
                "SELECT count(*) FROM value", "SELECT count(*) FROM submission", "SELECT count(DISTINCT inbox_path) FROM submission",
                "SELECT count(DISTINCT moved_to) FROM submission")) {
            assertThat(count(db, sql)).as(sql).isEqualTo(count(reference, sql));
        }
        assertThat(count(db, "SELECT count(*) FROM submission")).isEqualTo(fileCount);
        assertThat(count(db, "SELECT count(*) FROM submission WHERE status = 'applied' AND moved_to LIKE 'archive/%'")).isEqualTo(fileCount);
        assertThat(filesIn(work.resolve("inbox"))).as("inbox emptied").isEmpty();
        List<Path> archived = filesIn(work.resolve("archive")).stream().filter(p -> !p.toString().contains(".ketqua.")).toList();
        assertThat(archived).as("every file archived once, none twice").hasSize(fileCount)
                .noneMatch(p -> p.getFileName().toString().matches(".*-[2-9]\\.csv"));
    }

    private static TonghopProcess run(Path work, String url) {
        return TonghopProcess.run(work, url, Map.of(), RUN_TIMEOUT, "run", "--inbox", "inbox", "--out", "out");
    }

    private static Path copyOfFiles(String name) throws IOException {
        Path work = WORK.resolve(name);
        FileSystemUtils.deleteRecursively(work);
        for (Path file : filesIn(FILES)) {
            Path target = work.resolve(FILES.relativize(file));
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return work.toAbsolutePath();
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static long count(JdbcTemplate db, String sql) {
        Long n = db.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
