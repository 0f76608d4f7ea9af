package vn.tonghop.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Empties tonghop's tables between tests that share one embedded database, the job repository too (an
 * unfinished job left by one test would otherwise be resumed by the next test's run).
 */
public final class Database {

    private Database() {
    }

    public static void clear(JdbcTemplate jdbc) {
        jdbc.execute("""
                TRUNCATE unit, unit_mapping, submission, report, value, issue, staging_report,
                         aggregate_value, completeness, aggregate_today, aggregate_pending, aggregate_state, aggregate_province, pack_written RESTART IDENTITY CASCADE""");
        jdbc.execute("""
                TRUNCATE batch_step_execution_context, batch_step_execution, batch_job_execution_context, batch_job_execution_params,
                         batch_job_execution, batch_job_instance CASCADE""");
    }
}
