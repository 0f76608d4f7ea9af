package vn.tonghop.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import vn.tonghop.layout.SourceCell;
import vn.tonghop.validate.CheckedRow;

/**
 * Streams accepted rows with PostgreSQL {@code COPY}, inside the chunk's transaction, whatever the number of files
 * the chunk holds: each commune's row into {@code staging_report} under a report id drawn from {@code report}'s
 * sequence (one statement for the chunk), and its values once, straight into {@code value} under that id. The
 * values count only once the apply step has made the staged row a {@code report}; forgetting a staged file deletes
 * its values with it.
 */
@Component
public class StagingWriter {

    private final DataSource dataSource;

    public StagingWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The accepted rows of several files: one statement for their report ids, one {@code COPY} per table. A value
     * from its indicator's column in {@code columnsBySubmission} (the file's header, stored once with the file) gets
     * no {@code source_column} of its own.
     */
    public void write(String formCode, Map<Long, List<CheckedRow>> rowsBySubmission, Map<Long, Map<String, String>> columnsBySubmission) {
        int accepted = 0;
        for (List<CheckedRow> rows : rowsBySubmission.values()) {
            for (CheckedRow row : rows) {
                accepted += row.accepted() ? 1 : 0;
            }
        }
        if (accepted == 0) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            long[] ids = reportIds(connection, accepted);
            StringBuilder reports = new StringBuilder();
            StringBuilder values = new StringBuilder();
            int next = 0;
            for (Map.Entry<Long, List<CheckedRow>> file : rowsBySubmission.entrySet()) {
                Map<String, String> columns = columnsBySubmission.getOrDefault(file.getKey(), Map.of());
                for (CheckedRow row : file.getValue()) {
                    if (row.accepted()) {
                        append(ids[next++], file.getKey(), formCode, row, columns, reports, values);
                    }
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY staging_report (report_id, submission_id, sheet, source_row, commune_code, form_code, period_code, "
                    + "period_type, year, period_start, period_end) FROM STDIN WITH (FORMAT csv)", utf8(reports));
            if (!values.isEmpty()) {
                copy.copyIn("COPY value (report_id, indicator, value, source_row, source_column) FROM STDIN WITH (FORMAT csv)",
                        utf8(values));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into staging failed for submissions " + rowsBySubmission.keySet() + ": "
                    + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * The text as the UTF-8 bytes the connection sends (PgJDBC's connections are UTF-8), encoded once: handed a
     * {@code Reader}, the driver copies it into chunks of characters, makes a string of each and encodes that (a fifth
     * of writing a chunk's rows).
     */
    private static InputStream utf8(StringBuilder text) {
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code n} new report ids, in one round trip. */
    private static long[] reportIds(Connection connection, int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT nextval(pg_get_serial_sequence('report', 'id')) FROM generate_series(1, ?)")) {
            statement.setInt(1, n);
            try (ResultSet rs = statement.executeQuery()) {
                for (int i = 0; i < n; i++) {
                    if (!rs.next()) {
                        throw new SQLException("the report sequence gave " + i + " ids, not " + n);
                    }
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    private static void append(long reportId, long submissionId, String formCode, CheckedRow row, Map<String, String> columns,
                               StringBuilder reports, StringBuilder values) {
        int reportRow = row.row().rowNumber();
        reports.append(reportId).append(',').append(submissionId).append(',');
        quote(reports, row.row().sheet()).append(',').append(reportRow).append(',');
        quote(reports, row.commune().code()).append(',');
        quote(reports, formCode).append(',');
        quote(reports, row.period().code()).append(',');
        quote(reports, row.period().type().name()).append(',')
                .append(row.period().year()).append(',').append(row.period().start()).append(',').append(row.period().end())
                .append('\n');
        for (Map.Entry<String, BigDecimal> value : row.values().entrySet()) {
            SourceCell cell = row.sources().get(value.getKey());
            // an indicator code is the form's identifier (letters, digits, underscores): no quoting needed
            values.append(reportId).append(',').append(value.getKey()).append(',');
            number(values, value.getValue()).append(',').append(cell == null ? reportRow : cell.rowNumber()).append(',');
            if (cell != null && !cell.column().equals(columns.get(value.getKey()))) {
                quote(values, cell.column());
            }
            values.append('\n');
        }
    }

    /** Forgets the staged rows of several files at once, and their values. */
    public void clear(List<Long> submissionIds) {
        if (submissionIds.isEmpty()) {
            return;
        }
        String ids = "{" + String.join(",", submissionIds.stream().map(String::valueOf).toList()) + "}";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (var statement = connection.prepareStatement("""
                WITH staged AS (DELETE FROM staging_report WHERE submission_id = ANY(CAST(? AS bigint[])) RETURNING report_id)
                DELETE FROM value WHERE report_id IN (SELECT report_id FROM staged)""")) {
            statement.setString(1, ids);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear staging of submissions " + submissionIds, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    public void clear(long submissionId) {
        clear(List.of(submissionId));
    }

    /** A value as COPY reads a numeric: a whole number of a few digits without going through its plain string. */
    private static StringBuilder number(StringBuilder out, BigDecimal value) {
        if (value.scale() == 0 && value.precision() < 19) {
            return out.append(value.longValue());
        }
        return out.append(value.toPlainString());
    }

    private static StringBuilder quote(StringBuilder out, String text) {
        return CopyText.quote(out, text);
    }
}
