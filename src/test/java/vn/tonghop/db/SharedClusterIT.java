package vn.tonghop.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.support.GeneratedInbox;
import vn.tonghop.support.TonghopProcess;

/**
 * The embedded database outlives the process that started it while another still uses it: a {@code run} sharing the
 * cluster of {@code serve} finishes its work after {@code serve} has ended, and, the last one out, stops the cluster.
 * To make "while" certain, the test holds the submission table so that the run waits inside the shared cluster until
 * {@code serve} has gone.
 */
class SharedClusterIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void runSharingTheCluster_whenTheProcessThatStartedItEnds_thenTheRunStillCompletes() throws Exception {
        Path work = Path.of("target/it-work/shared-cluster").toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        int files = GeneratedInbox.write(work.resolve("inbox"), 4, 11);
        Map<String, String> settings = Map.of("SERVER_PORT", "0", "TONGHOP_WATCH_ENABLED", "false");
        TonghopProcess units = TonghopProcess.run(work, null, settings, TIMEOUT, "units", "import",
                Path.of("sample-input/registry/units.csv").toAbsolutePath().toString());
        assertThat(units.exitCode()).as(units.output()).isZero();

        TonghopProcess serve = TonghopProcess.start(work, null, settings, "serve", "--inbox", "inbox");
        TonghopProcess run;
        try {
            TonghopProcess.await("serve to start", TIMEOUT, () -> serve.out().contains("/actuator/health") || !serve.isAlive());
            assertThat(serve.isAlive()).as(serve.output()).isTrue();
            try (Connection blocker = DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + postmasterLine(work, 3) + "/postgres", "postgres", "")) {
                blocker.setAutoCommit(false);
                try (Statement statement = blocker.createStatement()) {
                    statement.execute("LOCK TABLE submission IN SHARE MODE");
                }
                run = TonghopProcess.start(work, null, settings, "run", "--inbox", "inbox", "--out", "out");
                TonghopProcess.await("the run to wait for the submission table", TIMEOUT, () -> waiting(blocker) || !run.isAlive());
                assertThat(run.isAlive()).as(run.output()).isTrue();

                serve.terminate();
                serve.waitFor(TIMEOUT);
                try {
                    blocker.rollback();
                } catch (SQLException e) {
                    // the cluster was stopped under the run: the assertions below say so
                }
            }
        } finally {
            serve.kill();
        }
        run.waitFor(TIMEOUT);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.out()).contains("Tệp:        " + files + " (" + files + " được nhận");
        assertThat(Files.readString(work.resolve("data/logs/tonghop.log"), StandardCharsets.UTF_8))
                .contains("running for the other tonghop processes using it");
        assertThat(Files.exists(work.resolve("data/pg/postmaster.pid"))).as("the last one out stopped the cluster").isFalse();
    }

    /** Whether a session of the cluster waits for a lock (the run, for the held table). */
    private static boolean waiting(Connection blocker) {
        try (Statement statement = blocker.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
            rows.next();
            return rows.getInt(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String postmasterLine(Path work, int index) throws Exception {
        List<String> lines = Files.readAllLines(work.resolve("data/pg/postmaster.pid"));
        return lines.get(index).trim();
    }
}
