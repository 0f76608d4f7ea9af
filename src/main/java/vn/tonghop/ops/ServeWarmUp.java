package vn.tonghop.ops;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.tonghop.export.AggregatesCsvExporter;
import vn.tonghop.export.pack.PackExporter;
import vn.tonghop.export.xlsx.NewWorkbook;
import vn.tonghop.export.xlsx.WorksheetWriter;
import vn.tonghop.form.ColumnRole;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.ReportForm;
import vn.tonghop.layout.HeaderVocabulary;
import vn.tonghop.layout.LocatedTable;
import vn.tonghop.layout.RowExtractor;
import vn.tonghop.layout.TableLocator;
import vn.tonghop.read.TableFile;
import vn.tonghop.read.TableFiles;
import vn.tonghop.read.UnreadableFileException;
import vn.tonghop.registry.RegistryCache;

/**
 * {@code serve} runs for months; its first run should not be the one that pays for loading and compiling the code
 * that reads workbooks and CSV files and writes results (a second and more of a nightly run of five files), nor
 * for loading the unit registry. As serve starts, on a background thread of low priority, the registry is loaded
 * into the {@link RegistryCache} the runs share (read only; it reloads by itself when the units change), and a
 * district-sized workbook and CSV are written to a temporary folder, read back as the read step reads files, and
 * deleted, and so is the latest year's conference pack of one province. Nothing of it is written to the database or
 * the inbox.
 */
@Component
public class ServeWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ServeWarmUp.class);
    /** What the log says once the warm-up is over (the benchmark waits for it: serve started and idle). */
    public static final String DONE = "Serve warm-up done";

    private final ReportForm form;
    private final HeaderVocabulary vocabulary;
    private final RegistryCache registry;
    private final PackExporter packs;
    private final AggregatesCsvExporter aggregates;

    @org.springframework.beans.factory.annotation.Autowired
    public ServeWarmUp(ReportForm form, HeaderVocabulary vocabulary, RegistryCache registry, PackExporter packs,
                       AggregatesCsvExporter aggregates) {
        this.form = form;
        this.vocabulary = vocabulary;
        this.registry = registry;
        this.packs = packs;
        this.aggregates = aggregates;
    }

    /** Without the registry and the exports: only the reading and writing of files is warmed up. */
    public ServeWarmUp(ReportForm form, HeaderVocabulary vocabulary) {
        this(form, vocabulary, null, null, null);
    }

    /** Starts the warm-up on a daemon thread. */
    public void start() {
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            loadRegistry();
            warmUp();
            warmUpPacks();
            log.info("{} in {} ms", DONE, (System.nanoTime() - started) / 1_000_000);
        }, "serve-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Loads the registry the first run would otherwise load (some 10,000 communes for the whole country). */
    boolean loadRegistry() {
        try {
            return !registry.current().isEmpty();
        } catch (RuntimeException e) {
            log.debug("Registry not loaded ahead: {}", e.toString());
            return false;
        }
    }

    /**
     * Writes {@code aggregates.csv} and builds the latest year's conference pack of one province into a temporary
     * folder, read from the aggregates but recorded nowhere (the first run's first pack paid some 0.6 s for loading and
     * compiling the code that builds it, and the receiving of a national aggregates.csv ran interpreted at first).
     *
     * @return the files written, then deleted: aggregates.csv, a workbook and its summary; none before anything was
     *         aggregated
     */
    int warmUpPacks() {
        if (packs == null) {
            return 0;
        }
        long started = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tonghop-warm-up-packs-");
            int written = exportsInto(dir).size();
            log.debug("Warmed up the conference packs in {} ms ({} files)", (System.nanoTime() - started) / 1_000_000, written);
            return written;
        } catch (IOException | RuntimeException e) {
            log.debug("Pack warm-up failed: {}", e.toString());
            return 0;
        } finally {
            delete(dir);
        }
    }

    /** The warm-up's exports, into {@code dir}: the latest year's pack of one province, then aggregates.csv. */
    List<Path> exportsInto(Path dir) throws IOException {
        List<Path> written = new java.util.ArrayList<>(packs.warmUp(dir));
        if (!written.isEmpty()) {
            aggregates.export(dir, List.of(), null);
            written.add(dir.resolve(AggregatesCsvExporter.FILE_NAME));
        }
        return written;
    }

    /** @return the data rows read back from the two files (two commune rows each, so 4 when all went well) */
    int warmUp() {
        long started = System.nanoTime();
        Path dir = null;
        int rows = 0;
        try {
            dir = Files.createTempDirectory("tonghop-warm-up-");
            List<Indicator> indicators = form.indicators().subList(0, Math.min(6, form.indicators().size()));
            // the form's own headers, as a clerk's file has them
            String code = form.aliases(ColumnRole.UNIT_CODE).get(0);
            String name = form.aliases(ColumnRole.UNIT_NAME).get(0);
            Path workbook = dir.resolve("huyen-mau-2023.xlsx");
            try (NewWorkbook book = new NewWorkbook(workbook);
                 NewWorkbook.Sheet sheet = book.sheet("Sheet1", false, new WorksheetWriter.Setup(true, 1, Map.of(), false))) {
                WorksheetWriter w = sheet.rows();
                w.startRow(0, 0);
                w.text(0, code, 0);
                w.text(1, name, 0);
                for (int i = 0; i < indicators.size(); i++) {
                    w.text(2 + i, indicators.get(i).header(), 0);
                }
                for (int r = 1; r <= 2; r++) {
                    w.startRow(r, 0);
                    w.text(0, "0196" + r, 0);
                    w.text(1, "Commune " + r, 0);
                    for (int i = 0; i < indicators.size(); i++) {
                        w.number(2 + i, 10 + r + i, 0);
                    }
                }
            }
            Path csv = dir.resolve("huyen-mau-2023.csv");
            try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write(code + ";" + name + ";" + String.join(";", indicators.stream().map(Indicator::header).toList()) + "\n");
                out.write("01969;Commune A;" + String.join(";", indicators.stream().map(i -> "1.800").toList()) + "\n");
                out.write("01975;Commune B;" + String.join(";", indicators.stream().map(i -> "07").toList()) + "\n");
            }
            for (Path file : List.of(workbook, csv)) {
                try (TableFile table = new TableFiles().open(file)) {
                    Optional<LocatedTable> located = new TableLocator(vocabulary).locate(table);
                    if (located.isPresent()) {
                        try (RowExtractor extractor = new RowExtractor(table, located.get(), vocabulary, null)) {
                            while (extractor.hasNext()) {
                                extractor.next();
                                rows++;
                            }
                        }
                    }
                }
            }
            log.debug("Warmed up reading and writing in {} ms ({} rows)", (System.nanoTime() - started) / 1_000_000, rows);
        } catch (IOException | UnreadableFileException | RuntimeException e) {
            log.debug("Warm-up failed: {}", e.toString());
        } finally {
            delete(dir);
        }
        return rows;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.debug("warm-up folder {} left: {}", dir, e.toString());
        }
    }
}
