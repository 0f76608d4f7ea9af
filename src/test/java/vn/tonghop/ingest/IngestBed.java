package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;

/**
 * A clerk's side of the ingest job for end-to-end tests: a temporary inbox beside its archive/ and rejected/,
 * a small registry (district 063 Bạch Thông of Bắc Kạn and two communes of 064 Chợ Đồn, in the layout of
 * {@code sample-input/registry/units.csv}), fixture files dropped into office folders, {@code tonghop ingest} run
 * through the command line, and what it stored read back from PostgreSQL.
 */
final class IngestBed {

    static final String REGISTRY = """
            province_code,province_name,district_code,district_name,commune_code,commune_name,commune_type,province_type,district_type
            06,Bắc Kạn,063,Bạch Thông,01969,Phủ Thông,Thị trấn,Tỉnh,Huyện
            06,Bắc Kạn,063,Bạch Thông,01975,Vi Hương,Xã,Tỉnh,Huyện
            06,Bắc Kạn,063,Bạch Thông,01978,Sĩ Bình,Xã,Tỉnh,Huyện
            06,Bắc Kạn,063,Bạch Thông,02002,Cao Sơn,Xã,Tỉnh,Huyện
            06,Bắc Kạn,063,Bạch Thông,02005,Quân Hà,Xã,Tỉnh,Huyện
            06,Bắc Kạn,064,Chợ Đồn,02020,Bằng Lũng,Thị trấn,Tỉnh,Huyện
            06,Bắc Kạn,064,Chợ Đồn,02056,Đồng Lạc,Xã,Tỉnh,Huyện
            """;

    /** The figures every fixture carries (see src/test/tools/make-ingest-fixtures.py), by commune code. */
    static final Map<String, Map<String, Long>> FIGURES = Map.of(
            "01969", figures(92, 2500, 1800, 1750, 10, 10),
            "02002", figures(7, 235, 336, 227, 6, 6),
            "01975", figures(21, 775, 512, 498, 7, 8),
            "02005", figures(25, 1580, 420, 400, 7, 7));

    static Map<String, Long> figures(long sessions, long attendees, long households, long signed, long villagesSafe,
                                     long villages) {
        return Map.of("propaganda_sessions", sessions, "propaganda_attendees", attendees, "households_total", households,
                "households_signed", signed, "villages_safe", villagesSafe, "villages_total", villages);
    }

    /** What became of one file. */
    record Outcome(long id, String status, String format, String encoding, String sheet, String period, String rejectReason,
                   String movedTo, int rowsAccepted, int rowsRejected, int warnings) {
    }

    private final Cli cli;
    private final JdbcTemplate jdbc;
    private final Path root;

    IngestBed(ApplicationContext context, JdbcTemplate jdbc, Path root) {
        this.cli = new Cli(context);
        this.jdbc = jdbc;
        this.root = root;
        Database.clear(jdbc);
        try {
            Path registry = root.resolve("units.csv");
            Files.writeString(registry, REGISTRY, StandardCharsets.UTF_8);
            Cli.Result imported = cli.run("units", "import", registry.toString());
            assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();
            Files.createDirectories(inbox());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path root() {
        return root;
    }

    Path inbox() {
        return root.resolve("inbox");
    }

    Cli cli() {
        return cli;
    }

    /** Copies a fixture ({@code ingest/...}, or {@code read/...} when given with that folder) into an office folder. */
    Path drop(String office, String fixture) {
        return drop(office, fixture, Path.of(fixture).getFileName().toString());
    }

    Path drop(String office, String fixture, String asName) {
        String resource = "/" + (fixture.contains("/") ? fixture : "ingest/" + fixture);
        try (InputStream in = IngestBed.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + resource);
            }
            Path target = inbox().resolve(office).resolve(asName);
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            settled(target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String office, String name, byte[] content) {
        try {
            Path target = inbox().resolve(office).resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            settled(target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file dropped a while ago: finished, as far as the scan can tell. */
    static void settled(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    }

    Cli.Result ingest() {
        return cli.run("ingest", "--inbox", inbox().toString());
    }

    Outcome outcome(String fileName) {
        List<Outcome> found = jdbc.query("""
                SELECT id, status, format, encoding, sheet, period_code, reject_reason, moved_to, rows_accepted, rows_rejected, warnings
                FROM submission WHERE file_name = ? ORDER BY id""", (rs, i) -> new Outcome(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                rs.getInt(10), rs.getInt(11)), fileName);
        assertThat(found).as("submissions of %s", fileName).hasSize(1);
        return found.get(0);
    }

    /** Commune → indicator → value, as loaded from the file (superseded later or not). */
    Map<String, Map<String, Long>> values(String fileName) {
        Map<String, Map<String, Long>> values = new TreeMap<>();
        jdbc.query("""
                SELECT r.commune_code, v.indicator, v.value FROM value v JOIN report r ON r.id = v.report_id
                JOIN submission s ON s.id = r.submission_id WHERE s.file_name = ?""", rs -> {
            values.computeIfAbsent(rs.getString(1), c -> new TreeMap<>())
                    .put(rs.getString(2), rs.getBigDecimal(3).longValueExact());
        }, fileName);
        return values;
    }

    /** The period of each commune's report loaded from the file. */
    Map<String, String> periods(String fileName) {
        Map<String, String> periods = new TreeMap<>();
        jdbc.query("""
                SELECT r.commune_code, r.period_code FROM report r JOIN submission s ON s.id = r.submission_id
                WHERE s.file_name = ?""", rs -> {
            periods.put(rs.getString(1), rs.getString(2));
        }, fileName);
        return periods;
    }

    /** "severity row code: message", in the file's order. */
    List<String> issues(String fileName) {
        return jdbc.queryForList("""
                SELECT i.severity || ' ' || coalesce(i.row_number::text, '-') || ' ' || i.code || ': ' || i.message
                FROM issue i JOIN submission s ON s.id = i.submission_id WHERE s.file_name = ?
                ORDER BY i.row_number NULLS FIRST, i.id""", String.class, fileName);
    }

    /** Every regular file under a folder beside the inbox (archive, rejected, inbox), relative to it. */
    List<String> filesUnder(String folder) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Long> without(Map<String, Long> figures, String... indicators) {
        Map<String, Long> copy = new TreeMap<>(figures);
        for (String indicator : indicators) {
            copy.remove(indicator);
        }
        return copy;
    }
}
