package vn.tonghop.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tonghop.form.ReportForm;
import vn.tonghop.normalise.Period;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.RowValidator;
import vn.tonghop.validate.Severity;

/**
 * Applies one read file in one transaction, as a few set-based statements: rejects communes that appear
 * twice in the file, flags outliers, supersedes earlier versions of the same (commune, form, period),
 * and moves the staged rows into reports and values.
 */
@Component
public class SubmissionApplier {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final IssueRepository issues;
    private final SubmissionRepository submissions;
    private final ReportForm form;
    private final Messages messages;

    public SubmissionApplier(JdbcTemplate jdbc, TransactionTemplate tx, IssueRepository issues, SubmissionRepository submissions,
                             ReportForm form, Messages messages) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.issues = issues;
        this.submissions = submissions;
        this.form = form;
        this.messages = messages;
    }

    /**
     * Applies a read file; a file that is not in status {@code read} (already applied by a run that was
     * interrupted and resumed, or rejected meanwhile) is left as it is.
     *
     * @return whether the file was applied now
     */
    public boolean apply(long submissionId) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            String current = jdbc.query("SELECT status FROM submission WHERE id = ? FOR UPDATE",
                    rs -> rs.next() ? rs.getString(1) : null, submissionId);
            if (!"read".equals(current)) {
                return false;
            }
            int duplicates = rejectDuplicateCommunes(submissionId);
            flagOutliers(submissionId);
            int superseded = jdbc.update("""
                    UPDATE report r SET superseded_by = s.submission_id, superseded_at = now()
                    FROM staging_report s
                    WHERE s.submission_id = ? AND r.commune_code = s.commune_code AND r.form_code = s.form_code
                      AND r.period_code = s.period_code AND r.superseded_by IS NULL""", submissionId);
            jdbc.update("""
                    INSERT INTO report (submission_id, commune_code, form_code, period_code, period_type, year, period_start,
                                        period_end, sheet, source_row)
                    SELECT submission_id, commune_code, form_code, period_code, period_type, year, period_start, period_end, sheet, source_row
                    FROM staging_report WHERE submission_id = ? ORDER BY source_row""", submissionId);
            jdbc.update("""
                    INSERT INTO aggregate_pending (form_code, year)
                    SELECT DISTINCT form_code, year FROM staging_report WHERE submission_id = ?
                    ON CONFLICT DO NOTHING""", submissionId);
            jdbc.update("""
                    INSERT INTO value (report_id, indicator, value, source_row, source_column)
                    SELECT r.id, v.indicator, v.value, v.source_row, v.source_column
                    FROM staging_value v JOIN report r ON r.submission_id = v.submission_id AND r.source_row = v.report_row
                    WHERE v.submission_id = ?""", submissionId);
            jdbc.update("DELETE FROM staging_value WHERE submission_id = ?", submissionId);
            jdbc.update("DELETE FROM staging_report WHERE submission_id = ?", submissionId);
            jdbc.update("""
                    UPDATE submission SET status = 'applied', reports_superseded = ?,
                           rows_accepted = rows_accepted - ?, rows_rejected = rows_rejected + ?
                    WHERE id = ?""", superseded, duplicates, duplicates, submissionId);
            submissions.countIssues(submissionId);
            return true;
        }));
    }

    /** "Duplicate commune in one file" is an error for every row of that commune and period. */
    private int rejectDuplicateCommunes(long submissionId) {
        record Duplicate(String commune, String name, String sheet, List<Integer> rows) {
        }
        List<Duplicate> duplicates = jdbc.query("""
                SELECT s.commune_code, coalesce(max(u.unit_type || ' ' || u.name), s.commune_code), max(s.sheet),
                       array_agg(s.source_row ORDER BY s.source_row)
                FROM staging_report s LEFT JOIN unit u ON u.level = 'commune' AND u.code = s.commune_code
                WHERE s.submission_id = ?
                GROUP BY s.commune_code, s.period_code HAVING count(DISTINCT s.source_row) > 1""", (rs, i) -> {
            Integer[] rows = (Integer[]) rs.getArray(4).getArray();
            return new Duplicate(rs.getString(1), rs.getString(2), rs.getString(3), List.of(rows));
        }, submissionId);
        List<Issue> found = new ArrayList<>();
        int rejected = 0;
        for (Duplicate d : duplicates) {
            String rowList = String.join(", ", d.rows().stream().map(String::valueOf).toList());
            for (Integer row : d.rows()) {
                found.add(new Issue(Severity.ERROR, "row.duplicate", d.sheet(), row, null, null, d.commune(),
                        messages.get("row.duplicate", d.name(), rowList)));
                jdbc.update("DELETE FROM staging_value WHERE submission_id = ? AND report_row = ?", submissionId, row);
                jdbc.update("DELETE FROM staging_report WHERE submission_id = ? AND source_row = ?", submissionId, row);
                rejected++;
            }
        }
        issues.insert(submissionId, found);
        return rejected;
    }

    /**
     * Outliers are warnings: a value ten times or more the commune's previous comparable value (same
     * period a year earlier), or ten times or more the median of the other communes in the file.
     */
    private void flagOutliers(long submissionId) {
        List<Issue> found = new ArrayList<>();
        jdbc.query("""
                SELECT s.sheet, v.source_row, v.source_column, v.indicator, v.value, pv.value, pr.period_code, s.commune_code,
                       coalesce(u.unit_type || ' ' || u.name, s.commune_code)
                FROM staging_report s
                JOIN staging_value v ON v.submission_id = s.submission_id AND v.report_row = s.source_row
                JOIN form_indicator fi ON fi.form_code = s.form_code AND fi.indicator = v.indicator AND fi.kind <> 'flag'
                JOIN report pr ON pr.commune_code = s.commune_code AND pr.form_code = s.form_code AND pr.superseded_by IS NULL
                             AND pr.period_code = (s.year - 1)::text || substr(s.period_code, 5)
                JOIN value pv ON pv.report_id = pr.id AND pv.indicator = v.indicator
                LEFT JOIN LATERAL (SELECT unit_type, name FROM unit WHERE level = 'commune' AND code = s.commune_code
                                   ORDER BY valid_from DESC LIMIT 1) u ON true
                WHERE s.submission_id = ? AND pv.value > 0 AND v.value >= 10 * pv.value
                ORDER BY v.source_row, v.indicator""", rs -> {
            BigDecimal value = rs.getBigDecimal(5);
            BigDecimal previous = rs.getBigDecimal(6);
            String header = form.indicator(rs.getString(4)).map(i -> i.header()).orElse(rs.getString(4));
            found.add(new Issue(Severity.WARNING, "outlier.previous", rs.getString(1), rs.getInt(2), rs.getString(3),
                    RowValidator.plain(value), rs.getString(8), messages.get("outlier.previous", rs.getString(9), header,
                    RowValidator.plain(value), ratio(value, previous), messages.period(Period.fromCode(rs.getString(7))),
                    RowValidator.plain(previous))));
        }, submissionId);
        jdbc.query("""
                WITH peers AS (
                    SELECT v.indicator, percentile_cont(0.5) WITHIN GROUP (ORDER BY v.value) AS median, count(*) AS n
                    FROM staging_value v JOIN staging_report s ON s.submission_id = v.submission_id AND s.source_row = v.report_row
                    JOIN form_indicator fi ON fi.form_code = s.form_code AND fi.indicator = v.indicator AND fi.kind <> 'flag'
                    WHERE v.submission_id = ? GROUP BY v.indicator)
                SELECT s.sheet, v.source_row, v.source_column, v.indicator, v.value, p.median, s.commune_code,
                       coalesce(u.unit_type || ' ' || u.name, s.commune_code)
                FROM staging_value v
                JOIN staging_report s ON s.submission_id = v.submission_id AND s.source_row = v.report_row
                JOIN peers p ON p.indicator = v.indicator
                LEFT JOIN LATERAL (SELECT unit_type, name FROM unit WHERE level = 'commune' AND code = s.commune_code
                                   ORDER BY valid_from DESC LIMIT 1) u ON true
                WHERE v.submission_id = ? AND p.n >= 4 AND p.median > 0 AND v.value >= 10 * p.median
                ORDER BY v.source_row, v.indicator""", rs -> {
            BigDecimal value = rs.getBigDecimal(5);
            String header = form.indicator(rs.getString(4)).map(i -> i.header()).orElse(rs.getString(4));
            found.add(new Issue(Severity.WARNING, "outlier.peers", rs.getString(1), rs.getInt(2), rs.getString(3),
                    RowValidator.plain(value), rs.getString(7), messages.get("outlier.peers", rs.getString(8), header,
                    RowValidator.plain(value), RowValidator.plain(rs.getBigDecimal(6)))));
        }, submissionId, submissionId);
        issues.insert(submissionId, found);
    }

    private static String ratio(BigDecimal value, BigDecimal previous) {
        return RowValidator.plain(value.divide(previous, 1, java.math.RoundingMode.HALF_UP));
    }
}
