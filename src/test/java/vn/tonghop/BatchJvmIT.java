package vn.tonghop;

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
 * {@code java -jar tonghop.jar run} on the real jar: the command runs in a second JVM with the batch options, and
 * nothing of it outlives the JVM the operator started, even killed outright.
 */
class BatchJvmIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(4);

    @Test
    void run_whenTheStartedJvmIsKilledOutright_thenTheSecondJvmEndsToo() throws IOException, SQLException {
        Path work = Path.of("target/it-work/batch-jvm").toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        GeneratedInbox.write(work.resolve("inbox"), 4, 11);
        String url = RegistryTemplate.newDatabase("batch_jvm");
        JdbcTemplate db = SharedPostgres.jdbc(url);

        TonghopProcess run;
        List<ProcessHandle> second;
        // the submission table held: the run waits inside its scan, connected, until the test lets go
        try (Connection blocker = db.getDataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("LOCK TABLE submission IN ACCESS EXCLUSIVE MODE");
            }
            run = TonghopProcess.start(work, url, Map.of(), "run", "--inbox", "inbox", "--out", "out");
            TonghopProcess.await("the run waiting on the submission table", TIMEOUT, () -> !run.isAlive() || sessionsWaiting(db) > 0);
            second = run.descendants();
            assertThat(second).as("the command's own JVM, started by the first").hasSize(1);
            assertThat(second.get(0).info().arguments().map(List::of).orElseThrow())
                    .contains("-XX:+UseSerialGC", "-Dtonghop.batch-jvm.child=true", "run");

            run.killLauncherOnly();
            TonghopProcess.await("the second JVM to end", Duration.ofSeconds(10), () -> !second.get(0).isAlive());
            blocker.rollback();
        }
        TonghopProcess.await("its session to end", Duration.ofSeconds(30), () -> sessionsWaiting(db) == 0 && db.queryForObject("""
                SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                AND backend_type = 'client backend'""", Long.class) == 0);
        assertThat(db.queryForObject("SELECT count(*) FROM submission", Long.class)).as("nothing registered after the kill").isZero();
    }

    @Test
    void help_isAnsweredAtOnce_withoutADatabaseInTheFolderItIsAskedIn() throws IOException {
        Path work = Path.of("target/it-work/batch-jvm-help").toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        java.nio.file.Files.createDirectories(work);

        TonghopProcess help = TonghopProcess.run(work, null, Map.of(), TIMEOUT, "--help");
        TonghopProcess runHelp = TonghopProcess.run(work, null, Map.of(), TIMEOUT, "run", "--help");
        TonghopProcess version = TonghopProcess.run(work, null, Map.of(), TIMEOUT, "--version");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.out()).startsWith("Usage: tonghop").contains("Exit codes:", "run ", "serve ");
        assertThat(runHelp.exitCode()).isZero();
        assertThat(runHelp.out()).startsWith("Usage: tonghop run").contains("--inbox");
        assertThat(version.out().strip()).isEqualTo("tonghop 0.1");
        assertThat(work.resolve("data")).as("no embedded database made to print the usage").doesNotExist();
    }

    private static long sessionsWaiting(JdbcTemplate db) {
        Long n = db.queryForObject("""
                SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'""", Long.class);
        return n == null ? 0 : n;
    }
}
