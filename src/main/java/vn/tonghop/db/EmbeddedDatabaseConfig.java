package vn.tonghop.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-setup database: an embedded PostgreSQL 15 (the production engine, not a look-alike) whose
 * data directory survives between runs. Only active when no server URL is configured. A cluster left
 * running by a killed process is taken over; one run by a live tonghop process is shared ({@link EmbeddedCluster}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    /**
     * @param dataDir  where the cluster lives; blank means a fresh temporary cluster (used by tests)
     * @param mayShare whether this process may use a cluster another live tonghop process started (not
     *                 {@code serve}, which must outlive the processes it shares with)
     */
    @Bean(destroyMethod = "close")
    EmbeddedCluster embeddedPostgres(@Value("${tonghop.embedded.data-dir:./data/pg}") String dataDir,
                                     @Value("${tonghop.embedded.share:true}") boolean mayShare) throws IOException {
        boolean fresh = dataDir == null || dataDir.isBlank();
        Path dir = fresh ? Files.createTempDirectory("tonghop-pg-") : Path.of(dataDir).toAbsolutePath().normalize();
        Files.createDirectories(dir);
        log.info("Embedded PostgreSQL with data in {}", dir);
        return EmbeddedCluster.open(dir, fresh, mayShare);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedCluster postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(8);
        config.setPoolName("tonghop-embedded");
        config.setConnectionInitSql("SET jit = off"); // as spring.datasource.hikari.connection-init-sql for a server
        return new HikariDataSource(config);
    }
}
