package vn.tonghop.ingest;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
 * and moves the file out of the inbox, to
 * {@code archive/<day>/<office>/} or, when nothing of it could be accepted, {@code rejected/<day>/<office>/}.
 * The file itself is never modified. Per file: results written, file moved, move recorded and committed
 * at once (its own transaction). A run killed between the move and the record is finished by the
 * restart, which finds the moved file by its checksum instead of moving it twice.
 */
final class ReportTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReportTasklet.class);

    private final InboxLayout layout;
    private final SubmissionRepository submissions;
    private final IssueRepository issues;
    private final ResultCsvWriter csv;
    private final ResultWorkbookWriter workbook;
    private final RegistryCache registryCache;
    private final Messages messages;
    private final TransactionTemplate ownTransaction;
    private final RunProgress progress;

    ReportTasklet(InboxLayout layout, SubmissionRepository submissions, IssueRepository issues, ResultCsvWriter csv,
                  ResultWorkbookWriter workbook, RegistryCache registryCache, Messages messages, TransactionTemplate ownTransaction,
                  RunProgress progress) {
        this.layout = layout;
        this.submissions = submissions;
        this.issues = issues;
        this.csv = csv;
        this.workbook = workbook;
        this.registryCache = registryCache;
        this.messages = messages;
        this.ownTransaction = ownTransaction;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        LocalDate today = LocalDate.now();
        UnitRegistry registry = registryCache.current();
        List<Submission> toMove = submissions.byRun(runId).stream().filter(s -> s.movedTo() == null).toList();
        progress.phase(RunProgress.Phase.REPORT, toMove.size(), 0);
        for (Submission submission : toMove) {
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
                Files.createDirectories(folder);
                target = freeName(folder, submission.fileName());
            }
            String stem = stem(target.getFileName().toString());
            try (Stream<Issue> found = issues.streamForSubmission(submission.id())) {
                csv.write(InboxLayout.fileIn(folder, stem + ".ketqua.csv"), Stream.concat(sheetNote(submission), found));
            }
            if (workbook.enabled()) {
                // The issues are streamed from the database again, so a file with a million bad cells fits in memory.
                ResultWorkbookWriter.Mode mode = workbook.write(Files.exists(source) ? source : target,
                        InboxLayout.fileIn(folder, stem + ".ketqua.xlsx"), submission, office(registry, submission.officeCode()),
                        () -> issues.streamForSubmission(submission.id()));
                log.debug("{}: result workbook written ({})", submission.inboxPath(), mode);
            }
            if (movedBefore.isEmpty()) {
                if (Files.exists(source)) {
                    move(source, target);
                } else {
                    log.warn("{} is no longer in the inbox; results written to {}", submission.inboxPath(), folder);
                }
            }
            String movedTo = layout.root().relativize(target).toString().replace('\\', '/');
            ownTransaction.executeWithoutResult(status -> submissions.markMoved(submission.id(), movedTo));
            contribution.incrementWriteCount(1);
            progress.fileDone(submission.sizeBytes(), 0);
        }
        return RepeatStatus.FINISHED;
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
