/**
 * The database: PostgreSQL only. With no {@code spring.datasource.url} an embedded PostgreSQL 15 is
 * started (data kept under {@code ./data/pg}); otherwise the configured server is used. The schema is
 * owned by Flyway ({@code db/migration}), Spring Batch's own tables included.
 */
package vn.tonghop.db;
