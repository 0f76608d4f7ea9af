package vn.tonghop.export.pack;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.tonghop.aggregate.TodayUnitsAggregator;
import vn.tonghop.form.ReportForm;
import vn.tonghop.validate.Messages;

/**
 * Writes conference packs: for one province, or (no province given) for every province that has a report for the
 * year and is in force at the year's end, {@code tonghop-<province>-<year>.xlsx} and its one-page summary
 * {@code tonghop-<province>-<year>.html}. The years compared (this one and the two before) are first brought into
 * today's units again, so a registry or mapping imported since they were aggregated counts. Each file is written
 * to a temporary name and renamed.
 */
@Component
public class PackExporter {

    private static final Logger log = LoggerFactory.getLogger(PackExporter.class);

    private final PackRepository repository;
    private final TodayUnitsAggregator todayUnits;
    private final ReportForm form;
    private final PackSettings settings;
    private final DeadlineSettings deadlines;
    private final PackText text;

    public PackExporter(PackRepository repository, TodayUnitsAggregator todayUnits, ReportForm form, PackSettings settings,
                        DeadlineSettings deadlines, Messages messages) {
        this.repository = repository;
        this.todayUnits = todayUnits;
        this.form = form;
        this.settings = settings;
        this.deadlines = deadlines;
        this.text = new PackText(messages);
    }

    /**
     * @param province a province code, or null for every province with data
     * @return the files written, workbook then summary for each province
     */
    public List<Path> export(Path outDir, int year, String province) throws IOException {
        return export(outDir, year, province, false).files();
    }

    /** What a pack export did: the files written, workbook then summary for each province, and the packs left as they were. */
    public record Written(List<Path> files, int upToDate) {
    }

    /**
     * @param province    a province code, or null for every province with data
     * @param changedOnly true to skip a province whose pack in {@code outDir} was written from its current
     *                    aggregates and is still there (a nightly run: only the provinces its files touched)
     */
    public Written export(Path outDir, int year, String province, boolean changedOnly) throws IOException {
        PackColumns columns = new PackColumns(form, settings, text);
        List<String> withData = province == null ? repository.provincesWithData(year)
                : repository.hasData(year, province) ? List.of(province) : List.of();
        List<Path> written = new ArrayList<>();
        if (withData.isEmpty()) {
            log.info("No conference pack for {}: no province has aggregates{}", year, province == null ? "" : " (asked for " + province + ")");
            return new Written(written, 0);
        }
        String outKey = outDir.toAbsolutePath().normalize().toString();
        Map<String, Long> versions = new LinkedHashMap<>();
        for (String code : withData) {
            Long version = repository.version(year, code);
            if (changedOnly && version != null && version.equals(repository.writtenVersion(outKey, year, code))
                    && Files.exists(outDir.resolve(ConferencePack.workbookName(code, year)))
                    && Files.exists(outDir.resolve(ConferencePack.htmlName(code, year)))) {
                continue;
            }
            versions.put(code, version);
        }
        if (versions.isEmpty()) {
            log.info("Conference packs {}: all {} up to date in {}", year, withData.size(), outKey);
            return new Written(written, withData.size());
        }
        if (versions.size() < withData.size()) {
            log.info("Conference packs {}: {} of {} provinces changed since written to {}", year, versions.size(), withData.size(), outKey);
        }
        for (int y = year - 2; y <= year; y++) {
            todayUnits.rebuild(y);
        }
        Files.createDirectories(outDir);
        LocalDate today = LocalDate.now(deadlines.zoneId());
        PackWorkbook workbook = new PackWorkbook(columns, text, deadlines, settings.chartUnits());
        HtmlSummary summary = new HtmlSummary(columns, text, settings.chartUnits());
        // Figures are read here, one province after another, in the step's transaction (today's units were just
        // rebuilt in it); the files are built on the pack threads, at most as many packs in memory as threads.
        ExecutorService writers = Executors.newFixedThreadPool(settings.threads(), daemon("pack-"));
        Semaphore room = new Semaphore(settings.threads());
        List<Future<List<Path>>> files = new ArrayList<>();
        try {
            for (String code : versions.keySet()) {
                room.acquireUninterruptibly();
                ConferencePack pack;
                try {
                    pack = repository.load(year, code, text, today);
                } catch (RuntimeException e) {
                    room.release();
                    throw e;
                }
                files.add(writers.submit(() -> {
                    try {
                        return write(pack, outDir, workbook, summary);
                    } finally {
                        room.release();
                    }
                }));
            }
            List<String> codes = List.copyOf(versions.keySet());
            for (int i = 0; i < files.size(); i++) {
                written.addAll(result(files.get(i)));
                repository.recordWritten(outKey, year, codes.get(i), versions.get(codes.get(i)));
            }
        } finally {
            writers.shutdownNow();
        }
        return new Written(written, withData.size() - versions.size());
    }

    /**
     * For {@code serve}'s warm-up ({@code ops/ServeWarmUp}): the latest year's pack of its first province with data, read
     * and written to {@code dir} as a run would, nothing recorded and nothing rebuilt, so that the first run's first pack
     * does not pay for loading and compiling the code that builds packs (some 0.6 s).
     *
     * @return the files written into {@code dir}; none when nothing has been aggregated yet
     */
    public List<Path> warmUp(Path dir) throws IOException {
        java.util.Optional<Integer> year = repository.latestYear();
        if (year.isEmpty()) {
            return List.of();
        }
        List<String> provinces = repository.provincesWithData(year.get());
        if (provinces.isEmpty()) {
            return List.of();
        }
        PackColumns columns = new PackColumns(form, settings, text);
        ConferencePack pack = repository.load(year.get(), provinces.get(0), text, LocalDate.now(deadlines.zoneId()));
        Path xlsx = dir.resolve(pack.workbookName());
        new PackWorkbook(columns, text, deadlines, settings.chartUnits()).write(pack, xlsx);
        Path html = dir.resolve(pack.htmlName());
        Files.writeString(html, new HtmlSummary(columns, text, settings.chartUnits()).render(pack), StandardCharsets.UTF_8);
        return List.of(xlsx, html);
    }

    /** The province's workbook and its one-page summary. */
    private static List<Path> write(ConferencePack pack, Path outDir, PackWorkbook workbook, HtmlSummary summary) throws IOException {
        Path xlsx = outDir.resolve(pack.workbookName());
        replace(xlsx, temporary -> workbook.write(pack, temporary));
        Path html = outDir.resolve(pack.htmlName());
        replace(html, temporary -> {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(summary.render(pack));
            }
        });
        log.info("Conference pack {} {}: {} units, {} communes, {} warnings", pack.provinceCode(), pack.year(), pack.units().size(),
                pack.communes().size(), pack.warnings().size());
        return List.of(xlsx, html);
    }

    private static List<Path> result(Future<List<Path>> pack) throws IOException {
        try {
            return pack.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing conference packs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private interface FileContent {
        void writeTo(Path temporary) throws IOException;
    }

    private static void replace(Path target, FileContent content) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            content.writeTo(temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
