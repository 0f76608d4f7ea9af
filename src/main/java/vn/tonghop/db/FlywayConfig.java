package vn.tonghop.db;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the Java migration that creates Spring Batch's tables beside the SQL migrations. */
@Configuration(proxyBeanMethods = false)
class FlywayConfig {

    @Bean
    FlywayConfigurationCustomizer batchSchemaMigration() {
        return configuration -> configuration.javaMigrations(new BatchSchemaMigration());
    }
}
