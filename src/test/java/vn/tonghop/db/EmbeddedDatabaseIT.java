package vn.tonghop.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.support.TonghopProcess;

/**
 * The zero-setup embedded database across processes of the real jar: {@code serve} owns it, a second
 * {@code serve} is refused with exit code 3, other commands share it, and after {@code kill -9} of its owner
 * the PostgreSQL left behind is taken over by the next command instead of blocking it.
 */
class EmbeddedDatabaseIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void embeddedDatabase_sharedWhileServeRuns_andTakenOverAfterServeIsKilled() throws Exception {
        Path work = Path.of("target/it-work/embedded").toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(work.resolve("inbox"));
        Map<String, String> settings = Map.of("SERVER_PORT", "0", "TONGHOP_WATCH_ENABLED", "false");

        TonghopProcess serve = TonghopProcess.start(work, null, settings, "serve", "--inbox", "inbox");
        try {
            TonghopProcess.await("serve to start", TIMEOUT, () -> serve.out().contains("/actuator/health") || !serve.isAlive());
            assertThat(serve.isAlive()).as(serve.output()).isTrue();

            TonghopProcess second = TonghopProcess.run(work, null, settings, TIMEOUT, "serve", "--inbox", "inbox");
            assertThat(second.exitCode()).as(second.output()).isEqualTo(3);
            assertThat(second.out() + second.err()).contains("is in use by another tonghop process");

            TonghopProcess status = TonghopProcess.run(work, null, settings, TIMEOUT, "status", "--inbox", "inbox");
            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.out()).contains("Lịch chạy tự động (serve)");
            assertThat(serve.isAlive()).as("the owner keeps its database when a sharer ends").isTrue();
        } finally {
            serve.kill();
        }
        long orphan = postmaster(work).orElseThrow();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).as("kill -9 leaves PostgreSQL running").contains(true);

        long started = System.nanoTime();
        TonghopProcess after = TonghopProcess.run(work, null, settings, TIMEOUT, "status", "--inbox", "inbox");

        assertThat(after.exitCode()).as(after.output()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no wait for a start that cannot succeed").isLessThan(Duration.ofSeconds(50));
        assertThat(Files.readString(work.resolve("data/logs/tonghop.log"), StandardCharsets.UTF_8))
                .contains("was left running by a tonghop process that ended abruptly; stopping it");
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(postmaster(work)).as("the taking-over command stopped its database at its end").isEmpty();
    }

    /** The pid in {@code postmaster.pid}, while the file exists. */
    private static Optional<Long> postmaster(Path work) throws Exception {
        Path pid = work.resolve("data/pg/postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()));
    }
}
