package vn.tonghop.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-setup database: an embedded PostgreSQL 15 (the production engine, not a look-alike) whose
 * data directory survives between runs. Only active when no server URL is configured.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    /**
     * @param dataDir where the cluster lives; blank means a fresh temporary cluster (used by tests)
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${tonghop.embedded.data-dir:./data/pg}") String dataDir) throws IOException {
        boolean fresh = dataDir == null || dataDir.isBlank();
        Path dir = fresh ? Files.createTempDirectory("tonghop-pg-") : Path.of(dataDir).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        log.info("Starting embedded PostgreSQL with data in {}", dir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(fresh)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "50")
                .start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(8);
        config.setPoolName("tonghop-embedded");
        return new HikariDataSource(config);
    }
}
