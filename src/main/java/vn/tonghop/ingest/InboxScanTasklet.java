package vn.tonghop.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.form.FormCatalogSync;
import vn.tonghop.load.Submission;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.ops.RunProgress;
import vn.tonghop.validate.Messages;

/**
 * Scan step: lists the inbox, hashes every file (SHA-256, streamed; not those over the size limit, which are
 * rejected unread) and registers it as a submission;
 * a file whose content was already received is registered as a duplicate and never read again.
 * Files are taken in the order they arrived (modification time, then path), so a later correction
 * supersedes the earlier file. A file still being written is left in the inbox for the next run.
 */
final class InboxScanTasklet implements Tasklet {

    /** The scan step's context entry listing the files left in the inbox because they were still being written. */
    static final String WAITING_KEY = "waiting";

    private static final Logger log = LoggerFactory.getLogger(InboxScanTasklet.class);

    private final InboxLayout layout;
    private final SubmissionRepository submissions;
    private final JdbcTemplate jdbc;
    private final FormCatalogSync catalog;
    private final Messages messages;
    private final IngestSettings settings;
    private final RunProgress progress;

    InboxScanTasklet(InboxLayout layout, SubmissionRepository submissions, JdbcTemplate jdbc, FormCatalogSync catalog, Messages messages,
                     IngestSettings settings, RunProgress progress) {
        this.layout = layout;
        this.submissions = submissions;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.messages = messages;
        this.settings = settings;
        this.progress = progress;
    }

    private record Found(Path path, String relative, String office, Instant modified, long size) {
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        catalog.sync();
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        Path inbox = layout.inbox();
        if (!Files.isDirectory(inbox)) {
            Files.createDirectories(inbox);
            log.info("Inbox {} did not exist; created it empty", inbox);
        }
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(inbox)) {
            files.forEach(path -> {
                if (Files.isSymbolicLink(path)) {
                    log.warn("{} is a symbolic link; not taken (only files really in the inbox are read)", path);
                    return;
                }
                if (!InboxLayout.isWaiting(path)) {
                    return;
                }
                Path relative = inbox.relativize(path);
                String office = relative.getNameCount() > 1 ? relative.getName(0).toString() : null;
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    found.add(new Found(path, portable(relative), office,
                            attributes.lastModifiedTime().toInstant(), attributes.size()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        found.sort(Comparator.comparing(Found::modified).thenComparing(Found::relative));
        List<String> waiting = new ArrayList<>();
        int registered = 0;
        List<Found> settled = settled(found, waiting);
        // Files this run registered before a restart: one query, not one per file of a national year.
        java.util.Set<String> known = new java.util.HashSet<>(
                jdbc.queryForList("SELECT inbox_path FROM submission WHERE run_id = ?", String.class, runId));
        progress.phase(RunProgress.Phase.SCAN, settled.size(), settled.stream().mapToLong(Found::size).sum());
        List<Found> toRegister = new ArrayList<>();
        for (Found file : settled) {
            if (known.contains(file.relative())) {
                progress.fileDone(file.size(), 0); // registered before a restart of this run
            } else {
                toRegister.add(file);
            }
        }
        java.util.concurrent.ForkJoinPool hashers = new java.util.concurrent.ForkJoinPool(Math.max(1, settings.threads()));
        try {
            for (int from = 0; from < toRegister.size(); from += REGISTER_BATCH) {
                List<Found> batch = toRegister.subList(from, Math.min(toRegister.size(), from + REGISTER_BATCH));
                registered += register(runId, batch, waiting, hashers);
            }
        } finally {
            hashers.shutdownNow();
        }
        contribution.incrementWriteCount(registered);
        if (!waiting.isEmpty()) {
            log.info("Still being written, left for the next run: {}", waiting);
        }
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putString(WAITING_KEY, String.join("\n", waiting));
        log.info("Scan of {}: {} new file(s)", inbox, registered);
        return RepeatStatus.FINISHED;
    }

    /** Files hashed side by side and registered in one statement, this many at a time. */
    static final int REGISTER_BATCH = 500;

    /**
     * One batch of files, in arrival order: hashed (on the ingest's threads: the checksum is most of the scan's work), those
     * written to meanwhile left for the next run, the rest registered in one statement; a file with the content of an
     * earlier file (of an earlier run, of this one, or of this batch) is marked its duplicate, all at once.
     *
     * @return the files registered
     */
    private int register(long runId, List<Found> batch, List<String> waiting, java.util.concurrent.ForkJoinPool hashers) throws IOException {
        List<String> shas = hashAll(batch, hashers);
        List<SubmissionRepository.NewFile> files = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Found file = batch.get(i);
            progress.fileDone(file.size(), 0);
            if (changed(file)) {
                waiting.add(file.relative()); // written to while it was being hashed
                continue;
            }
            files.add(new SubmissionRepository.NewFile(file.office(), file.path().getFileName().toString(), file.relative(), shas.get(i),
                    file.size(), file.modified()));
        }
        long[] ids = submissions.registerAll(runId, files);
        if (ids.length == 0) {
            return 0;
        }
        // The original of each content: the earliest such file before this batch that counts, else this batch's first.
        Map<String, Submission> originals = submissions.firstWithChecksums(
                files.stream().map(SubmissionRepository.NewFile::sha256).collect(Collectors.toSet()), ids[0]);
        Map<String, Integer> firstInBatch = new HashMap<>();
        List<Long> duplicates = new ArrayList<>();
        List<Long> of = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
        for (int i = 0; i < files.size(); i++) {
            SubmissionRepository.NewFile file = files.get(i);
            Submission original = originals.get(file.sha256());
            if (original == null) {
                Integer first = firstInBatch.putIfAbsent(file.sha256(), i);
                if (first == null) {
                    continue; // the first of its content: the original
                }
                original = submissions.find(ids[first]).orElseThrow();
                originals.put(file.sha256(), original);
            }
            duplicates.add(ids[i]);
            of.add(original.id());
            reasons.add(messages.get("file.duplicate", original.inboxPath(),
                    original.receivedAt().atZoneSameInstant(ZoneId.systemDefault()).format(time)));
            log.info("{}: same content as submission {} ({}); counted once", file.inboxPath(), original.id(), original.inboxPath());
        }
        submissions.markDuplicates(duplicates, of, reasons);
        return ids.length;
    }

    /** The batch's checksums, in its order, computed on the pool's threads (a parallel stream run inside it stays there). */
    private List<String> hashAll(List<Found> batch, java.util.concurrent.ForkJoinPool hashers) throws IOException {
        try {
            return hashers.submit(() -> batch.parallelStream().map(file -> {
                try {
                    return file.size() > settings.maxFileBytes() ? unhashed(file) : sha256(file.path());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList()).get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while hashing the inbox's files", e);
        }
    }

    /**
     * The relative path with {@code /} between its names, on every system. A backslash inside a name (legal on
     * Linux: a folder called {@code ..\..}) stays part of that name and is never read as a separator.
     */
    static String portable(Path relative) {
        StringBuilder text = new StringBuilder();
        for (Path name : relative) {
            if (!text.isEmpty()) {
                text.append('/');
            }
            text.append(name);
        }
        return text.toString();
    }

    /**
     * The files that are not being written any more. A file modified within the settle time may still be
     * growing (a copy over the network, a scanner): the scan waits once, until the newest such file is that old,
     * and keeps it only if its size and modification time did not change meanwhile; the others stay in the
     * inbox, listed in {@code waiting}, for the next run.
     */
    private List<Found> settled(List<Found> found, List<String> waiting) throws IOException {
        Duration settle = Duration.ofSeconds(settings.settleSeconds());
        Instant now = Instant.now();
        Instant newest = found.stream().map(Found::modified).filter(m -> m.isAfter(now.minus(settle)))
                .max(Comparator.naturalOrder()).orElse(null);
        if (newest == null) {
            return found;
        }
        Duration wait = Duration.between(now, newest.plus(settle));
        if (wait.compareTo(settle) > 0) {
            wait = settle; // a modification time in the future (a clock off): wait no longer than the settle time
        }
        try {
            Thread.sleep(Math.max(0, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for files being written", e);
        }
        List<Found> kept = new ArrayList<>();
        for (Found file : found) {
            if (changed(file)) {
                waiting.add(file.relative());
            } else {
                kept.add(file);
            }
        }
        return kept;
    }

    /** Whether a file's size or modification time differ from when it was listed (or it is gone). */
    private static boolean changed(Found file) throws IOException {
        try {
            BasicFileAttributes now = Files.readAttributes(file.path(), BasicFileAttributes.class);
            return now.size() != file.size() || !now.lastModifiedTime().toInstant().equals(file.modified());
        } catch (java.nio.file.NoSuchFileException gone) {
            return true;
        }
    }

    /**
     * The checksum recorded for a file over the size limit, which is rejected unread: hashing a gigabyte would
     * cost seconds for nothing. Unique to the file as dropped, so it is never taken for another one.
     */
    private static String unhashed(Found file) {
        return "unhashed:" + file.size() + ":" + file.modified().toEpochMilli() + ":" + file.relative();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
