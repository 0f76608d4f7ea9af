package vn.tonghop.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One real PostgreSQL 15 server for the process-level tests of a test JVM (started once, stopped when
 * the JVM ends), with a fresh database per test: what an operator's server is to the jar.
 */
public final class SharedPostgres {

    private static EmbeddedPostgres server;
    private static final AtomicInteger databases = new AtomicInteger();

    private SharedPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setLocaleConfig("lc-collate", "C").setServerConfig("max_connections", "100").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return server;
    }

    /** A new empty database (or a copy of {@code template}, when not null); returns its JDBC URL. */
    public static String newDatabase(String prefix, String template) {
        String name = prefix + "_" + databases.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return url(name);
    }

    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + database;
    }

    /** The name of the database a URL from {@link #newDatabase} points at. */
    public static String databaseName(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    public static JdbcTemplate jdbc(String url) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "postgres", "");
        return new JdbcTemplate(dataSource);
    }
}
