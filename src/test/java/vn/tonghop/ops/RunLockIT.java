package vn.tonghop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.support.GeneratedInbox;
import vn.tonghop.support.RegistryTemplate;
import vn.tonghop.support.SharedPostgres;
import vn.tonghop.support.TonghopProcess;

/**
 * Two {@code run}s started at the same moment, as two processes of the real jar on one PostgreSQL: exactly
 * one does the work; the other refuses with exit code 3 or, when allowed to wait, runs after it and finds
 * nothing left to do. To make "at the same moment" certain, the test holds the submission table so that
 * whichever run takes the lock first stays inside it until the other has decided.
 */
class RunLockIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @Test
    void twoRunsAtOnce_thenExactlyOneWorksAndTheOtherExitsWithTheLockedCode() throws IOException, SQLException {
        Path work = work("refuse");
        int files = GeneratedInbox.write(work.resolve("inbox"), 4, 7);
        String url = RegistryTemplate.newDatabase("lock_refuse");
        JdbcTemplate db = SharedPostgres.jdbc(url);

        TonghopProcess winner;
        TonghopProcess loser;
        try (Connection blocker = hold(db, "submission")) {
            TonghopProcess a = start(work, url, 0);
            TonghopProcess b = start(work, url, 0);
            TonghopProcess.await("one of the two runs to give up", TIMEOUT, () -> !a.isAlive() || !b.isAlive());
            loser = a.isAlive() ? b : a;
            winner = loser == a ? b : a;
            loser.waitFor(TIMEOUT);
            assertThat(winner.isAlive()).as("the run holding the lock is still working").isTrue();
            blocker.rollback();
        }
        winner.waitFor(TIMEOUT);

        assertThat(loser.exitCode()).as(loser.output()).isEqualTo(3);
        assertThat(loser.err()).contains("Một lượt chạy khác đang chạy (tonghop run ").doesNotContain("Exception");
        assertThat(loser.out()).doesNotContain("Đang nhận tệp");
        assertThat(winner.exitCode()).as(winner.output()).isZero();
        assertThat(winner.out()).contains("Tệp:        " + files + " (" + files + " được nhận");
        assertIngestedOnceByOneRun(db, files);
    }

    @Test
    void twoRunsAtOnce_whenAllowedToWait_thenTheSecondRunsAfterTheFirstAndFindsNothingNew() throws IOException, SQLException {
        Path work = work("wait");
        int files = GeneratedInbox.write(work.resolve("inbox"), 4, 8);
        String url = RegistryTemplate.newDatabase("lock_wait");
        JdbcTemplate db = SharedPostgres.jdbc(url);

        TonghopProcess first;
        TonghopProcess second;
        try (Connection blocker = hold(db, "submission")) {
            TonghopProcess a = start(work, url, 300);
            TonghopProcess b = start(work, url, 300);
            TonghopProcess.await("one of the two runs to wait for the other", TIMEOUT,
                    () -> a.err().contains("đang chờ tối đa 300 giây") || b.err().contains("đang chờ tối đa 300 giây"));
            second = a.err().contains("đang chờ") ? a : b;
            first = second == a ? b : a;
            Thread.sleep(2000);
            assertThat(first.isAlive()).isTrue();
            assertThat(second.isAlive()).as("the second run waits, it does not give up").isTrue();
            blocker.rollback();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        first.waitFor(TIMEOUT);
        second.waitFor(TIMEOUT);

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.err()).contains("Một lượt chạy khác đang chạy (tonghop run ");
        assertThat(first.out()).contains("Tệp:        " + files + " (" + files + " được nhận");
        assertThat(second.out()).contains("Không có tệp mới").contains("Tệp:        0 (0 được nhận");
        assertIngestedOnceByOneRun(db, files);
    }

    private static void assertIngestedOnceByOneRun(JdbcTemplate db, int files) {
        assertThat(db.queryForObject("SELECT count(*) FROM submission", Integer.class)).isEqualTo(files);
        assertThat(db.queryForObject("SELECT count(DISTINCT run_id) FROM submission", Integer.class)).isEqualTo(1);
        assertThat(db.queryForObject("SELECT count(*) FROM submission WHERE status = 'applied' AND moved_to IS NOT NULL", Integer.class))
                .isEqualTo(files);
        List<String> ingests = db.queryForList("""
                SELECT e.status FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE i.job_name = 'ingest' ORDER BY e.job_execution_id""", String.class);
        assertThat(ingests).allMatch("COMPLETED"::equals);
    }

    /** A transaction holding {@code table} against writes (SHARE mode): a run that reaches its first insert waits there. */
    private static Connection hold(JdbcTemplate db, String table) throws SQLException {
        Connection connection = db.getDataSource().getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + table + " IN SHARE MODE");
        }
        return connection;
    }

    private static TonghopProcess start(Path work, String url, int waitSeconds) {
        return TonghopProcess.start(work, url, Map.of("TONGHOP_LOCK_WAIT_SECONDS", Integer.toString(waitSeconds)),
                "run", "--inbox", "inbox", "--out", "out");
    }

    private static Path work(String name) {
        Path work = Path.of("target/it-work/lock", name).toAbsolutePath();
        FileSystemUtils.deleteRecursively(work.toFile());
        return work;
    }
}
