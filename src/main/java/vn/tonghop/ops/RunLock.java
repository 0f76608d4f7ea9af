package vn.tonghop.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One run at a time, across processes and machines: a PostgreSQL session-level advisory lock held on a
 * dedicated connection for the length of the run. A crashed process loses its connection and so its lock.
 */
@Component
public class RunLock {

    /** Arbitrary, fixed key of tonghop's run lock. */
    private static final long KEY = 0x746f6e67686f70L;

    private final DataSource dataSource;
    private final Duration wait;

    public RunLock(DataSource dataSource, @Value("${tonghop.lock.wait-seconds:0}") long waitSeconds) {
        this.dataSource = dataSource;
        this.wait = Duration.ofSeconds(Math.max(0, waitSeconds));
    }

    /** A held lock; closing it releases the lock. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** The lock, waiting up to the configured time, or empty when another run holds it. */
    public Optional<Held> acquire() throws SQLException, InterruptedException {
        Connection connection = dataSource.getConnection();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                if (tryLock(connection)) {
                    return Optional.of(() -> release(connection));
                }
                if (System.nanoTime() >= deadline) {
                    connection.close();
                    return Optional.empty();
                }
                Thread.sleep(1000);
            }
        } catch (SQLException | InterruptedException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void release(Connection connection) {
        try (connection; PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, KEY);
            statement.execute();
        } catch (SQLException e) {
            // closing the connection releases a session lock anyway
        }
    }
}
