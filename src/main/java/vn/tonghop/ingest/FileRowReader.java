package vn.tonghop.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import vn.tonghop.form.ColumnRole;
import vn.tonghop.form.ReportForm;
import vn.tonghop.layout.HeaderVocabulary;
import vn.tonghop.layout.LocatedTable;
import vn.tonghop.layout.RowExtractor;
import vn.tonghop.layout.SubmittedRow;
import vn.tonghop.layout.TableLocator;
import vn.tonghop.load.IssueRepository;
import vn.tonghop.load.StagingWriter;
import vn.tonghop.load.Submission;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.normalise.Period;
import vn.tonghop.normalise.PeriodMatch;
import vn.tonghop.normalise.PeriodParser;
import vn.tonghop.read.TableFile;
import vn.tonghop.read.TableFiles;
import vn.tonghop.read.UncheckedUnreadableFileException;
import vn.tonghop.read.UnreadableFileException;
import vn.tonghop.read.UnreadableReason;
import vn.tonghop.registry.RegistryCache;
import vn.tonghop.registry.Unit;
import vn.tonghop.registry.UnitRegistry;
import vn.tonghop.validate.FileContext;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.Severity;
import vn.tonghop.validate.TotalRowCheck;

/**
 * Reader of one file's partition: opens the file, finds its table, settles the office and the period,
 * then streams its rows. A file that cannot be taken at all is rejected here, whole, with one reason,
 * and yields no rows. A restarted partition reads its file again from the top (staging is cleared first).
 */
public class FileRowReader implements ItemStreamReader<SubmittedRow> {

    private static final Logger log = LoggerFactory.getLogger(FileRowReader.class);

    private final FileState state;
    private final InboxLayout layout;
    private final SubmissionRepository submissions;
    private final IssueRepository issues;
    private final StagingWriter staging;
    private final RegistryCache registryCache;
    private final ReportForm form;
    private final Messages messages;
    private final IngestSettings settings;
    private final PeriodParser periods = new PeriodParser();
    private TableFile file;
    private RowExtractor rows;

    public FileRowReader(FileState state, InboxLayout layout, SubmissionRepository submissions, IssueRepository issues, StagingWriter staging,
                  RegistryCache registryCache, ReportForm form, Messages messages, IngestSettings settings) {
        this.state = state;
        this.layout = layout;
        this.submissions = submissions;
        this.issues = issues;
        this.staging = staging;
        this.registryCache = registryCache;
        this.form = form;
        this.messages = messages;
        this.settings = settings;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        long id = state.submissionId();
        staging.clear(id);
        issues.deleteForSubmission(id);
        Submission submission = submissions.find(id).orElseThrow(() -> new ItemStreamException("No submission " + id));
        try {
            openFile(submission);
        } catch (UncheckedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            logFailure(submission, "cannot be read", e);
            reject(submission, messages.get("file.unreadable", clerkReason(e)));
        }
    }

    /** A damaged file is the clerk's matter (logged plainly); anything else may be ours (logged with its trace). */
    private static void logFailure(Submission submission, String what, Exception e) {
        if (e instanceof UncheckedUnreadableFileException) {
            log.info("{}: {}: {}", submission.inboxPath(), what, e.getMessage());
        } else {
            log.warn("{}: {}: {}", submission.inboxPath(), what, e.toString(), e);
        }
    }

    /**
     * The Vietnamese reason for a failure while reading: the reader's own when it knows why, otherwise that the
     * file is damaged (a library's English message is for the log, never for the clerk).
     */
    private static String clerkReason(Exception e) {
        return e instanceof UncheckedUnreadableFileException unreadable
                ? unreadable.getCause().vietnameseReason()
                : UnreadableReason.CORRUPT.vietnamese();
    }

    private void openFile(Submission submission) throws IOException {
        UnitRegistry registry = registryCache.current();
        if (registry.isEmpty()) {
            reject(submission, messages.get("file.registryEmpty"));
            return;
        }
        Unit office = null;
        if (submission.officeCode() == null) {
            if (!settings.allowRootFiles()) {
                reject(submission, messages.get("file.atRoot"));
                return;
            }
        } else {
            Optional<Unit> found = registry.office(submission.officeCode());
            if (found.isEmpty()) {
                reject(submission, messages.get("file.unknownOffice", submission.officeCode()));
                return;
            }
            office = found.get();
        }
        if (submission.sizeBytes() > settings.maxFileBytes()) {
            reject(submission, messages.get("file.tooLarge", megabytes(submission.sizeBytes()), megabytes(settings.maxFileBytes())));
            return;
        }
        try {
            file = new TableFiles().open(layout.file(submission.inboxPath()));
        } catch (UnreadableFileException e) {
            log.info("{}: {}", submission.inboxPath(), e.getMessage());
            reject(submission, messages.get("file.unreadable", e.vietnameseReason()));
            return;
        }
        HeaderVocabulary vocabulary = new HeaderVocabulary(form);
        Optional<LocatedTable> located = new TableLocator(vocabulary).locate(file);
        if (located.isEmpty()) {
            reject(submission, messages.get("file.noHeader", form.code(), form.indicators().get(0).header()));
            return;
        }
        LocatedTable table = located.get();
        TitlePeriod title = titlePeriod(table.titleLines());
        if (title.conflict() != null) {
            reject(submission, messages.get("file.titlePeriodConflict", title.period().vietnameseLabel(), title.conflict().vietnameseLabel()));
            return;
        }
        Period titlePeriod = title.period();
        Period namePeriod = periods.parse(stem(submission.fileName())).orElse(null);
        Period filePeriod = titlePeriod != null ? titlePeriod : namePeriod;
        if (titlePeriod != null && namePeriod != null) {
            if (!title.named() && namePeriod.year() == titlePeriod.year()) {
                filePeriod = namePeriod; // a bare "2023" above the table, "quy-3-2023" in the name
            } else if (!compatible(titlePeriod, namePeriod)) {
                reject(submission, messages.get("file.periodConflict", titlePeriod.vietnameseLabel(), namePeriod.vietnameseLabel()));
                return;
            }
        }
        if (filePeriod == null && !table.roleColumns().containsKey(ColumnRole.PERIOD)) {
            reject(submission, messages.get("file.noPeriod"));
            return;
        }
        submissions.recordRead(submission.id(), file.format(), file.encoding(), table.sheet().name(),
                filePeriod == null ? null : filePeriod.code());
        List<Issue> fileIssues = new ArrayList<>();
        if (table.sheet().hidden()) {
            fileIssues.add(new Issue(Severity.WARNING, "file.hiddenSheet", table.sheet().name(), null, null, null, null,
                    messages.get("file.hiddenSheet", table.sheet().name())));
        }
        for (String unknown : table.unknownColumns()) {
            if (!unknown.isBlank()) {
                fileIssues.add(new Issue(Severity.WARNING, "file.unknownColumn", table.sheet().name(), table.headerLastRow(), unknown,
                        null, null, messages.get("file.unknownColumn", unknown, form.code())));
            }
        }
        issues.insert(submission.id(), fileIssues);
        state.opened(new FileContext(office, submission.officeCode(), filePeriod, registry, LocalDate.now()),
                new TotalRowCheck(form, messages));
        rows = new RowExtractor(file, table, vocabulary);
    }

    /**
     * The period the title lines state (null if none), whether a line named it or it is only a bare year, and
     * the second period they name when they disagree.
     */
    private record TitlePeriod(Period period, boolean named, Period conflict) {
    }

    /**
     * The period stated above the header. A line naming its period ("quý III/2022") outweighs a bare year
     * elsewhere ("2023"); two lines naming different periods are a conflict, never a guess.
     */
    private TitlePeriod titlePeriod(List<String> lines) {
        Period named = null;
        Period bare = null;
        for (String line : lines) {
            Optional<PeriodMatch> match = periods.find(line);
            if (match.isEmpty()) {
                continue;
            }
            Period period = match.get().period();
            if (match.get().explicit()) {
                if (named != null && !named.equals(period)) {
                    return new TitlePeriod(named, true, period);
                }
                named = period;
            } else if (bare == null) {
                bare = period;
            }
        }
        return new TitlePeriod(named != null ? named : bare, named != null, null);
    }

    /** 1073741824 → "1.024 MB". */
    private static String megabytes(long bytes) {
        long mb = (bytes + 1024 * 1024 - 1) / (1024 * 1024);
        return vn.tonghop.validate.RowValidator.plain(java.math.BigDecimal.valueOf(mb)) + " MB";
    }

    /**
     * A bare year in a file name ("cao-son-2023") is compatible with any period of that year stated in
     * the title; otherwise the two must be the same period.
     */
    private static boolean compatible(Period title, Period name) {
        return title.equals(name) || (name.type() == vn.tonghop.normalise.PeriodType.YEAR && name.year() == title.year());
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Called once the file is read through without one commune's row below its header. */
    public void rejectForNoRows() {
        Submission submission = submissions.find(state.submissionId()).orElseThrow();
        staging.clear(submission.id());
        reject(submission, messages.get("file.noRows"));
    }

    private void reject(Submission submission, String reason) {
        state.rejectWhole();
        submissions.markRejected(submission.id(), reason);
        issues.insert(submission.id(), List.of(new Issue(Severity.ERROR, "file.rejected", null, null, null, null, null, reason)));
        log.info("{}: rejected: {}", submission.inboxPath(), reason);
    }

    @Override
    public SubmittedRow read() {
        if (state.rejected() || rows == null) {
            return null;
        }
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (UncheckedIOException e) {
            throw e; // the disk, not the clerk: the step fails and the run can be restarted
        } catch (RuntimeException e) {
            // A file that breaks down half way (truncated, corrupt part) is rejected whole: nothing of it counts.
            Submission submission = submissions.find(state.submissionId()).orElseThrow();
            logFailure(submission, "broke down while reading", e);
            staging.clear(state.submissionId());
            reject(submission, messages.get("file.unreadable", clerkReason(e)));
            return null;
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        // Position is not saved: a restarted partition re-reads its file from the top after clearing staging.
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                log.debug("closing {}", e.toString());
            }
            file = null;
        }
    }
}
