package vn.tonghop.ops;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One run at a time, across processes and machines: a PostgreSQL session-level advisory lock held on a
 * dedicated connection for the length of the run. A crashed process loses its connection and so its lock.
 * The holding session is named ({@code application_name}) after the command, process and start time, so
 * a refused run can say who holds the lock.
 */
@Component
public class RunLock {

    /** Arbitrary, fixed key of tonghop's run lock. */
    private static final long KEY = 0x746f6e67686f70L;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final Duration wait;

    public RunLock(DataSource dataSource, JdbcTemplate jdbc, @Value("${tonghop.lock.wait-seconds:0}") long waitSeconds) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.wait = Duration.ofSeconds(Math.max(0, waitSeconds));
    }

    /** A held lock; closing it releases the lock. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    public Duration waitTime() {
        return wait;
    }

    /** The lock, waiting up to the configured time, or empty when another run holds it. */
    public Optional<Held> acquire() throws SQLException, InterruptedException {
        return acquire("run", () -> {
        });
    }

    /**
     * The lock, waiting up to the configured time, or empty when another run holds it.
     *
     * @param purpose what the run does (the command), shown to a run that finds the lock taken
     * @param onWait  called once when the lock is taken and this run starts to wait
     */
    public Optional<Held> acquire(String purpose, Runnable onWait) throws SQLException, InterruptedException {
        Connection connection = dataSource.getConnection();
        long deadline = System.nanoTime() + wait.toNanos();
        boolean waiting = false;
        try {
            while (true) {
                if (tryLock(connection)) {
                    name(connection, "tonghop " + purpose + " " + ManagementFactory.getRuntimeMXBean().getName() + " "
                            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
                    return Optional.of(() -> release(connection));
                }
                if (System.nanoTime() >= deadline) {
                    connection.close();
                    return Optional.empty();
                }
                if (!waiting) {
                    waiting = true;
                    onWait.run();
                }
                Thread.sleep(1000);
            }
        } catch (SQLException | InterruptedException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Who holds the lock now, as named when it was taken (command, pid@host, since when), or empty when
     * nobody does.
     */
    public Optional<String> holder() {
        return jdbc.query("""
                SELECT coalesce(nullif(a.application_name, ''), 'pid ' || a.pid) || coalesce(' (' || host(a.client_addr) || ')', '')
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
                  AND ((l.classid::bigint << 32) | l.objid::bigint) = ?""", rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.empty(), KEY);
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void name(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('application_name', ?, false)")) {
            statement.setString(1, name.length() > 63 ? name.substring(0, 63) : name);
            statement.execute();
        }
    }

    private static void release(Connection connection) {
        try (connection; PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
            name(connection, "tonghop");
        } catch (SQLException e) {
            // closing the connection releases a session lock anyway
        }
    }
}
