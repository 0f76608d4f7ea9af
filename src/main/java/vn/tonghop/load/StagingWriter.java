package vn.tonghop.load;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
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
 * Streams accepted rows into the staging tables with PostgreSQL {@code COPY}: one {@code COPY} per table per
 * chunk, whatever the number of files the chunk holds, inside the chunk's transaction.
 */
@Component
public class StagingWriter {

    private final DataSource dataSource;

    public StagingWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The accepted rows of several files, in one {@code COPY} per staging table. */
    public void write(String formCode, Map<Long, List<CheckedRow>> rowsBySubmission) {
        StringBuilder reports = new StringBuilder();
        StringBuilder values = new StringBuilder();
        rowsBySubmission.forEach((submissionId, rows) -> append(submissionId, formCode, rows, reports, values));
        if (reports.isEmpty()) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("COPY staging_report (submission_id, sheet, source_row, commune_code, form_code, period_code, period_type, "
                    + "year, period_start, period_end) FROM STDIN WITH (FORMAT csv)", new StringReader(reports.toString()));
            if (!values.isEmpty()) {
                copy.copyIn("COPY staging_value (submission_id, report_row, source_row, indicator, value, source_column) "
                        + "FROM STDIN WITH (FORMAT csv)", new StringReader(values.toString()));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into staging failed for submissions " + rowsBySubmission.keySet() + ": "
                    + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void append(long submissionId, String formCode, List<CheckedRow> rows, StringBuilder reports, StringBuilder values) {
        for (CheckedRow row : rows) {
            if (!row.accepted()) {
                continue;
            }
            int reportRow = row.row().rowNumber();
            reports.append(submissionId).append(',');
            quote(reports, row.row().sheet()).append(',').append(reportRow).append(',');
            quote(reports, row.commune().code()).append(',');
            quote(reports, formCode).append(',');
            quote(reports, row.period().code()).append(',');
            quote(reports, row.period().type().name()).append(',')
                    .append(row.period().year()).append(',').append(row.period().start()).append(',').append(row.period().end())
                    .append('\n');
            for (Map.Entry<String, BigDecimal> value : row.values().entrySet()) {
                SourceCell cell = row.sources().get(value.getKey());
                values.append(submissionId).append(',').append(reportRow).append(',')
                        .append(cell == null ? reportRow : cell.rowNumber()).append(',');
                quote(values, value.getKey()).append(',').append(value.getValue().toPlainString()).append(',');
                if (cell != null) {
                    quote(values, cell.column());
                }
                values.append('\n');
            }
        }
    }

    /** Forgets the staged rows of several files at once. */
    public void clear(List<Long> submissionIds) {
        if (submissionIds.isEmpty()) {
            return;
        }
        String ids = "{" + String.join(",", submissionIds.stream().map(String::valueOf).toList()) + "}";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (var statement = connection.prepareStatement("""
                WITH reports AS (DELETE FROM staging_report WHERE submission_id = ANY(CAST(? AS bigint[])))
                DELETE FROM staging_value WHERE submission_id = ANY(CAST(? AS bigint[]))""")) {
            statement.setString(1, ids);
            statement.setString(2, ids);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear staging of submissions " + submissionIds, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    public void clear(long submissionId) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (var statement = connection.prepareStatement("""
                WITH reports AS (DELETE FROM staging_report WHERE submission_id = ?)
                DELETE FROM staging_value WHERE submission_id = ?""")) {
            statement.setLong(1, submissionId);
            statement.setLong(2, submissionId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clear staging of submission " + submissionId, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A CSV field for COPY: always quoted, so an empty text stays empty rather than NULL; null stays NULL. */
    private static StringBuilder quote(StringBuilder out, String text) {
        if (text == null) {
            return out;
        }
        out.append('"');
        if (text.indexOf('"') < 0) {
            out.append(text);
        } else {
            out.append(text.replace("\"", "\"\""));
        }
        return out.append('"');
    }
}
