package vn.tonghop.export;

import com.opencsv.CSVWriter;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
    private static final int FETCH_SIZE = 5_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final ReportForm form;

    public AggregatesCsvExporter(NamedParameterJdbcTemplate jdbc, ReportForm form) {
        // Rows fetched a few thousand at a time (a cursor, in the export step's transaction): years of aggregates
        // are millions of rows, and the file is written as they come.
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
        streaming.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(streaming);
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
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("form", form.code())
                .addValue("allYears", years.isEmpty())
                .addValue("years", years.isEmpty() ? java.util.List.of(-1) : years)
                .addValue("province", province);
        int[] count = {0};
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
             ICSVWriter csv = new CSVWriterBuilder(writer).withLineEnd(CSVWriter.DEFAULT_LINE_END).build()) {
            csv.writeNext(new String[] {"level", "unit_code", "unit_name", "year", "indicator", "value", "communes_reporting",
                    "communes_expected"}, false);
            jdbc.query("""
                    SELECT level, unit_code, unit_name, year, indicator, value, communes_reporting, communes_expected
                    FROM aggregate_value
                    WHERE form_code = :form AND (:allYears OR year IN (:years))
                      AND (CAST(:province AS text) IS NULL OR province_code = CAST(:province AS text))
                    ORDER BY CASE level WHEN 'commune' THEN 1 WHEN 'district' THEN 2 ELSE 3 END,
                             unit_code COLLATE "C", year, indicator COLLATE "C"
                    """, p, rs -> {
                String indicator = rs.getString(5);
                csv.writeNext(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), Integer.toString(rs.getInt(4)),
                        indicator, format(rs.getBigDecimal(6), indicator.startsWith("rate_")),
                        Integer.toString(rs.getInt(7)), Integer.toString(rs.getInt(8))}, false);
                count[0]++;
            });
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return count[0];
    }

    /** Temporary files of an export that was killed before its rename (exports run one at a time, under the run lock). */
    private static void removeLeftovers(Path outDir) throws IOException {
        try (var leftovers = Files.newDirectoryStream(outDir, ".aggregates-*.tmp")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    static String format(BigDecimal value, boolean rate) {
        if (value == null) {
            return "";
        }
        if (rate) {
            return value.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString();
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
