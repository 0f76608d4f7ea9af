package vn.tonghop.db;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates Spring Batch's job repository tables from the script shipped inside spring-batch-core, as
 * Flyway migration 2: Boot only initialises them by itself for embedded databases, and the job
 * repository must exist on a real server too.
 */
final class BatchSchemaMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "spring batch job repository";
    }

    @Override
    public Integer getChecksum() {
        return 604;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        ResourceDatabasePopulator populator =
                new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-postgresql.sql"));
        populator.execute(new SingleConnectionDataSource(context.getConnection(), true));
    }
}
