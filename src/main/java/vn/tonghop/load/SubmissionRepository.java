package vn.tonghop.load;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The submission table: one row per file, its checksum, status and counts. */
@Repository
public class SubmissionRepository {

    private static final String COLUMNS = """
            id, run_id, office_code, file_name, inbox_path, sha256, size_bytes, received_at, status, duplicate_of, format,
            encoding, sheet, period_code, rows_read, rows_accepted, rows_rejected, errors, warnings, reports_superseded,
            reject_reason, moved_to""";

    private final JdbcTemplate jdbc;

    public SubmissionRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A file the scan found, to be registered. */
    public record NewFile(String officeCode, String fileName, String inboxPath, String sha256, long size, Instant modified) {
    }

    /**
     * Registers several files in one statement, their ids drawn in the order given (the order they arrived).
     *
     * @return the files' new ids, in the order given
     */
    public long[] registerAll(long runId, List<NewFile> files) {
        long[] ids = new long[files.size()];
        if (files.isEmpty()) {
            return ids;
        }
        Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            position.put(files.get(i).inboxPath(), i);
        }
        // modification times to the microsecond, as PostgreSQL keeps them (rounded, as the driver rounds a Timestamp)
        java.time.format.DateTimeFormatter instant = java.time.format.DateTimeFormatter.ISO_INSTANT;
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO submission (run_id, office_code, file_name, inbox_path, sha256, size_bytes, file_modified_at, status, form_code)
                    SELECT ?, f.office, f.name, f.path, f.sha, f.size, f.modified, 'registered', 'ANTQ-01'
                    FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]),
                                CAST(? AS timestamptz[])) WITH ORDINALITY AS f(office, name, path, sha, size, modified, n)
                    ORDER BY f.n
                    RETURNING id, inbox_path""");
            statement.setLong(1, runId);
            statement.setArray(2, connection.createArrayOf("text", files.stream().map(NewFile::officeCode).toArray()));
            statement.setArray(3, connection.createArrayOf("text", files.stream().map(NewFile::fileName).toArray()));
            statement.setArray(4, connection.createArrayOf("text", files.stream().map(NewFile::inboxPath).toArray()));
            statement.setArray(5, connection.createArrayOf("text", files.stream().map(NewFile::sha256).toArray()));
            statement.setArray(6, connection.createArrayOf("bigint", files.stream().map(NewFile::size).toArray()));
            statement.setArray(7, connection.createArrayOf("text", files.stream()
                    .map(f -> instant.format(f.modified().plusNanos(500).truncatedTo(java.time.temporal.ChronoUnit.MICROS))).toArray()));
            return statement;
        }, rs -> {
            ids[position.get(rs.getString(2))] = rs.getLong(1);
        });
        return ids;
    }

    /**
     * For each checksum, the earliest submission with that content below {@code beforeId} that was neither a duplicate
     * itself nor rejected whole nor applied with no row accepted, in one query. A rejected file sent again is read again:
     * it may have been rejected for where it was dropped, for the registry not yet loaded or for a limit since raised, none
     * of which is in its content.
     */
    public Map<String, Submission> firstWithChecksums(java.util.Collection<String> sha256s, long beforeId) {
        Map<String, Submission> found = new java.util.HashMap<>();
        if (sha256s.isEmpty()) {
            return found;
        }
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("SELECT DISTINCT ON (sha256) " + COLUMNS + """
                     FROM submission WHERE sha256 = ANY(CAST(? AS text[])) AND id < ? AND status NOT IN ('duplicate', 'rejected')
                      AND NOT (status = 'applied' AND rows_accepted = 0)
                    ORDER BY sha256, id""");
            statement.setArray(1, connection.createArrayOf("text", sha256s.toArray()));
            statement.setLong(2, beforeId);
            return statement;
        }, rs -> {
            Submission original = map(rs, 0);
            found.put(original.sha256(), original);
        });
        return found;
    }

    /** A duplicate of this run taken up as its content's original, the original it had having counted nothing. */
    public record Promoted(long id, long formerOriginal) {
    }

    /**
     * The duplicates of this run whose original (a file of this run too) counted nothing — rejected whole, or read with
     * no row accepted: of each such original, its first duplicate is to be read after all (status {@code registered}
     * again), since only a file that counted makes another one a duplicate. The same content dropped into the right
     * office's folder as well as a wrong one is then taken from the right one.
     */
    public List<Promoted> promoteDuplicatesOfFailed(long runId) {
        return jdbc.query("""
                WITH failed AS (
                    SELECT id FROM submission
                    WHERE run_id = ? AND (status = 'rejected' OR (status IN ('read', 'applied') AND rows_accepted = 0))),
                first AS (
                    SELECT DISTINCT ON (d.duplicate_of) d.id, d.duplicate_of
                    FROM submission d JOIN failed f ON f.id = d.duplicate_of
                    WHERE d.run_id = ? AND d.status = 'duplicate'
                    ORDER BY d.duplicate_of, d.id)
                UPDATE submission s SET status = 'registered', duplicate_of = NULL, reject_reason = NULL
                FROM first WHERE s.id = first.id
                RETURNING s.id, first.duplicate_of""", (rs, i) -> new Promoted(rs.getLong(1), rs.getLong(2)), runId, runId);
    }

    /** The duplicates of this run that name {@code original} as theirs, in order. */
    public List<Long> duplicatesOf(long runId, long original) {
        return jdbc.queryForList("SELECT id FROM submission WHERE run_id = ? AND status = 'duplicate' AND duplicate_of = ? ORDER BY id",
                Long.class, runId, original);
    }

    /** Several files marked as duplicates at once: each id with its original and the reason shown to the clerk. */
    public void markDuplicates(List<Long> ids, List<Long> originals, List<String> reasons) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    UPDATE submission s SET status = 'duplicate', duplicate_of = d.original, reject_reason = d.reason
                    FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[])) AS d(id, original, reason) WHERE s.id = d.id""");
            statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", originals.toArray()));
            statement.setArray(3, connection.createArrayOf("text", reasons.toArray()));
            return statement;
        });
    }

    public void markRejected(long id, String reason) {
        jdbc.update("UPDATE submission SET status = 'rejected', reject_reason = ? WHERE id = ?", reason, id);
    }

    public void recordRead(long id, String format, String encoding, String sheet, String periodCode) {
        jdbc.update("UPDATE submission SET format = ?, encoding = ?, sheet = ?, period_code = ? WHERE id = ?",
                format, encoding, sheet, periodCode, id);
    }

    /** A file read through: what was detected and its row counts. */
    /** @param columns indicator code → the header of its column in the file, which its values leave unsaid (V10) */
    public record ReadFile(long id, String format, String encoding, String sheet, String periodCode, int rowsRead, int accepted,
                           int rejected, Map<String, String> columns) {
    }

    /** Marks files read, in one batch (in the transaction of their last rows). */
    public void markRead(List<ReadFile> files) {
        if (files.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                UPDATE submission SET status = 'read', format = ?, encoding = ?, sheet = ?, period_code = ?, rows_read = ?,
                       rows_accepted = ?, rows_rejected = ?, source_columns = CAST(? AS jsonb)
                WHERE id = ? AND status = 'registered'""", files, files.size(), (ps, f) -> {
            ps.setString(1, f.format());
            ps.setString(2, f.encoding());
            ps.setString(3, f.sheet());
            ps.setString(4, f.periodCode());
            ps.setInt(5, f.rowsRead());
            ps.setInt(6, f.accepted());
            ps.setInt(7, f.rejected());
            ps.setString(8, f.columns().isEmpty() ? null : JsonMapper.shared().writeValueAsString(f.columns()));
            ps.setLong(9, f.id());
        });
    }

    /**
     * Files of a run that were read but not applied and whose staged rows are gone (the staging tables are
     * unlogged: PostgreSQL empties them when it recovers from a crash) go back to {@code registered}, to be
     * read again. Returns how many.
     */
    public int rereadWhenStagingLost(long runId) {
        return jdbc.update("""
                UPDATE submission s SET status = 'registered', rows_read = 0, rows_accepted = 0, rows_rejected = 0
                WHERE s.run_id = ? AND s.status = 'read' AND s.rows_accepted > 0
                  AND NOT EXISTS (SELECT 1 FROM staging_report r WHERE r.submission_id = s.id)""", runId);
    }

    /**
     * Records where the file went. Called in a transaction of its own, whose commit does not wait for the disk: a
     * record lost to a crash is found again by the next run, which looks for the moved file by its checksum.
     */
    public void markMoved(long id, String movedTo) {
        markMoved(java.util.Map.of(id, movedTo));
    }

    /** The same for several files, in one statement. */
    public void markMoved(java.util.Map<Long, String> movedTo) {
        if (movedTo.isEmpty()) {
            return;
        }
        jdbc.execute("SET LOCAL synchronous_commit TO off");
        java.util.List<Long> ids = new java.util.ArrayList<>(movedTo.keySet());
        // rows locked in id order, as countIssues locks its own: the aggregation may be recounting some of them
        jdbc.query("SELECT id FROM submission WHERE id = ANY(CAST(? AS bigint[])) ORDER BY id FOR NO KEY UPDATE", rs -> {
        }, idArray(ids));
        String[] paths = ids.stream().map(movedTo::get).toArray(String[]::new);
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    UPDATE submission s SET moved_to = u.moved_to, finished_at = now()
                    FROM unnest(CAST(? AS bigint[]), CAST(? AS text[])) AS u(id, moved_to) WHERE s.id = u.id""");
            statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            statement.setArray(2, connection.createArrayOf("text", paths));
            return statement;
        });
    }

    /** Whether a submission already records this path (relative to the inbox's parent) as where it went. */
    public boolean isMovedTo(String movedTo) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM submission WHERE moved_to = ?", Integer.class, movedTo);
        return n != null && n > 0;
    }

    public Optional<Submission> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM submission WHERE id = ?", this::map, id).stream().findFirst();
    }

    /** The given submissions, in id order. */
    public List<Submission> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String list = String.join(",", ids.stream().map(String::valueOf).toList());
        return jdbc.query("SELECT " + COLUMNS + " FROM submission WHERE id = ANY(CAST(? AS bigint[])) ORDER BY id", this::map, "{" + list + "}");
    }

    /** Which of the run's files hold an annual report in force: the ones the aggregation's annual check may warn about. */
    public java.util.Set<Long> withAnnualReports(long runId) {
        return new java.util.HashSet<>(jdbc.queryForList("""
                SELECT DISTINCT r.submission_id FROM report r JOIN submission s ON s.id = r.submission_id
                WHERE s.run_id = ? AND r.period_type = 'YEAR' AND r.superseded_by IS NULL""", Long.class, runId));
    }

    public List<Submission> byRunAndStatus(long runId, String status) {
        return jdbc.query("SELECT " + COLUMNS + " FROM submission WHERE run_id = ? AND status = ? ORDER BY id", this::map, runId, status);
    }

    public List<Submission> byRun(long runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM submission WHERE run_id = ? ORDER BY id", this::map, runId);
    }

    /** Submissions whose file is still to be moved out of the inbox (after a crash, too). */
    public List<Submission> notMoved() {
        return jdbc.query("SELECT " + COLUMNS + " FROM submission WHERE moved_to IS NULL AND status IN ('applied', 'rejected', 'duplicate') ORDER BY id",
                this::map);
    }

    /** Refreshes the error and warning counts from the issue table. */
    /**
     * Recounts the errors and warnings of several files from their issues, in one statement. Their rows are locked
     * in id order first, as {@link #markMoved(java.util.Map)} locks its own, so that the aggregation (which recounts
     * the files it found an annual figure wrong in) and a report step running beside it wait for each other but never
     * deadlock.
     */
    public void countIssues(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String array = idArray(ids);
        jdbc.query("SELECT id FROM submission WHERE id = ANY(CAST(? AS bigint[])) ORDER BY id FOR NO KEY UPDATE", rs -> {
        }, array);
        jdbc.update("""
                UPDATE submission s SET errors = c.errors, warnings = c.warnings
                FROM (SELECT f.id, count(i.id) FILTER (WHERE i.severity = 'error') AS errors,
                             count(i.id) FILTER (WHERE i.severity = 'warning') AS warnings
                      FROM unnest(CAST(? AS bigint[])) AS f(id) LEFT JOIN issue i ON i.submission_id = f.id
                      GROUP BY f.id) c
                WHERE s.id = c.id""", array);
    }

    private static String idArray(java.util.Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    private Submission map(ResultSet rs, int row) throws SQLException {
        return new Submission(rs.getLong("id"), (Long) rs.getObject("run_id"), rs.getString("office_code"), rs.getString("file_name"),
                rs.getString("inbox_path"), rs.getString("sha256"), rs.getLong("size_bytes"),
                rs.getObject("received_at", OffsetDateTime.class), rs.getString("status"), (Long) rs.getObject("duplicate_of"),
                rs.getString("format"), rs.getString("encoding"), rs.getString("sheet"), rs.getString("period_code"),
                rs.getInt("rows_read"), rs.getInt("rows_accepted"), rs.getInt("rows_rejected"), rs.getInt("errors"),
                rs.getInt("warnings"), rs.getInt("reports_superseded"), rs.getString("reject_reason"), rs.getString("moved_to"));
    }
}
