package vn.tonghop.load;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
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

    public List<Issue> forSubmission(long submissionId) {
        return jdbc.query("""
                SELECT severity, code, sheet, row_number, column_name, cell_value, commune_code, message FROM issue
                WHERE submission_id = ? ORDER BY row_number NULLS FIRST, id""", (rs, i) -> new Issue(
                Severity.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)), rs.getString(2), rs.getString(3),
                (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), submissionId);
    }

    /** Forget what a previous, interrupted read of the file found: the file is read again from the top. */
    public void deleteForSubmission(long submissionId) {
        jdbc.update("DELETE FROM issue WHERE submission_id = ?", submissionId);
    }
}
