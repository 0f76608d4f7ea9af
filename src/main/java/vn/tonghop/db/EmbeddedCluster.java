package vn.tonghop.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL cluster kept under the data directory, as several tonghop processes meet it:
 * <ul>
 * <li>nobody runs it: this process starts it;</li>
 * <li>another live tonghop process uses it (a {@code status} or a manual {@code run} beside
 * {@code serve}): this process connects to it, so the two share one database and one run lock;</li>
 * <li>it runs, but no live tonghop process uses it any more (the one that ran it was killed: {@code kill -9}, the OOM
 * killer): it is stopped (a clean shutdown) and started again by this process.</li>
 * </ul>
 * Every process using the cluster, whether it started it or shares it, is registered ({@link ClusterUsers}); the last
 * one out stops it. The process that started it and ends while others still use it leaves it running for them, so
 * zonky's own shutdown hook, which would stop it under them, is disarmed once the cluster has started.
 */
final class EmbeddedCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);
    private static final String OWNER_LOCK = "epg-lock";
    private static final Duration START_WAIT = Duration.ofSeconds(60);

    private final Path dir;
    private final EmbeddedPostgres owned;
    private final int port;
    private final ClusterUsers users;
    private final ClusterUsers.Held registration;

    private EmbeddedCluster(Path dir, EmbeddedPostgres owned, int port, ClusterUsers users, ClusterUsers.Held registration) {
        this.dir = dir;
        this.owned = owned;
        this.port = port;
        this.users = users;
        this.registration = registration;
    }

    /** The cluster in {@code dir}: started, or shared with the live processes using it (when {@code mayShare}). */
    static EmbeddedCluster open(Path dir, boolean fresh, boolean mayShare) throws IOException {
        if (fresh) {
            return new EmbeddedCluster(dir, start(dir, true), -1, null, null);
        }
        ClusterUsers users = ClusterUsers.of(dir);
        long deadline = System.nanoTime() + START_WAIT.toNanos();
        while (true) {
            ClusterUsers.Held guard = users.guard();
            try {
                Optional<Postmaster> running = Postmaster.of(dir);
                if (running.isPresent()) {
                    // epg-lock too: a process of an earlier tonghop, which does not register
                    if (users.othersAlive(null) || ownerAlive(dir)) {
                        if (!mayShare) {
                            throw new EmbeddedDatabaseBusyException("The embedded database in " + dir + " is in use by another tonghop process"
                                    + " (postmaster pid " + running.get().pid() + "); stop it first, or use a PostgreSQL server (SPRING_DATASOURCE_URL)");
                        }
                        log.info("Sharing the embedded PostgreSQL of another tonghop process (pid {}, port {})", running.get().pid(),
                                running.get().port());
                        return new EmbeddedCluster(dir, null, running.get().port(), users, users.register());
                    }
                    log.warn("The embedded PostgreSQL in {} (pid {}) was left running by a tonghop process that ended abruptly; stopping it",
                            dir, running.get().pid());
                    running.get().stop();
                }
                ClusterUsers.Held registration = users.register();
                try {
                    EmbeddedPostgres started = start(dir, false);
                    stopAtExit(started, false);
                    return new EmbeddedCluster(dir, started, -1, users, registration);
                } catch (IOException | RuntimeException e) {
                    registration.close();
                    // a process of an earlier tonghop is starting it at this very moment (it took epg-lock first): share it once up
                    if (!(e instanceof IllegalStateException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                }
            } finally {
                guard.close();
            }
            sleep();
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

    /**
     * Ends this process's use of the cluster: stops it when no other live tonghop process uses it, leaves it running for
     * them otherwise (the last of them stops it).
     */
    @Override
    public void close() throws IOException {
        if (users == null) {
            owned.close();
            return;
        }
        ClusterUsers.Held guard;
        try {
            guard = users.guard();
        } catch (IOException e) {
            registration.close();
            log.warn("Leaving the embedded PostgreSQL in {} running ({}); the next tonghop command stops it if nobody uses it", dir,
                    e.getMessage());
            return;
        }
        try {
            registration.close();
            if (users.othersAlive(null)) {
                log.info("Leaving the embedded PostgreSQL in {} running for the other tonghop processes using it", dir);
            } else if (owned != null) {
                stopAtExit(owned, true);
                owned.close();
            } else {
                Optional<Postmaster> running = Postmaster.of(dir);
                if (running.isPresent()) {
                    log.info("Stopping the embedded PostgreSQL in {} (pid {}): the tonghop process that started it has ended and this one was"
                            + " the last using it", dir, running.get().pid());
                    running.get().stop();
                }
            }
        } finally {
            guard.close();
        }
    }

    /**
     * Arms or disarms the shutdown hook zonky registers when it starts a cluster, which stops it as this JVM ends (on a
     * signal too, beside Spring's own hook): {@link #close()} decides instead, and a cluster other processes use must
     * outlive this one. zonky offers no way to do it but the flag its {@code close()} reads to do nothing a second time.
     */
    private static void stopAtExit(EmbeddedPostgres postgres, boolean stop) {
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            ((AtomicBoolean) closed.get(postgres)).set(!stop);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Could not change zonky's shutdown hook ({}): the embedded PostgreSQL stops when this process ends, even under another", e.toString());
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

        /** Stops the postmaster, which no live tonghop process uses any more: a clean shutdown (it has no clients left). */
        void stop() {
            ProcessHandle.of(pid).ifPresent(process -> {
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
