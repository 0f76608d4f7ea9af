package vn.tonghop.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import vn.tonghop.form.ReportForm;

/**
 * Writes {@code aggregates.csv} exactly as SPEC §6 defines it, from the aggregate table only:
 * {@code level,unit_code,unit_name,year,indicator,value,communes_reporting,communes_expected}, sorted by
 * level (commune, district, province), unit code, year, indicator; value empty where nothing was reported;
 * rates with four decimals. Written to a temporary file and renamed, so a reader never sees half a file.
 */
@Component
public class AggregatesCsvExporter {

    public static final String FILE_NAME = "aggregates.csv";

    private final DataSource dataSource;
    private final ReportForm form;

    public AggregatesCsvExporter(DataSource dataSource, ReportForm form) {
        this.dataSource = dataSource;
        this.form = form;
    }

    /**
     * @param years    the years to write; empty = every year with aggregates
     * @param province a province code to limit the file to, or null
     * @return the number of data rows written
     */
    public int export(Path outDir, Collection<Integer> years, String province) throws IOException {
        Files.createDirectories(outDir);
        removeLeftovers(outDir);
        Path target = outDir.resolve(FILE_NAME);
        Path temporary = Files.createTempFile(outDir, ".aggregates-", ".tmp");
        long rows;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
            // COPY takes no parameters: what the file is limited to is handed over as settings of the session.
            try (PreparedStatement filter = connection.prepareStatement("""
                    SELECT set_config('tonghop.export_form', ?, false), set_config('tonghop.export_years', ?, false),
                           set_config('tonghop.export_province', ?, false)""")) {
                filter.setString(1, form.code());
                filter.setString(2, years.stream().map(String::valueOf).collect(Collectors.joining(",")));
                filter.setString(3, province == null ? "" : province);
                filter.execute();
            }
            rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(
                    copyStatement(!years.isEmpty(), province != null && !province.isEmpty(), byteOrderCollation(connection)), out);
        } catch (SQLException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("Cannot write " + FILE_NAME + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Math.toIntExact(rows);
    }

    /**
     * The file, written by PostgreSQL's own CSV writer (quotes only where needed, as RFC 4180): a rate as a fraction
     * with four decimals rounded half up, any other figure without trailing zeros, nothing where nothing was reported.
     * The levels' names sort as the file lists them (commune, district, province); codes and indicators sort byte by
     * byte ({@code COLLATE "C"}).
     */
    private static final String SELECT = """
            SELECT level, unit_code, unit_name, year, indicator,
                   CASE WHEN left(indicator, 5) = 'rate_' THEN round(value, 4)::text ELSE trim_scale(value)::text END AS value,
                   communes_reporting, communes_expected
            FROM aggregate_value
            WHERE form_code = current_setting('tonghop.export_form')
            """;

    /**
     * The statement for these limits, each condition there only when asked for (a condition that may or may not apply
     * hides the table's size from the planner, which then sorts instead of walking the key), and sorted by PostgreSQL
     * unless the database's collation is byte order already (C, POSIX, C.UTF-8): then the rows come in the primary key's
     * order (V11) without a sort.
     */
    static String copyStatement(boolean limitedToYears, boolean limitedToProvince, boolean byteOrderCollation) {
        return "COPY (" + SELECT
                + (limitedToYears ? "  AND year = ANY (CAST(string_to_array(current_setting('tonghop.export_years'), ',') AS int[]))\n" : "")
                + (limitedToProvince ? "  AND province_code = current_setting('tonghop.export_province')\n" : "")
                + (byteOrderCollation ? "ORDER BY level, unit_code, year, indicator\n"
                                      : "ORDER BY level COLLATE \"C\", unit_code COLLATE \"C\", year, indicator COLLATE \"C\"\n")
                + ") TO STDOUT WITH (FORMAT csv, HEADER true)";
    }

    /** Whether the database's default collation orders text byte by byte (code point by code point, for UTF-8). */
    static boolean byteOrderCollation(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT datcollate FROM pg_database WHERE datname = current_database()");
             var rs = query.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            String collate = rs.getString(1);
            return collate != null && BYTE_ORDER_LOCALES.contains(collate.toLowerCase(java.util.Locale.ROOT).replace("-", ""));
        }
    }

    private static final java.util.Set<String> BYTE_ORDER_LOCALES = java.util.Set.of("c", "posix", "c.utf8");

    /** Temporary files of an export that was killed before its rename (exports run one at a time, under the run lock). */
    private static void removeLeftovers(Path outDir) throws IOException {
        try (var leftovers = Files.newDirectoryStream(outDir, ".aggregates-*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }
}
