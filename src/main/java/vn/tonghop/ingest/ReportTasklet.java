package vn.tonghop.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tonghop.export.ResultCsvWriter;
import vn.tonghop.export.ResultWorkbookWriter;
import vn.tonghop.layout.LocatedTable;
import vn.tonghop.load.IssueRepository;
import vn.tonghop.load.Submission;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.ops.RunProgress;
import vn.tonghop.registry.RegistryCache;
import vn.tonghop.registry.UnitRegistry;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.Severity;

/**
 * Report step: writes each file's results ({@code <name>.ketqua.csv} and the marked-up {@code <name>.ketqua.xlsx})
 * and moves the file out of the inbox (several offices' files at once, {@code tonghop.ingest.threads}), to
 * {@code archive/<day>/<office>/} or, when nothing of it could be accepted, {@code rejected/<day>/<office>/}.
 * The file itself is never modified. Per file: file moved, results written beside it; the moves of a batch of an
 * office's files recorded together (one transaction). A run killed between a move and its record is finished by the
 * restart, which finds the moved file by its checksum instead of moving it twice, and writes its results again.
 */
final class ReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);
    /**
     * Above this size a file's marked-up copy may take a hundred megabytes or more of heap while it is built (see
     * {@link ResultWorkbookWriter}): it is built alone. A district's monthly file is a few tens of kilobytes.
     */
    static final long LARGE_FILE_BYTES = 256 * 1024;
    /** Up to this many issues a file's are held in memory while its results are written; more are streamed. */
    static final int ISSUES_HELD = 5_000;

    private final InboxLayout layout;
    private final SubmissionRepository submissions;
    private final IssueRepository issues;
    private final ResultCsvWriter csv;
    private final ResultWorkbookWriter workbook;
    private final RegistryCache registryCache;
    private final Messages messages;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate readTransaction;
    private final RunProgress progress;
    private final int threads;
    private final LocatedTables locatedTables;
    private final AppliedSignal appliedSignal;
    /** Small files are reported side by side (read lock); a large one alone (write lock). */
    private final ReadWriteLock oneAtATime = new ReentrantReadWriteLock();
    /** The folders this execution has made sure of: an office's thirteen files go to one (a system call or two each). */
    private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    ReportTasklet(InboxLayout layout, SubmissionRepository submissions, IssueRepository issues, ResultCsvWriter csv,
                  ResultWorkbookWriter workbook, RegistryCache registryCache, Messages messages, TransactionTemplate ownTransaction,
                  TransactionTemplate readTransaction, RunProgress progress, int threads, LocatedTables locatedTables,
                  AppliedSignal appliedSignal) {
        this.layout = layout;
        this.submissions = submissions;
        this.issues = issues;
        this.csv = csv;
        this.workbook = workbook;
        this.registryCache = registryCache;
        this.messages = messages;
        this.ownTransaction = ownTransaction;
        this.readTransaction = readTransaction;
        this.progress = progress;
        this.threads = threads;
        this.locatedTables = locatedTables;
        this.appliedSignal = appliedSignal;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        LocalDate today = LocalDate.now();
        folders.clear();
        UnitRegistry registry = registryCache.current();
        List<Submission> toMove = submissions.byRun(runId).stream().filter(s -> s.movedTo() == null).toList();
        progress.phase(RunProgress.Phase.REPORT, toMove.size(), 0);
        // The files holding an annual report last: run's aggregation, beside this step, checks those reports against the
        // sub-periods of their year, and their results are written once it has committed, with its warnings.
        java.util.Set<Long> annual = submissions.withAnnualReports(runId);
        List<Submission> first = toMove.stream().filter(s -> !annual.contains(s.id())).toList();
        List<Long> last = toMove.stream().map(Submission::id).filter(annual::contains).toList();
        AtomicInteger done = new AtomicInteger();
        reportAll(first, registry, today, done);
        if (!last.isEmpty()) {
            if (appliedSignal.awaitAggregated()) {
                log.debug("{} file(s) with an annual report reported after the aggregation", last.size());
            }
            // read again: the aggregation recounted the warnings of the files its check warns about
            reportAll(submissions.byIds(last), registry, today, done);
        }
        contribution.incrementWriteCount(done.get());
        return RepeatStatus.FINISHED;
    }

    private void reportAll(List<Submission> files, UnitRegistry registry, LocalDate today, AtomicInteger done) throws IOException {
        // One office's files go to one folder, where a name may be taken by the file before: an office's files
        // are reported one after another, different offices side by side.
        Collection<List<Submission>> byOffice = files.stream()
                .collect(Collectors.groupingBy(s -> Objects.toString(s.officeCode(), ""), LinkedHashMap::new, Collectors.toList())).values();
        if (threads <= 1 || byOffice.size() <= 1) {
            for (List<Submission> office : byOffice) {
                reportOffice(office, registry, today, done);
            }
        } else {
            reportInParallel(byOffice, registry, today, done);
        }
    }

    private void reportInParallel(Collection<List<Submission>> byOffice, UnitRegistry registry, LocalDate today, AtomicInteger done)
            throws IOException {
        AtomicInteger number = new AtomicInteger();
        // Writing a district's results waits on the disk and the database as much as it computes: twice as many
        // offices side by side as there are threads reading, each office's files still one after another.
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(2 * threads, byOffice.size()), task -> {
            Thread thread = new Thread(task, "report-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> offices = new ArrayList<>();
            for (List<Submission> files : byOffice) {
                offices.add(pool.submit(() -> {
                    reportOffice(files, registry, today, done);
                    return null;
                }));
            }
            Throwable failure = null;
            for (Future<?> office : offices) {
                try {
                    office.get();
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    pool.shutdownNow();
                    throw new IOException("interrupted while writing results", e);
                }
            }
            if (failure instanceof IOException io) {
                throw io;
            } else if (failure instanceof RuntimeException runtime) {
                throw runtime;
            } else if (failure != null) {
                throw new IllegalStateException(failure);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Files recorded as moved in one statement, and issues fetched in one query, this many at a time. */
    static final int BATCH = 50;

    /**
     * One office's files, one after another (they share a folder where a name may be taken), in batches: the batch's
     * issues fetched in one query, each file's results written and the file moved, then the batch's moves recorded in
     * one transaction. A run killed before the record finds the moved files again by their checksum.
     */
    private void reportOffice(List<Submission> files, UnitRegistry registry, LocalDate today, AtomicInteger done) throws IOException {
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Submission> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            Map<Long, List<Issue>> fetched = readTransaction.execute(status -> issues.forResults(
                    batch.stream().map(Submission::id).toList(), ISSUES_HELD + 1));
            Map<Long, String> moved = new LinkedHashMap<>();
            try {
                for (Submission submission : batch) {
                    moved.put(submission.id(), report(submission, registry, today, fetched.getOrDefault(submission.id(), List.of())));
                    done.incrementAndGet();
                }
            } finally {
                if (!moved.isEmpty()) {
                    ownTransaction.executeWithoutResult(status -> submissions.markMoved(moved));
                }
            }
        }
    }

    /**
     * One file: file moved, results written; returns where it went (relative to the inbox's parent), for the batch
     * to record. A large workbook's marked-up copy is built with no other file's beside it, so two of them never
     * share the heap.
     *
     * @param few the file's issues, fetched with its batch's: all of them unless there are more than {@link #ISSUES_HELD}
     */
    private String report(Submission submission, UnitRegistry registry, LocalDate today, List<Issue> few) throws IOException {
        Lock lock = submission.sizeBytes() > LARGE_FILE_BYTES ? oneAtATime.writeLock() : oneAtATime.readLock();
        lock.lock();
        try {
            Path source = layout.file(submission.inboxPath());
            boolean rejected = isRejected(submission);
            // Neither the folder nor the file name is trusted to build the path: both are made safe, and kept inside.
            Path folder = layout.destination(rejected, today, submission.officeCode());
            Optional<Path> movedBefore = Files.exists(source) ? Optional.empty() : findMoved(submission, rejected, today);
            Path target;
            if (movedBefore.isPresent()) {
                target = movedBefore.get();
                folder = target.getParent();
                log.info("{} was moved to {} by an interrupted run; recording it", submission.inboxPath(), target);
            } else {
                if (!folders.contains(folder)) {
                    Files.createDirectories(folder);
                    folders.add(folder);
                }
                target = freeName(folder, submission.fileName());
            }
            // The file is moved first, its results written beside it after: a run killed in between leaves the file
            // moved and unrecorded, which the restart finds by its checksum and writes the results of. (The other way
            // round, results without their file would take the file's name, and the restart would archive it as "-2".)
            if (movedBefore.isEmpty()) {
                if (Files.exists(source)) {
                    move(source, target);
                } else {
                    log.warn("{} is no longer in the inbox; results written to {}", submission.inboxPath(), folder);
                }
            }
            writeResults(submission, registry, target, folder, few);
            progress.fileDone(submission.sizeBytes(), 0);
            return layout.root().relativize(target).toString().replace('\\', '/');
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code .ketqua.csv} and {@code .ketqua.xlsx}. The workbook goes through the issues several times (to count
     * them, then to mark each sheet): a file's few issues are fetched once, a file's thousands streamed from the
     * database each time (in a transaction: a cursor), so a file with a million bad cells fits in memory.
     */
    private void writeResults(Submission submission, UnitRegistry registry, Path target, Path folder, List<Issue> fetched)
            throws IOException {
        String stem = stem(target.getFileName().toString());
        Optional<LocatedTables.Handover> handover = locatedTables.take(submission.id());
        try {
            readTransaction.executeWithoutResult(status -> {
                try {
                    List<Issue> few = fetched;
                    Supplier<Stream<Issue>> found = few.size() <= ISSUES_HELD ? few::stream : () -> issues.streamForResults(submission.id());
                    try (Stream<Issue> all = found.get()) {
                        csv.write(InboxLayout.fileIn(folder, stem + ".ketqua.csv"), Stream.concat(Stream.concat(duplicateNote(submission), sheetNote(submission)), all));
                    }
                    if (workbook.enabled()) {
                        ResultWorkbookWriter.Mode mode = workbook.write(target,
                                InboxLayout.fileIn(folder, stem + ".ketqua.xlsx"), submission, office(registry, submission.officeCode()), found,
                                handover.map(LocatedTables.Handover::table), handover.flatMap(LocatedTables.Handover::detected));
                        log.debug("{}: result workbook written ({})", submission.inboxPath(), mode);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** "Huyện Chợ Đồn (064)", the folder name alone when it is no office, null at the inbox root. */
    private static String office(UnitRegistry registry, String folder) {
        if (folder == null) {
            return null;
        }
        return registry.office(folder).map(unit -> unit.fullName() + " (" + unit.code() + ")").orElse(folder);
    }

    /**
     * The file as an interrupted run left it: moved to {@code archive/} or {@code rejected/} (any day since
     * it was received) under its name or a numbered one, same content, not claimed by another submission.
     */
    private Optional<Path> findMoved(Submission submission, boolean rejected, LocalDate today) throws IOException {
        LocalDate day = submission.receivedAt() == null ? today : submission.receivedAt().toLocalDate().minusDays(1);
        for (; !day.isAfter(today); day = day.plusDays(1)) {
            Path folder = layout.destination(rejected, day, submission.officeCode());
            String name = InboxLayout.safeName(submission.fileName());
            String stem = stem(name);
            String extension = name.substring(stem.length());
            Path candidate = InboxLayout.fileIn(folder, name);
            for (int n = 2; Files.exists(candidate); n++) {
                // a file over the size limit was never hashed: its size and name are all there is to go by
                if (Files.size(candidate) == submission.sizeBytes()
                        && (submission.sha256().startsWith("unhashed:") || InboxScanTasklet.sha256(candidate).equals(submission.sha256()))
                        && !submissions.isMovedTo(layout.root().relativize(candidate).toString().replace('\\', '/'))) {
                    return Optional.of(candidate);
                }
                candidate = InboxLayout.fileIn(folder, stem + "-" + n + extension);
            }
        }
        return Optional.empty();
    }

    /**
     * Nothing of the file was taken: rejected whole, every row rejected, or the same content as a file of this
     * run that was itself rejected.
     */
    private boolean isRejected(Submission submission) {
        if ("duplicate".equals(submission.status()) && submission.duplicateOf() != null) {
            return submissions.find(submission.duplicateOf()).map(this::isRejected).orElse(false);
        }
        return "rejected".equals(submission.status())
                || ("applied".equals(submission.status()) && submission.rowsAccepted() == 0 && submission.rowsRejected() > 0);
    }

    /** A duplicate's list says so, and of which file: it has no issues of its own (it was not read). */
    private static Stream<Issue> duplicateNote(Submission submission) {
        if (!"duplicate".equals(submission.status()) || submission.rejectReason() == null) {
            return Stream.empty();
        }
        return Stream.of(new Issue(Severity.NOTE, "file.duplicate", null, null, null, null, null, submission.rejectReason()));
    }

    /** A workbook's results first say which sheet was read: the one whose header is the form's, of several perhaps. */
    private Stream<Issue> sheetNote(Submission submission) {
        if (submission.sheet() == null || "csv".equals(submission.format())) {
            return Stream.empty();
        }
        return Stream.of(new Issue(Severity.NOTE, "file.sheetChoice", submission.sheet(), null, null, null, null,
                messages.get("file.sheetChoice", submission.sheet())));
    }

    /** cao-son-2023.xlsx, or cao-son-2023-2.xlsx when a file of that name was already archived that day. */
    private static Path freeName(Path folder, String fileName) {
        Path target = InboxLayout.fileIn(folder, fileName);
        String safe = target.getFileName().toString();
        String stem = stem(safe);
        String extension = safe.substring(stem.length());
        for (int n = 2; taken(folder, target); n++) {
            target = InboxLayout.fileIn(folder, stem + "-" + n + extension);
        }
        return target;
    }

    private static boolean taken(Path folder, Path target) {
        String stem = stem(target.getFileName().toString());
        return Files.exists(target) || Files.exists(folder.resolve(stem + ".ketqua.csv")) || Files.exists(folder.resolve(stem + ".ketqua.xlsx"));
    }

    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
            Files.delete(source);
        }
    }
}
