package vn.tonghop.load;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Severity;

/** Errors and warnings per file, in the order they were found. */
@Repository
public class IssueRepository {

    private final JdbcTemplate jdbc;

    public IssueRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long submissionId, List<Issue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        if (issues.stream().anyMatch(issue -> issue.severity() == Severity.NOTE)) {
            throw new IllegalArgumentException("Notes are written into the results, not stored as issues");
        }
        jdbc.batchUpdate("""
                INSERT INTO issue (submission_id, severity, code, sheet, row_number, column_name, cell_value, commune_code, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", issues, 500, (ps, issue) -> {
            ps.setLong(1, submissionId);
            ps.setString(2, issue.severity().sqlName());
            ps.setString(3, issue.code());
            ps.setString(4, issue.sheet());
            ps.setObject(5, issue.rowNumber());
            ps.setString(6, issue.column());
            ps.setString(7, issue.cellValue());
            ps.setString(8, issue.communeCode());
            ps.setString(9, issue.message());
        });
    }

    /** Above this many, a chunk's issues go in with one {@code COPY} (a file of wrong rows has hundreds of thousands). */
    static final int COPY_ABOVE = 200;

    /** The issues of several files in one batch, each file's in order (their ids, which order them, are drawn in that order). */
    public void insert(Map<Long, List<Issue>> bySubmission) {
        List<Map.Entry<Long, Issue>> all = new ArrayList<>();
        bySubmission.forEach((id, list) -> list.forEach(issue -> all.add(Map.entry(id, issue))));
        if (all.isEmpty()) {
            return;
        }
        if (all.size() > COPY_ABOVE) {
            copy(all);
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO issue (submission_id, severity, code, sheet, row_number, column_name, cell_value, commune_code, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", all, 1000, (ps, entry) -> {
            Issue issue = entry.getValue();
            ps.setLong(1, entry.getKey());
            ps.setString(2, issue.severity().sqlName());
            ps.setString(3, issue.code());
            ps.setString(4, issue.sheet());
            ps.setObject(5, issue.rowNumber());
            ps.setString(6, issue.column());
            ps.setString(7, issue.cellValue());
            ps.setString(8, issue.communeCode());
            ps.setString(9, issue.message());
        });
    }

    private void copy(List<Map.Entry<Long, Issue>> all) {
        StringBuilder text = new StringBuilder(all.size() * 160);
        for (Map.Entry<Long, Issue> entry : all) {
            Issue issue = entry.getValue();
            if (issue.severity() == Severity.NOTE) {
                throw new IllegalArgumentException("Notes are written into the results, not stored as issues");
            }
            text.append(entry.getKey()).append(',').append(issue.severity().sqlName()).append(',');
            CopyText.quote(text, issue.code()).append(',');
            CopyText.quote(text, issue.sheet()).append(',');
            if (issue.rowNumber() != null) {
                text.append(issue.rowNumber());
            }
            text.append(',');
            CopyText.quote(text, issue.column()).append(',');
            CopyText.quote(text, issue.cellValue()).append(',');
            CopyText.quote(text, issue.communeCode()).append(',');
            CopyText.quote(text, issue.message()).append('\n');
        }
        jdbc.execute((java.sql.Connection connection) -> {
            try {
                return connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn("""
                        COPY issue (submission_id, severity, code, sheet, row_number, column_name, cell_value, commune_code, message)
                        FROM STDIN WITH (FORMAT csv)""", new java.io.StringReader(text.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static final String FOR_SUBMISSION = """
            SELECT severity, code, sheet, row_number, column_name, cell_value, commune_code, message FROM issue
            WHERE submission_id = ? ORDER BY row_number NULLS FIRST, id""";

    /**
     * What a file's results list: the issues found while it was read and applied, and the aggregation's cross-check of
     * an annual figure against its sub-periods ({@code annual.mismatch}) where it has run: in {@code run} the report step
     * writes the results of the files holding an annual report once the aggregation beside it has committed
     * ({@code AppliedSignal}); after an {@code ingest} alone the check comes with the next aggregation, after the results.
     */
    private static final String FOR_RESULTS = """
            SELECT severity, code, sheet, row_number, column_name, cell_value, commune_code, message FROM issue
            WHERE submission_id = ? ORDER BY row_number NULLS FIRST, id""";

    private static final RowMapper<Issue> ISSUE = (rs, i) -> new Issue(
            Severity.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)), rs.getString(2), rs.getString(3),
            (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));

    public List<Issue> forSubmission(long submissionId) {
        return jdbc.query(FOR_SUBMISSION, ISSUE, submissionId);
    }

    /** At most {@code limit} of a file's issues, in the same order. */
    public List<Issue> forSubmission(long submissionId, int limit) {
        return jdbc.query(FOR_SUBMISSION + " LIMIT ?", ISSUE, submissionId, limit);
    }

    /**
     * What the results of several files list, in one query, each file's in the same order as
     * {@link #forSubmission}, at most {@code limit} of each (a file with more is streamed on its own).
     */
    public java.util.Map<Long, List<Issue>> forResults(List<Long> submissionIds, int limit) {
        java.util.Map<Long, List<Issue>> found = new java.util.HashMap<>();
        if (submissionIds.isEmpty()) {
            return found;
        }
        jdbc.query("""
                SELECT submission_id, severity, code, sheet, row_number, column_name, cell_value, commune_code, message FROM (
                    SELECT i.*, row_number() OVER (PARTITION BY i.submission_id ORDER BY i.row_number NULLS FIRST, i.id) AS n
                    FROM issue i JOIN unnest(CAST(? AS bigint[])) AS f(id) ON f.id = i.submission_id) x
                WHERE n <= ? ORDER BY submission_id, n""", rs -> {
            found.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(new Issue(
                    Severity.valueOf(rs.getString(2).toUpperCase(java.util.Locale.ROOT)), rs.getString(3), rs.getString(4),
                    (Integer) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
        }, "{" + String.join(",", submissionIds.stream().map(String::valueOf).toList()) + "}", limit);
        return found;
    }

    /**
     * What a file's results list streamed from the database a thousand at a time (inside a
     * transaction), for a file whose every row went wrong: a million issues must not be held in memory at once. Close
     * the stream.
     */
    public Stream<Issue> streamForResults(long submissionId) {
        return jdbc.queryForStream(connection -> {
            PreparedStatement statement = connection.prepareStatement(FOR_RESULTS);
            statement.setFetchSize(1000);
            statement.setLong(1, submissionId);
            return statement;
        }, ISSUE);
    }

    /** Forget what a previous, interrupted read of the file found: the file is read again from the top. */
    public void deleteForSubmission(long submissionId) {
        jdbc.update("DELETE FROM issue WHERE submission_id = ?", submissionId);
    }

    /** The same for several files at once. */
    public void deleteForSubmissions(List<Long> submissionIds) {
        if (!submissionIds.isEmpty()) {
            jdbc.update("DELETE FROM issue WHERE submission_id = ANY(CAST(? AS bigint[]))",
                    "{" + String.join(",", submissionIds.stream().map(String::valueOf).toList()) + "}");
        }
    }
}
