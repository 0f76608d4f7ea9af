package vn.tonghop.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL cluster kept under the data directory, as several tonghop processes meet it:
 * <ul>
 * <li>nobody runs it: this process starts it and stops it when it ends;</li>
 * <li>another live tonghop process runs it (a {@code status} or a manual {@code run} beside
 * {@code serve}): this process connects to it, so the two share one database and one run lock;</li>
 * <li>the process that ran it was killed ({@code kill -9}, OOM killer): its postmaster is left running
 * without an owner; it is stopped (a clean shutdown) and started again by this process.</li>
 * </ul>
 * Ownership is zonky's lock file {@code epg-lock}, held by the starting process for its lifetime and
 * released by the system when that process dies.
 */
final class EmbeddedCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);
    private static final String OWNER_LOCK = "epg-lock";
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres owned;
    private final int port;

    private EmbeddedCluster(EmbeddedPostgres owned, int port) {
        this.owned = owned;
        this.port = port;
    }

    /** The cluster in {@code dir}: started, or shared with the live process that started it (when {@code mayShare}). */
    static EmbeddedCluster open(Path dir, boolean fresh, boolean mayShare) throws IOException {
        if (fresh) {
            return new EmbeddedCluster(start(dir, true), -1);
        }
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (true) {
            Optional<Postmaster> running = Postmaster.of(dir);
            if (running.isPresent()) {
                if (ownerAlive(dir)) {
                    if (!mayShare) {
                        throw new EmbeddedDatabaseBusyException("The embedded database in " + dir + " is in use by another tonghop process"
                                + " (postmaster pid " + running.get().pid() + "); stop it first, or use a PostgreSQL server (SPRING_DATASOURCE_URL)");
                    }
                    log.info("Sharing the embedded PostgreSQL of another tonghop process (pid {}, port {})", running.get().pid(),
                            running.get().port());
                    return new EmbeddedCluster(null, running.get().port());
                }
                running.get().stopOrphan();
            }
            try {
                return new EmbeddedCluster(start(dir, false), -1);
            } catch (IllegalStateException e) {
                // another process is starting it at this very moment (it took epg-lock first): share it once up
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                sleep();
            }
        }
    }

    /**
     * A new cluster compares text byte by byte ({@code lc_collate} C): the order a UTF-8 database sorts in by code
     * point anyway (C.UTF-8, what the machine's locale gives), without a call to the C library's {@code strcoll} for
     * every comparison — the year's aggregation sorts and indexes hundreds of thousands of codes (a national {@code run}
     * against a C.UTF-8 database: aggregation 17.1 s, apply 4.8 s; against C: 11.3 s and 3.3 s, the same
     * {@code aggregates.csv}). A cluster created before keeps its collation.
     */
    private static EmbeddedPostgres start(Path dir, boolean fresh) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(fresh)
                .setPGStartupWait(START_WAIT)
                .setLocaleConfig("lc-collate", "C")
                .setServerConfig("max_connections", "50")
                .start();
    }

    /** Whether a live process holds the owner lock of the cluster (the system releases it when the process dies). */
    private static boolean ownerAlive(Path dir) throws IOException {
        Path lockFile = dir.resolve(OWNER_LOCK);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
             FileLock lock = file.getChannel().tryLock()) {
            return lock == null;
        }
    }

    String jdbcUrl() {
        return owned != null ? owned.getJdbcUrl("postgres", "postgres") : "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded database", e);
        }
    }

    /** The running postmaster of a data directory, from its {@code postmaster.pid}. */
    private record Postmaster(Path dir, long pid, int port) {

        /** The live postgres process named by the data directory's {@code postmaster.pid}, if there is one. */
        static Optional<Postmaster> of(Path dir) throws IOException {
            Path pidFile = dir.resolve("postmaster.pid");
            List<String> lines;
            try {
                lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            } catch (java.nio.file.NoSuchFileException e) {
                return Optional.empty();
            }
            if (lines.size() < 4 || !lines.get(0).trim().matches("\\d+") || !lines.get(3).trim().matches("\\d+")) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                return Optional.empty(); // stale: PostgreSQL removes it itself
            }
            if (!process.get().info().command().map(c -> c.contains("postgres")).orElse(true)) {
                // after a reboot the pid may belong to another program, and PostgreSQL would refuse to start
                log.warn("{} names pid {}, which is not PostgreSQL any more; removing the stale file", pidFile, pid);
                Files.deleteIfExists(pidFile);
                return Optional.empty();
            }
            return Optional.of(new Postmaster(dir, pid, Integer.parseInt(lines.get(3).trim())));
        }

        /** Stops a postmaster whose tonghop process died: a clean shutdown (it has no clients left). */
        void stopOrphan() {
            ProcessHandle.of(pid).ifPresent(process -> {
                log.warn("The embedded PostgreSQL in {} (pid {}) was left running by a tonghop process that ended abruptly; stopping it",
                        dir, pid);
                process.destroy(); // SIGTERM: smart shutdown
                try {
                    process.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    log.warn("PostgreSQL pid {} did not stop in 30s; killing it (it recovers on next start)", pid);
                    process.destroyForcibly();
                    process.onExit().join();
                }
            });
        }
    }
}
