package vn.tonghop.db;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * Keeps the planner's statistics of a table current after a bulk change, as autovacuum would but at once:
 * autovacuum visits a table a minute or more after a load, and in between the planner believes the table
 * holds what it held before. A national year loaded into tables it thinks empty made one query of the
 * conference pack scan the year's reports once per commune (8 s a province); analysed, 20 ms.
 *
 * <p>The rule is autovacuum's own threshold: a table is analysed when the rows just changed exceed 50 plus a
 * tenth of the rows it was last counted with, or when it was never analysed; a nightly run's few files leave a
 * year's tables alone. {@code ANALYZE} reads a fixed sample (30,000 rows), so it costs the same whatever the
 * table's size, and it may run inside the transaction that made the change.
 */
public final class TableStatistics {

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);
    private static final long BASE_THRESHOLD = 50;
    private static final double SCALE_FACTOR = 0.1;
    /** The tables it may analyse: names are never taken from input, and this keeps it so. */
    private static final Set<String> TABLES = Set.of("report", "value", "issue", "submission", "aggregate_value", "completeness",
            "aggregate_today");

    private TableStatistics() {
    }

    /**
     * Analyses {@code table} when {@code rowsChanged} (inserted, updated or deleted just now) is a large share of it.
     *
     * @return true when it was analysed
     */
    public static boolean refresh(JdbcOperations jdbc, String table, long rowsChanged) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("not a table whose statistics tonghop keeps: " + table);
        }
        if (rowsChanged <= 0) {
            return false;
        }
        Double counted = jdbc.queryForObject("SELECT reltuples::float8 FROM pg_class WHERE oid = to_regclass(?)", Double.class, table);
        // reltuples is -1 for a table never analysed nor vacuumed (PostgreSQL 14 and later)
        boolean stale = counted == null || counted < 0 || rowsChanged > BASE_THRESHOLD + SCALE_FACTOR * counted;
        if (stale) {
            long started = System.nanoTime();
            jdbc.execute("ANALYZE " + table);
            log.debug("Analysed {} after {} changed rows (counted {} before) in {} ms", table, rowsChanged, counted,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return stale;
    }
}
