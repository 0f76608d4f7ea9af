package vn.tonghop.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tonghop.db.TableStatistics;
import vn.tonghop.form.ReportForm;
import vn.tonghop.normalise.Period;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.RowValidator;
import vn.tonghop.validate.Severity;

/**
 * Applies the read files of a run in one transaction, as a handful of set-based statements over all of them,
 * with the outcome of applying them one after the other in arrival order (submission id): rejects communes
 * that appear twice in a file, flags outliers against the previous year's version in force when the file
 * comes in (those against the file's own communes are the read step's, {@code validate/PeerOutlierCheck}), supersedes earlier versions of the same (commune, form,
 * period) — an earlier file of the same run included — and turns the staged rows into reports (their values are
 * already in {@code value}, under the report ids the read step drew). The cost is a few scans of the run's staging,
 * not a few statements per file.
 */
@Component
public class SubmissionApplier {

    private static final Logger log = LoggerFactory.getLogger(SubmissionApplier.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final IssueRepository issues;
    private final ReportForm form;
    private final Messages messages;

    public SubmissionApplier(JdbcTemplate jdbc, TransactionTemplate tx, IssueRepository issues, ReportForm form, Messages messages) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.issues = issues;
        this.form = form;
        this.messages = messages;
    }

    /**
     * Applies the given submissions, in ascending id order (their arrival order), in one transaction; a file no
     * longer in status {@code read} (applied by a run that was interrupted and resumed, or rejected meanwhile) is
     * left as it is.
     *
     * @return the ids applied now
     */
    public List<Long> apply(List<Long> submissionIds) {
        if (submissionIds.isEmpty()) {
            return List.of();
        }
        List<Long> requested = submissionIds.stream().sorted().toList();
        List<Long> applied = tx.execute(status -> {
            long started = System.nanoTime();
            List<Long> ids = jdbc.queryForList("""
                    SELECT s.id FROM submission s JOIN unnest(CAST(? AS bigint[])) AS u(id) ON u.id = s.id
                    WHERE s.status = 'read' ORDER BY s.id FOR UPDATE OF s""",
                    Long.class, arrayLiteral(requested));
            if (ids.isEmpty()) {
                return List.<Long>of();
            }
            // Sorts of a whole run's values (the files' medians) and its hash joins stay in memory: the default 4 MB spills
            // a national year to disk. One transaction on one connection; the setting ends with it.
            jdbc.execute("SET LOCAL work_mem = '64MB'");
            jdbc.execute("CREATE TEMP TABLE apply_run (submission_id bigint PRIMARY KEY) ON COMMIT DROP");
            jdbc.update("INSERT INTO apply_run SELECT unnest(CAST(? AS bigint[]))", arrayLiteral(ids));
            // The staging tables are filled between autovacuum's visits: fresh statistics keep the plans sane.
            jdbc.execute("ANALYZE apply_run");
            jdbc.execute("ANALYZE staging_report");
            Phases phases = new Phases();
            Map<Long, Integer> duplicates = rejectDuplicateCommunes();
            phases.mark("duplicates");
            Map<Long, List<Issue>> outliers = new LinkedHashMap<>();
            flagOutliersAgainstPreviousYear(outliers);
            outliers.forEach(issues::insert);
            phases.mark("outliers");
            jdbc.execute(STAGED_REPORTS);
            jdbc.execute("ANALYZE apply_report");
            Map<Long, Integer> superseded = new HashMap<>();
            jdbc.query(SUPERSEDE_STORED, rs -> {
                superseded.merge(rs.getLong(1), rs.getInt(2), Integer::sum);
            });
            jdbc.query("SELECT superseded_by, count(*) FROM apply_report WHERE superseded_by IS NOT NULL GROUP BY superseded_by",
                    rs -> {
                        superseded.merge(rs.getLong(1), rs.getInt(2), Integer::sum);
                    });
            phases.mark("supersede");
            int reports = jdbc.update(INSERT_REPORTS);
            jdbc.update("INSERT INTO aggregate_pending (form_code, year) SELECT DISTINCT form_code, year FROM apply_report ON CONFLICT DO NOTHING");
            phases.mark("reports");
            // the values came with their staged rows: about one per indicator of each report, for the statistics' threshold
            long values = (long) reports * form.indicators().size();
            clearStaging();
            phases.mark("staging");
            jdbc.update("""
                    UPDATE submission s SET status = 'applied', reports_superseded = u.superseded,
                           rows_accepted = s.rows_accepted - u.duplicates, rows_rejected = s.rows_rejected + u.duplicates
                    FROM unnest(CAST(? AS bigint[]), CAST(? AS int[]), CAST(? AS int[])) AS u(id, superseded, duplicates)
                    WHERE s.id = u.id""", arrayLiteral(ids), arrayLiteral(ids.stream().map(id -> superseded.getOrDefault(id, 0)).toList()),
                    arrayLiteral(ids.stream().map(id -> duplicates.getOrDefault(id, 0)).toList()));
            jdbc.update("""
                    UPDATE submission s SET errors = c.errors, warnings = c.warnings
                    FROM (SELECT r.submission_id, count(i.id) FILTER (WHERE i.severity = 'error') AS errors,
                                 count(i.id) FILTER (WHERE i.severity = 'warning') AS warnings
                          FROM apply_run r LEFT JOIN issue i ON i.submission_id = r.submission_id
                          GROUP BY r.submission_id) c
                    WHERE s.id = c.submission_id""");
            long supersededCount = superseded.values().stream().mapToInt(Integer::intValue).sum();
            Long runIssues = jdbc.queryForObject("SELECT count(*) FROM issue i JOIN apply_run r ON r.submission_id = i.submission_id",
                    Long.class);
            TableStatistics.refresh(jdbc, "report", reports + supersededCount);
            TableStatistics.refresh(jdbc, "value", values);
            TableStatistics.refresh(jdbc, "issue", runIssues == null ? 0 : runIssues);
            TableStatistics.refresh(jdbc, "submission", ids.size());
            phases.mark("statistics");
            log.info("Applied {} file(s): {} reports, {} earlier versions superseded, in {} ms ({})", ids.size(), reports,
                    supersededCount, (System.nanoTime() - started) / 1_000_000, phases);
            return ids;
        });
        return applied == null ? List.of() : applied;
    }

    /** The staged reports of the run in arrival order with their new ids and, for each, the run's next version of its key. */
    private static final String STAGED_REPORTS = """
            CREATE TEMP TABLE apply_report ON COMMIT DROP AS
            SELECT o.report_id AS id, o.*
            FROM (SELECT s.*, lead(s.submission_id) OVER (PARTITION BY s.commune_code, s.form_code, s.period_code
                                                          ORDER BY s.submission_id) AS superseded_by
                  FROM staging_report s JOIN apply_run r ON r.submission_id = s.submission_id
                  ORDER BY s.submission_id, s.source_row) o
            """;

    /** Stored versions in force are superseded by the run's first file giving the same key; returns the count per file. */
    private static final String SUPERSEDE_STORED = """
            WITH first_version AS (
                SELECT DISTINCT ON (commune_code, form_code, period_code) commune_code, form_code, period_code, submission_id
                FROM apply_report ORDER BY commune_code, form_code, period_code, submission_id),
            superseded AS (
                UPDATE report r SET superseded_by = f.submission_id, superseded_at = now()
                FROM first_version f
                WHERE r.commune_code = f.commune_code AND r.form_code = f.form_code AND r.period_code = f.period_code
                  AND r.superseded_by IS NULL
                RETURNING f.submission_id)
            SELECT submission_id, count(*) FROM superseded GROUP BY submission_id
            """;

    private static final String INSERT_REPORTS = """
            INSERT INTO report (id, submission_id, commune_code, form_code, period_code, period_type, year, period_start, period_end,
                                sheet, source_row, superseded_by, superseded_at)
            SELECT id, submission_id, commune_code, form_code, period_code, period_type, year, period_start, period_end, sheet,
                   source_row, superseded_by, CASE WHEN superseded_by IS NOT NULL THEN now() END
            FROM apply_report ORDER BY id
            """;

    /** Empties staging of the run (its rows are reports now): at once when it holds nothing else (the usual case). */
    private void clearStaging() {
        Boolean others = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM staging_report s WHERE NOT EXISTS (SELECT 1 FROM apply_run r WHERE r.submission_id = s.submission_id))""",
                Boolean.class);
        if (Boolean.FALSE.equals(others)) {
            jdbc.execute("TRUNCATE staging_report");
        } else {
            jdbc.update("DELETE FROM staging_report s USING apply_run r WHERE s.submission_id = r.submission_id");
        }
    }

    /** "Duplicate commune in one file" is an error for every row of that commune and period; returns the rows rejected per file. */
    private Map<Long, Integer> rejectDuplicateCommunes() {
        record Duplicate(long submissionId, String commune, String name, String sheet, List<Integer> rows) {
        }
        List<Duplicate> duplicates = jdbc.query("""
                WITH twice AS (
                    SELECT s.submission_id, s.commune_code, max(s.sheet) AS sheet, array_agg(DISTINCT s.source_row ORDER BY s.source_row) AS rows
                    FROM staging_report s JOIN apply_run r ON r.submission_id = s.submission_id
                    GROUP BY s.submission_id, s.commune_code, s.period_code HAVING count(DISTINCT s.source_row) > 1)
                SELECT t.submission_id, t.commune_code,
                       coalesce((SELECT u.unit_type || ' ' || u.name FROM unit u WHERE u.level = 'commune' AND u.code = t.commune_code
                                 ORDER BY u.valid_from DESC LIMIT 1), t.commune_code),
                       t.sheet, t.rows
                FROM twice t ORDER BY t.submission_id, t.rows[1]""", (rs, i) -> {
            Integer[] rows = (Integer[]) rs.getArray(5).getArray();
            return new Duplicate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), List.of(rows));
        });
        Map<Long, List<Issue>> found = new LinkedHashMap<>();
        Map<Long, Integer> rejected = new HashMap<>();
        List<Object[]> deletions = new ArrayList<>();
        for (Duplicate d : duplicates) {
            String rowList = String.join(", ", d.rows().stream().map(String::valueOf).toList());
            for (Integer row : d.rows()) {
                found.computeIfAbsent(d.submissionId(), k -> new ArrayList<>()).add(new Issue(Severity.ERROR, "row.duplicate", d.sheet(), row,
                        null, null, d.commune(), messages.get("row.duplicate", d.name(), rowList)));
                deletions.add(new Object[] {d.submissionId(), row});
                rejected.merge(d.submissionId(), 1, Integer::sum);
            }
        }
        if (!deletions.isEmpty()) {
            jdbc.batchUpdate("""
                    WITH rejected AS (DELETE FROM staging_report WHERE submission_id = ? AND source_row = ? RETURNING report_id)
                    DELETE FROM value WHERE report_id IN (SELECT report_id FROM rejected)""", deletions);
        }
        found.forEach(issues::insert);
        return rejected;
    }

    /**
     * Outliers are warnings: a value ten times or more the commune's previous comparable value (same period
     * a year earlier) as it stood when the file came in: from the latest earlier file of this run giving
     * it, else from the stored version in force.
     */
    private void flagOutliersAgainstPreviousYear(Map<Long, List<Issue>> found) {
        jdbc.query("""
                WITH run AS (
                    SELECT s.submission_id, s.source_row, s.report_id, s.sheet, s.commune_code, s.form_code,
                           (s.year - 1)::text || substr(s.period_code, 5) AS previous_period
                    FROM staging_report s JOIN apply_run r ON r.submission_id = s.submission_id),
                staged AS (
                    SELECT DISTINCT ON (k.submission_id, k.source_row) k.submission_id, k.source_row, p.report_id AS previous_report
                    FROM run k JOIN staging_report p ON p.commune_code = k.commune_code AND p.form_code = k.form_code
                         AND p.period_code = k.previous_period AND p.submission_id < k.submission_id
                    JOIN apply_run pr ON pr.submission_id = p.submission_id
                    ORDER BY k.submission_id, k.source_row, p.submission_id DESC),
                previous AS MATERIALIZED (
                    SELECT k.submission_id, k.report_id, k.sheet, k.commune_code, k.form_code, pv.indicator, pv.value, k.previous_period
                    FROM run k JOIN staged st ON st.submission_id = k.submission_id AND st.source_row = k.source_row
                    JOIN value pv ON pv.report_id = st.previous_report
                    UNION ALL
                    SELECT k.submission_id, k.report_id, k.sheet, k.commune_code, k.form_code, pv.indicator, pv.value, k.previous_period
                    FROM run k JOIN report pr ON pr.commune_code = k.commune_code AND pr.form_code = k.form_code
                         AND pr.period_code = k.previous_period AND pr.superseded_by IS NULL
                    JOIN value pv ON pv.report_id = pr.id
                    WHERE NOT EXISTS (SELECT 1 FROM staged st WHERE st.submission_id = k.submission_id AND st.source_row = k.source_row))
                -- driven by the few previous values found: each is compared with the same indicator of its new report
                SELECT p.sheet, v.source_row, coalesce(v.source_column, sb.source_columns ->> v.indicator), v.indicator, v.value, p.value,
                       p.previous_period, p.commune_code,
                       coalesce((SELECT u.unit_type || ' ' || u.name FROM unit u WHERE u.level = 'commune' AND u.code = p.commune_code
                                 ORDER BY u.valid_from DESC LIMIT 1), p.commune_code),
                       p.submission_id
                FROM previous p
                JOIN value v ON v.report_id = p.report_id AND v.indicator = p.indicator
                JOIN submission sb ON sb.id = p.submission_id
                WHERE p.value > 0 AND v.value >= 10 * p.value
                  AND EXISTS (SELECT 1 FROM form_indicator fi WHERE fi.form_code = p.form_code AND fi.indicator = p.indicator AND fi.kind <> 'flag')
                ORDER BY p.submission_id, v.source_row, v.indicator""", rs -> {
            BigDecimal value = rs.getBigDecimal(5);
            BigDecimal previous = rs.getBigDecimal(6);
            String header = form.indicator(rs.getString(4)).map(i -> i.header()).orElse(rs.getString(4));
            found.computeIfAbsent(rs.getLong(10), k -> new ArrayList<>()).add(new Issue(Severity.WARNING, "outlier.previous",
                    rs.getString(1), rs.getInt(2), rs.getString(3), RowValidator.plain(value), rs.getString(8),
                    messages.get("outlier.previous", rs.getString(9), header, RowValidator.plain(value), ratio(value, previous),
                            messages.period(Period.fromCode(rs.getString(7))), RowValidator.plain(previous))));
        });
    }

    /** Milliseconds spent in each phase, for the log. */
    private static final class Phases {
        private final StringBuilder text = new StringBuilder();
        private long last = System.nanoTime();

        void mark(String phase) {
            long now = System.nanoTime();
            text.append(text.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** A PostgreSQL array literal, {@code {1,2,3}}, bound as text and cast in SQL. */
    private static String arrayLiteral(List<? extends Number> numbers) {
        StringBuilder text = new StringBuilder("{");
        for (Number n : numbers) {
            if (text.length() > 1) {
                text.append(',');
            }
            text.append(n);
        }
        return text.append('}').toString();
    }

    private static String ratio(BigDecimal value, BigDecimal previous) {
        return RowValidator.plain(value.divide(previous, 1, java.math.RoundingMode.HALF_UP));
    }
}
