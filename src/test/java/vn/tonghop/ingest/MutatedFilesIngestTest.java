package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.read.UnreadableReason;
import vn.tonghop.support.Cli;
import vn.tonghop.support.TonghopSpringTest;

/**
 * A few hundred damaged copies of valid fixtures, made from a fixed seed, through one ingest run: rows shuffled,
 * whole rows deleted, files truncated, single bytes flipped. Nothing escapes as an exception, every file is
 * accounted for (one submission, moved to archive/ or rejected/), and what is loaded is what the damage allows,
 * computed here from what each mutation did:
 * <ul>
 *   <li>shuffled or deleted rows leave valid rows: exactly the remaining communes' figures are loaded;</li>
 *   <li>a truncated file is rejected whole, or loads every commune whose row was complete exactly, the cut row at most
 *       deviating (a CSV has no end marker: "2.500" cut to "2.5" cannot be told from a typed value);</li>
 *   <li>a flipped byte in a CSV is rejected whole, or loads figures of the original file except on the row it
 *       touched (a "7" flipped to "6" is a valid number: no reader can tell); a flip in the title may change the
 *       period, a flip in the header may lose a column, never more;</li>
 *   <li>an .xlsx with a flipped byte or cut short is rejected whole or read exactly as the original (zip parts carry
 *       checksums); an .xls cut short likewise. (An .xls has no checksum: a flipped byte in a number record is a
 *       different number, so .xls files are only truncated here.)</li>
 * </ul>
 */
@TonghopSpringTest
class MutatedFilesIngestTest {

    private static final long SEED = 20231214L;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    /** A valid fixture: its text layout (line terminator bytes, header line) and the commune of each data line. */
    private record Base(String fixture, String format, byte[] newline, int headerLine, List<String> communes) {
    }

    private enum Kind { SHUFFLE, DELETE, TRUNCATE, FLIP }

    /** What was done to a copy, and what it lets the ingest load. */
    private record Mutant(String name, Base base, Kind kind, byte[] bytes, Set<String> keptCommunes, int touchedLine) {
    }

    /** The one Vietnamese reason a file rejected whole may be given by the readers (never a library's English). */
    private static final Set<String> CLERK_REASONS = Arrays.stream(UnreadableReason.values())
            .map(reason -> "Không đọc được tệp: " + reason.vietnamese()).collect(Collectors.toCollection(HashSet::new));

    static {
        CLERK_REASONS.add("Tệp không có dòng số liệu nào dưới dòng tiêu đề.");
    }

    private static final List<String> ENCODING_ROWS = Arrays.asList("01969", "02002", "01975", "02005", null);
    private static final byte[] CRLF = {'\r', '\n'};

    private static final List<Base> BASES = List.of(
            new Base("ma-hoa-utf8-dau-phay.csv", "csv", CRLF, 4, ENCODING_ROWS),
            new Base("ma-hoa-utf8-bom-cham-phay.csv", "csv", CRLF, 4, ENCODING_ROWS),
            new Base("ma-hoa-utf16le-tab.csv", "csv", new byte[] {'\r', 0, '\n', 0}, 4, ENCODING_ROWS),
            new Base("ma-hoa-windows1258-dau-to-hop.csv", "csv", CRLF, 4, ENCODING_ROWS),
            new Base("ma-hoa-tcvn3.csv", "csv", CRLF, 4, ENCODING_ROWS),
            new Base("ma-hoa-vni.csv", "csv", CRLF, 4, ENCODING_ROWS),
            new Base("ky-tieu-de-nam.csv", "csv", CRLF, 4, List.of("01969", "02002", "01975", "02005")),
            new Base("excel-dong-tieu-de.xlsx", "xlsx", null, 7, List.of()),
            new Base("excel-tieu-de-gop-hai-dong.xlsx", "xlsx", null, 8, List.of()),
            new Base("excel-dong-tieu-de.xls", "xls", null, 7, List.of()),
            new Base("excel-ghi-chu-chu-ky.xls", "xls", null, 7, List.of()));

    @Test
    void ingest_whenHundredsOfDamagedFiles_thenNothingEscapesEveryFileIsAccountedForAndOnlyValidRowsAreLoaded() throws IOException {
        IngestBed bed = new IngestBed(context, jdbc, work);
        List<Mutant> mutants = mutate(new Random(SEED));
        assertThat(mutants).hasSizeGreaterThanOrEqualTo(250);
        for (Mutant mutant : mutants) {
            bed.write("063", mutant.name(), mutant.bytes());
        }

        Cli.Result result = bed.ingest();

        assertThat(result.exitCode()).as(result.err()).isIn(0, 4);
        assertThat(result.out()).contains("Summary: " + mutants.size() + " files");
        assertThat(bed.filesUnder("inbox")).isEmpty();
        Set<String> moved = new HashSet<>();
        bed.filesUnder("archive").forEach(f -> moved.add(f.substring(f.lastIndexOf('/') + 1)));
        bed.filesUnder("rejected").forEach(f -> moved.add(f.substring(f.lastIndexOf('/') + 1)));
        Map<String, List<Report>> loaded = reports();
        Map<Kind, int[]> tally = new LinkedHashMap<>();
        for (Mutant mutant : mutants) {
            IngestBed.Outcome outcome = bed.outcome(mutant.name());
            assertThat(outcome.status()).as(mutant.name()).isIn("applied", "rejected");
            assertThat(outcome.movedTo()).as(mutant.name()).isNotNull();
            assertThat(moved).as(mutant.name()).contains(mutant.name());
            if (outcome.rejectReason() != null) {
                assertThat(outcome.rejectReason()).as(mutant.name()).satisfiesAnyOf(
                        reason -> assertThat(CLERK_REASONS).contains(reason),
                        reason -> assertThat(reason).startsWith("Không tìm thấy dòng tiêu đề cột của biểu mẫu ANTQ-01"),
                        reason -> assertThat(reason).startsWith("Không xác định được kỳ báo cáo"),
                        reason -> assertThat(reason).startsWith("Kỳ báo cáo không thống nhất"));
            }
            List<Report> reports = loaded.getOrDefault(mutant.name(), List.of());
            check(mutant, outcome, reports);
            tally.computeIfAbsent(mutant.kind(), k -> new int[2])[reports.isEmpty() ? 1 : 0]++;
        }
        System.out.println("Mutated files by kind, [with figures loaded, nothing loaded]: "
                + tally.entrySet().stream().map(e -> e.getKey() + "=" + Arrays.toString(e.getValue())).collect(Collectors.joining(", ")));
    }

    /** One commune's report as loaded: its period, source row and figures. */
    private record Report(String commune, String period, int row, Map<String, Long> figures) {
    }

    private Map<String, List<Report>> reports() {
        Map<Long, String> files = new HashMap<>();
        Map<Long, Report> byId = new LinkedHashMap<>();
        jdbc.query("""
                SELECT r.id, s.file_name, r.commune_code, r.period_code, r.source_row FROM report r
                JOIN submission s ON s.id = r.submission_id""", rs -> {
            files.put(rs.getLong(1), rs.getString(2));
            byId.put(rs.getLong(1), new Report(rs.getString(3), rs.getString(4), rs.getInt(5), new TreeMap<>()));
        });
        jdbc.query("SELECT report_id, indicator, value FROM value", rs -> {
            byId.get(rs.getLong(1)).figures().put(rs.getString(2), rs.getBigDecimal(3).longValueExact());
        });
        Map<String, List<Report>> reports = new HashMap<>();
        byId.forEach((id, report) -> reports.computeIfAbsent(files.get(id), f -> new ArrayList<>()).add(report));
        return reports;
    }

    private static void check(Mutant mutant, IngestBed.Outcome outcome, List<Report> reports) {
        String what = mutant.name() + " (" + mutant.kind() + " of " + mutant.base().fixture() + ", line " + mutant.touchedLine() + ")";
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        mutant.keptCommunes().forEach(c -> expected.put(c, IngestBed.FIGURES.get(c)));
        Map<String, Map<String, Long>> actual = new TreeMap<>();
        reports.forEach(r -> actual.put(r.commune(), r.figures()));
        switch (mutant.kind()) {
            case SHUFFLE, DELETE -> {
                assertThat(actual).as(what).isEqualTo(expected);
                assertThat(reports).as(what).allMatch(r -> r.period().equals("2023"));
            }
            case TRUNCATE -> {
                if (!"csv".equals(mutant.base().format())) {
                    assertThat(reports.isEmpty() || actual.equals(IngestBed.FIGURES)).as(what + ": rejected whole or exact, got " + actual)
                            .isTrue();
                    break;
                }
                // every complete row loaded exactly; only the cut row may deviate (or be missing)
                for (Report r : reports) {
                    boolean exact = IngestBed.FIGURES.get(r.commune()) != null && IngestBed.FIGURES.get(r.commune()).equals(r.figures())
                            && r.period().equals("2023");
                    assertThat(exact || r.row() == mutant.touchedLine()).as(what + ": " + r).isTrue();
                }
                if (!"rejected".equals(outcome.status())) {
                    expected.forEach((commune, figures) -> assertThat(actual).as(what).containsEntry(commune, figures));
                }
            }
            case FLIP -> {
                if (!"csv".equals(mutant.base().format())) {
                    assertThat(reports.isEmpty() || actual.equals(IngestBed.FIGURES)).as(what + ": rejected whole or exact, got " + actual)
                            .isTrue();
                    assertThat(reports).as(what).allMatch(r -> r.period().equals("2023"));
                    break;
                }
                int line = mutant.touchedLine();
                boolean titleTouched = line < mutant.base().headerLine();
                boolean headerTouched = line == mutant.base().headerLine();
                int deviating = 0;
                for (Report r : reports) {
                    if (r.row() == line || r.row() == line + 1) {
                        deviating++;
                        continue; // the touched row: a flipped digit is a valid number
                    }
                    Map<String, Long> original = IngestBed.FIGURES.get(r.commune());
                    assertThat(original).as(what + ": a commune the file does not report: " + r).isNotNull();
                    assertThat(original).as(what + ": figures not of the original row: " + r).containsAllEntriesOf(r.figures());
                    if (!headerTouched) {
                        assertThat(r.figures()).as(what).isEqualTo(original);
                    }
                    if (!titleTouched) {
                        assertThat(r.period()).as(what).isEqualTo("2023");
                    }
                }
                assertThat(deviating).as(what).isLessThanOrEqualTo(2);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Mutations
    // ---------------------------------------------------------------------------------------------------------

    private static List<Mutant> mutate(Random random) throws IOException {
        List<Mutant> mutants = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Base base : BASES) {
            byte[] original = bytes(base.fixture());
            seen.add(sha(original));
            boolean csv = "csv".equals(base.format());
            Map<Kind, Integer> counts = csv
                    ? Map.of(Kind.SHUFFLE, 3, Kind.DELETE, 3, Kind.TRUNCATE, 8, Kind.FLIP, 18)
                    : "xlsx".equals(base.format()) ? Map.of(Kind.TRUNCATE, 6, Kind.FLIP, 30) : Map.of(Kind.TRUNCATE, 10);
            for (Kind kind : Kind.values()) {
                int wanted = counts.getOrDefault(kind, 0);
                for (int attempt = 0, made = 0; made < wanted && attempt < wanted * 20; attempt++) {
                    Mutant mutant = mutant(base, original, kind, random, mutants.size() + 1);
                    if (mutant != null && seen.add(sha(mutant.bytes()))) {
                        mutants.add(mutant);
                        made++;
                    }
                }
            }
        }
        return mutants;
    }

    private static Mutant mutant(Base base, byte[] original, Kind kind, Random random, int number) {
        String name = String.format("dot-bien-%03d-%s.%s", number, kind.name().toLowerCase(java.util.Locale.ROOT), base.format());
        Set<String> all = new HashSet<>(IngestBed.FIGURES.keySet());
        switch (kind) {
            case SHUFFLE, DELETE -> {
                List<byte[]> lines = lines(original, base.newline());
                List<byte[]> head = new ArrayList<>(lines.subList(0, base.headerLine()));
                List<byte[]> data = new ArrayList<>(lines.subList(base.headerLine(), lines.size()));
                List<String> communes = new ArrayList<>(base.communes());
                Set<String> kept = new HashSet<>(all);
                if (kind == Kind.SHUFFLE) {
                    long seed = random.nextLong();
                    Collections.shuffle(data, new Random(seed));
                } else {
                    int deletions = 1 + random.nextInt(data.size());
                    for (int i = 0; i < deletions; i++) {
                        int at = random.nextInt(data.size());
                        data.remove(at);
                        kept.remove(communes.remove(at));
                    }
                }
                head.addAll(data);
                return new Mutant(name, base, kind, concat(head), kept, -1);
            }
            case TRUNCATE -> {
                int cut = 1 + random.nextInt(original.length - 1);
                byte[] bytes = Arrays.copyOf(original, cut);
                if (!"csv".equals(base.format())) {
                    return new Mutant(name, base, kind, bytes, all, -1);
                }
                // the rows whose line ended (terminator included) before the cut are complete
                Set<String> complete = new HashSet<>();
                int lineStart = 0;
                int line = 1;
                List<byte[]> lines = lines(original, base.newline());
                for (byte[] l : lines) {
                    int end = lineStart + l.length;
                    if (end <= cut && line > base.headerLine() && base.communes().get(line - base.headerLine() - 1) != null) {
                        complete.add(base.communes().get(line - base.headerLine() - 1));
                    }
                    lineStart = end;
                    line++;
                }
                return new Mutant(name, base, kind, bytes, complete, lineOf(original, cut - 1, base.newline()));
            }
            case FLIP -> {
                byte[] bytes = original.clone();
                int at = random.nextInt(bytes.length);
                bytes[at] ^= (byte) (1 + random.nextInt(255));
                return new Mutant(name, base, kind, bytes, all, base.newline() == null ? -1 : lineOf(original, at, base.newline()));
            }
            default -> throw new IllegalStateException();
        }
    }

    /** The file's lines, each with its terminator (a BOM stays with the first). */
    private static List<byte[]> lines(byte[] bytes, byte[] newline) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i + newline.length <= bytes.length; i += newline.length == 4 ? 2 : 1) {
            if (Arrays.equals(bytes, i, i + newline.length, newline, 0, newline.length)) {
                lines.add(Arrays.copyOfRange(bytes, start, i + newline.length));
                start = i + newline.length;
                i = start - (newline.length == 4 ? 2 : 1);
            }
        }
        if (start < bytes.length) {
            lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }

    /** The 1-based line holding byte {@code offset}. */
    private static int lineOf(byte[] bytes, int offset, byte[] newline) {
        int line = 1;
        int start = 0;
        for (byte[] l : lines(bytes, newline)) {
            if (offset < start + l.length) {
                return line;
            }
            start += l.length;
            line++;
        }
        return line;
    }

    private static byte[] concat(List<byte[]> parts) {
        int size = parts.stream().mapToInt(p -> p.length).sum();
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static byte[] bytes(String fixture) throws IOException {
        try (InputStream in = MutatedFilesIngestTest.class.getResourceAsStream("/ingest/" + fixture)) {
            return in.readAllBytes();
        }
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
