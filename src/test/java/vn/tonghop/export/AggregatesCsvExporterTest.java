package vn.tonghop.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/** aggregates.csv to the letter of SPEC §6: columns, order, number forms, quoting, empty values. */
@TonghopSpringTest
class AggregatesCsvExporterTest {

    @Autowired
    AggregatesCsvExporter exporter;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path out;

    @BeforeEach
    void rows() {
        Database.clear(jdbc);
        row("province", "06", "Bắc Kạn", "06", 2023, "propaganda_sessions", "1250.00", 122, 122);
        row("commune", "01975", "Xã \"Cẩm\" Giàng, Bạch Thông", "06", 2023, "rate_villages_safe", "0.666650", 1, 1);
        row("commune", "01975", "Xã \"Cẩm\" Giàng, Bạch Thông", "06", 2023, "propaganda_sessions", "12", 1, 1);
        row("commune", "01975", "Xã \"Cẩm\" Giàng, Bạch Thông", "06", 2023, "attendees", null, 1, 1);
        row("commune", "01975", "Xã \"Cẩm\" Giàng, Bạch Thông", "06", 2022, "rate_villages_safe", "1", 1, 1);
        row("district", "063", "Huyện Bạch Thông", "06", 2023, "tips_received", "2.50", 14, 15);
        row("commune", "02251", "Xã Khuôn Hà", "08", 2023, "propaganda_sessions", "1E+3", 1, 1);
    }

    @Test
    void export_writesTheSpecifiedColumnsSortedByLevelUnitYearIndicator() throws IOException {
        int written = exporter.export(out, List.of(), null);

        assertThat(written).isEqualTo(7);
        assertThat(Files.readString(out.resolve("aggregates.csv"), StandardCharsets.UTF_8)).isEqualTo("""
                level,unit_code,unit_name,year,indicator,value,communes_reporting,communes_expected
                commune,01975,"Xã ""Cẩm"" Giàng, Bạch Thông",2022,rate_villages_safe,1.0000,1,1
                commune,01975,"Xã ""Cẩm"" Giàng, Bạch Thông",2023,attendees,,1,1
                commune,01975,"Xã ""Cẩm"" Giàng, Bạch Thông",2023,propaganda_sessions,12,1,1
                commune,01975,"Xã ""Cẩm"" Giàng, Bạch Thông",2023,rate_villages_safe,0.6667,1,1
                commune,02251,Xã Khuôn Hà,2023,propaganda_sessions,1000,1,1
                district,063,Huyện Bạch Thông,2023,tips_received,2.5,14,15
                province,06,Bắc Kạn,2023,propaganda_sessions,1250,122,122
                """);
    }

    @Test
    void export_whenLimitedToAYearAndAProvince_thenOnlyTheirRows() throws IOException {
        int written = exporter.export(out, List.of(2023), "08");

        assertThat(written).isEqualTo(1);
        assertThat(Files.readAllLines(out.resolve("aggregates.csv"))).containsExactly(
                "level,unit_code,unit_name,year,indicator,value,communes_reporting,communes_expected",
                "commune,02251,Xã Khuôn Hà,2023,propaganda_sessions,1000,1,1");
    }

    @Test
    void export_whenTheProvinceIsNotACode_thenItIsOnlyCompared() throws IOException {
        int written = exporter.export(out, List.of(), "06' OR '1'='1");

        assertThat(written).isZero();
        assertThat(Files.readAllLines(out.resolve("aggregates.csv"))).hasSize(1);
    }

    /**
     * The file in the key's order (a database whose collation is byte order) and sorted by PostgreSQL (any other
     * collation) is the same file, byte for byte: indicators with underscores, which a linguistic collation would sort
     * apart from byte order, and several years of one unit included.
     */
    @Test
    void copyStatement_inTheKeysOrderAndSorted_thenTheSameFileOnThisDatabase() throws Exception {
        row("commune", "01975", "Xã Cẩm Giàng", "06", 2023, "villages_safe", "3", 1, 1);
        row("commune", "01975", "Xã Cẩm Giàng", "06", 2023, "villagesafe", "4", 1, 1);
        row("commune", "01975", "Xã Cẩm Giàng", "06", 2024, "attendees", "5", 1, 1);

        String inKeyOrder = copy(AggregatesCsvExporter.copyStatement(false, false, true));
        String sorted = copy(AggregatesCsvExporter.copyStatement(false, false, false));

        // year and indicator: the fifth and fourth fields from the end (a name may hold a comma)
        assertThat(sorted.lines().skip(1).map(l -> l.split(",", -1)).map(f -> f[f.length - 5] + "," + f[f.length - 4]).limit(6)).containsExactly(
                "2022,rate_villages_safe", "2023,attendees", "2023,propaganda_sessions", "2023,rate_villages_safe",
                "2023,villages_safe", "2023,villagesafe");
        assertThat(sorted.lines()).hasSize(11);
        if (Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> AggregatesCsvExporter.byteOrderCollation(c)))) {
            assertThat(inKeyOrder).isEqualTo(sorted);
        }
        exporter.export(out, List.of(), null);
        assertThat(Files.readString(out.resolve("aggregates.csv"), StandardCharsets.UTF_8)).isEqualTo(sorted);
    }

    private String copy(String statement) {
        return jdbc.execute((java.sql.Connection c) -> {
            try (var settings = c.prepareStatement("""
                    SELECT set_config('tonghop.export_form', 'ANTQ-01', false), set_config('tonghop.export_years', '', false),
                           set_config('tonghop.export_province', '', false)""")) {
                settings.execute();
            }
            var bytes = new java.io.ByteArrayOutputStream();
            try {
                c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyOut(statement, bytes);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        });
    }

    private void row(String level, String code, String name, String province, int year, String indicator, String value, int reporting,
                     int expected) {
        jdbc.update("""
                INSERT INTO aggregate_value (level, unit_code, unit_name, parent_code, province_code, form_code, year, indicator, value,
                                             communes_reporting, communes_expected)
                VALUES (?, ?, ?, NULL, ?, 'ANTQ-01', ?, ?, CAST(? AS numeric), ?, ?)""", level, code, name, province, year, indicator, value,
                reporting, expected);
    }
}
