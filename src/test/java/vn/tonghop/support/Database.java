package vn.tonghop.support;

import org.springframework.jdbc.core.JdbcTemplate;

/** Empties tonghop's tables between tests that share one embedded database. */
public final class Database {

    private Database() {
    }

    public static void clear(JdbcTemplate jdbc) {
        jdbc.execute("""
                TRUNCATE unit, unit_mapping, submission, report, value, issue, staging_report, staging_value,
                         aggregate_value, completeness, aggregate_pending RESTART IDENTITY CASCADE""");
    }
}
