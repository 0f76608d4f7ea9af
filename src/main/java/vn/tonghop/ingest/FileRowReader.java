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
            log.warn("{}: cannot be read: {}", submission.inboxPath(), e.toString());
            // The exception is for the log; the clerk gets the one sentence for a damaged file, in her language.
            reject(submission, messages.get("file.unreadable", messages.get(UnreadableReason.CORRUPT.messageKey())));
        }
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
        try {
            file = new TableFiles().open(layout.file(submission.inboxPath()));
        } catch (UnreadableFileException e) {
            reject(submission, messages.get("file.unreadable", messages.get(e.reason().messageKey())));
            return;
        }
        HeaderVocabulary vocabulary = new HeaderVocabulary(form);
        Optional<LocatedTable> located = new TableLocator(vocabulary).locate(file);
        if (located.isEmpty()) {
            reject(submission, messages.get("file.noHeader", form.code(), form.indicators().get(0).header()));
            return;
        }
        LocatedTable table = located.get();
        Period titlePeriod = null;
        for (String line : table.titleLines()) {
            Optional<Period> p = periods.parse(line);
            if (p.isPresent()) {
                titlePeriod = p.get();
                break;
            }
        }
        Period namePeriod = periods.parse(stem(submission.fileName())).orElse(null);
        if (titlePeriod != null && namePeriod != null && !compatible(titlePeriod, namePeriod)) {
            reject(submission, messages.get("file.periodConflict", messages.period(titlePeriod), messages.period(namePeriod)));
            return;
        }
        Period filePeriod = titlePeriod != null ? titlePeriod : namePeriod;
        if (filePeriod == null && !table.roleColumns().containsKey(ColumnRole.PERIOD)) {
            reject(submission, messages.get("file.noPeriod"));
            return;
        }
        submissions.recordRead(submission.id(), file.format(), file.encoding(), table.sheet().name(),
                filePeriod == null ? null : filePeriod.code());
        List<Issue> fileIssues = new ArrayList<>();
        for (String unknown : table.unknownColumns()) {
            if (!unknown.isBlank()) {
                fileIssues.add(new Issue(Severity.WARNING, "file.unknownColumn", table.sheet().name(), table.headerLastRow(), unknown,
                        null, null, messages.get("file.unknownColumn", unknown, form.code())));
            }
        }
        for (String repeated : table.repeatedColumns()) {
            fileIssues.add(new Issue(Severity.WARNING, "file.repeatedColumn", table.sheet().name(), table.headerLastRow(), repeated,
                    null, null, messages.get("file.repeatedColumn", repeated)));
        }
        if (table.sheetChoice() != null) {
            log.info("{}: {}", submission.inboxPath(), table.sheetChoice());
        }
        issues.insert(submission.id(), fileIssues);
        state.opened(new FileContext(office, submission.officeCode(), filePeriod, registry, LocalDate.now()),
                new TotalRowCheck(form, messages));
        rows = new RowExtractor(file, table, vocabulary);
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
            log.warn("{}: broke down while reading: {}", submission.inboxPath(), e.toString());
            staging.clear(state.submissionId());
            String reason = e instanceof UncheckedUnreadableFileException unreadable
                    ? messages.get(unreadable.getCause().reason().messageKey())
                    : messages.get(UnreadableReason.CORRUPT.messageKey());
            reject(submission, messages.get("file.unreadable", reason));
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
