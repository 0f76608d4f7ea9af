package vn.tonghop.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import vn.tonghop.form.ColumnRole;
import vn.tonghop.form.ReportForm;
import vn.tonghop.layout.HeaderVocabulary;
import vn.tonghop.layout.LocatedTable;
import vn.tonghop.layout.RowExtractor;
import vn.tonghop.layout.TableLocator;
import vn.tonghop.layout.TableShape;
import vn.tonghop.load.IssueRepository;
import vn.tonghop.load.StagingWriter;
import vn.tonghop.load.Submission;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.normalise.Period;
import vn.tonghop.normalise.PeriodMatch;
import vn.tonghop.normalise.PeriodParser;
import vn.tonghop.read.HeadKeepingTableFile;
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
import vn.tonghop.validate.PeerOutlierCheck;
import vn.tonghop.validate.Severity;
import vn.tonghop.validate.TotalRowCheck;

/**
 * Reader of one read partition: the partition's files, one after the other, in arrival order. For each it
 * opens the file, finds its table, settles the office and the period, then streams its rows, and ends with a
 * {@link FileRow#end} item so that the writer marks the file read with its last rows. A file that cannot be
 * taken at all is rejected here, whole, with one reason, and yields no rows.
 *
 * <p>On opening, the partition forgets what an interrupted read of its files still to read left in staging and in
 * the issue table (two statements for the whole partition); a restart reads them again from the top and skips
 * the files already read or rejected.
 */
public class FileRowReader implements ItemStreamReader<FileRow> {

    private static final Logger log = LoggerFactory.getLogger(FileRowReader.class);

    private final List<Long> submissionIds;
    private final InboxLayout layout;
    private final SubmissionRepository submissions;
    private final IssueRepository issues;
    private final StagingWriter staging;
    private final RegistryCache registryCache;
    private final ReportForm form;
    private final HeaderVocabulary vocabulary;
    private final Messages messages;
    private final IngestSettings settings;
    private final LocatedTables locatedTables;
    private final PeriodParser periods = new PeriodParser();
    private final Deque<Submission> pending = new ArrayDeque<>();
    private UnitRegistry registry;
    private FileState current;
    private TableFile file;
    private RowExtractor rows;

    public FileRowReader(List<Long> submissionIds, InboxLayout layout, SubmissionRepository submissions, IssueRepository issues,
                         StagingWriter staging, RegistryCache registryCache, ReportForm form, HeaderVocabulary vocabulary,
                         Messages messages, IngestSettings settings, LocatedTables locatedTables) {
        this.submissionIds = List.copyOf(submissionIds);
        this.layout = layout;
        this.submissions = submissions;
        this.issues = issues;
        this.staging = staging;
        this.registryCache = registryCache;
        this.form = form;
        this.vocabulary = vocabulary;
        this.messages = messages;
        this.settings = settings;
        this.locatedTables = locatedTables;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        pending.clear();
        for (Submission submission : submissions.byIds(submissionIds)) {
            if ("registered".equals(submission.status())) {
                pending.add(submission);
            }
        }
        // Whatever an interrupted read of these files left behind is forgotten: two statements for the partition.
        List<Long> ids = pending.stream().map(Submission::id).toList();
        staging.clear(ids);
        issues.deleteForSubmissions(ids);
        registry = registryCache.current();
    }

    @Override
    public FileRow read() {
        while (true) {
            if (current == null) {
                Submission next = pending.poll();
                if (next == null) {
                    return null;
                }
                current = new FileState(next);
                openFile(current);
            }
            if (current.rejected() || rows == null) {
                closeFile();
                continue;
            }
            FileState state = current;
            try {
                if (rows.hasNext()) {
                    return new FileRow(state, rows.next(), null);
                }
            } catch (UncheckedIOException e) {
                throw e; // the disk, not the clerk: the step fails and the run can be restarted
            } catch (RuntimeException e) {
                // A file that breaks down half way (truncated, corrupt part) is rejected whole: nothing of it counts.
                Submission submission = state.submission();
                logFailure(submission, "broke down while reading", e);
                staging.clear(submission.id());
                submissions.recordRead(submission.id(), state.format(), state.encoding(), state.sheet(), state.periodCode());
                issues.insert(submission.id(), state.takeFileIssues());
                reject(state, messages.get("file.unreadable", clerkReason(e)));
                closeFile();
                continue;
            }
            closeFile();
            return FileRow.end(state);
        }
    }

    private void openFile(FileState state) {
        Submission submission = state.submission();
        try {
            openTable(state);
        } catch (UncheckedIOException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            logFailure(submission, "cannot be read", e);
            reject(state, messages.get("file.unreadable", clerkReason(e)));
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
     * The clerk's reason for a failure while reading: the reader's own when it knows why, otherwise that the
     * file is damaged (a library's English message is for the log, never for the clerk).
     */
    private String clerkReason(Exception e) {
        return messages.get(e instanceof UncheckedUnreadableFileException unreadable
                ? unreadable.getCause().reason().messageKey()
                : UnreadableReason.CORRUPT.messageKey());
    }

    private void openTable(FileState state) throws IOException {
        Submission submission = state.submission();
        if (registry.isEmpty()) {
            reject(state, messages.get("file.registryEmpty"));
            return;
        }
        Unit office = null;
        if (submission.officeCode() == null) {
            if (!settings.allowRootFiles()) {
                reject(state, messages.get("file.atRoot"));
                return;
            }
        } else {
            Optional<Unit> found = registry.office(submission.officeCode());
            if (found.isEmpty()) {
                reject(state, messages.get("file.unknownOffice", submission.officeCode()));
                return;
            }
            office = found.get();
        }
        if (submission.sizeBytes() > settings.maxFileBytes()) {
            reject(state, messages.get("file.tooLarge", megabytes(submission.sizeBytes()), megabytes(settings.maxFileBytes())));
            return;
        }
        try {
            // the header search and the rows read the same first lines: they are parsed once
            file = new HeadKeepingTableFile(new TableFiles().open(layout.file(submission.inboxPath())));
        } catch (UnreadableFileException e) {
            log.info("{}: {}", submission.inboxPath(), e.getMessage());
            reject(state, messages.get("file.unreadable", messages.get(e.reason().messageKey())));
            return;
        }
        Optional<LocatedTable> located = new TableLocator(vocabulary).locate(file);
        if (located.isEmpty()) {
            reject(state, messages.get("file.noHeader", form.code(), form.indicators().get(0).header()));
            return;
        }
        LocatedTable table = located.get();
        locatedTables.remember(submission.id(), table, file.detected());
        TitlePeriod title = titlePeriod(table.titleLines());
        if (title.conflict() != null) {
            reject(state, messages.get("file.titlePeriodConflict", messages.period(title.period()), messages.period(title.conflict())));
            return;
        }
        Period titlePeriod = title.period();
        Period namePeriod = periods.parse(stem(submission.fileName())).orElse(null);
        Period filePeriod = titlePeriod != null ? titlePeriod : namePeriod;
        if (titlePeriod != null && namePeriod != null) {
            if (!title.named() && namePeriod.year() == titlePeriod.year()) {
                filePeriod = namePeriod; // a bare "2023" above the table, "quy-3-2023" in the name
            } else if (!compatible(titlePeriod, namePeriod)) {
                reject(state, messages.get("file.periodConflict", messages.period(titlePeriod), messages.period(namePeriod)));
                return;
            }
        }
        if (filePeriod == null && !table.roleColumns().containsKey(ColumnRole.PERIOD)) {
            reject(state, messages.get("file.noPeriod"));
            return;
        }
        List<Issue> fileIssues = new ArrayList<>();
        if (table.sheet().hidden()) {
            fileIssues.add(new Issue(Severity.WARNING, "file.hiddenSheet", table.sheet().name(), null, null, null, null,
                    messages.get("file.hiddenSheet", table.sheet().name())));
        }
        for (String other : table.otherTables()) {
            fileIssues.add(new Issue(Severity.WARNING, "file.otherTable", other, null, null, null, null,
                    messages.get("file.otherTable", other, form.code(), table.sheet().name())));
        }
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
        Map<String, String> columns = new LinkedHashMap<>();
        if (table.shape() == TableShape.WIDE) {
            table.indicatorColumns().forEach((column, code) -> columns.put(code, table.headers().getOrDefault(column, "")));
        }
        state.opened(new FileContext(office, submission.officeCode(), filePeriod, registry, LocalDate.now()),
                new TotalRowCheck(form, messages), new PeerOutlierCheck(form, messages), file.format(), file.encoding(), table.sheet().name(),
                filePeriod == null ? null : filePeriod.code(), columns, fileIssues);
        rows = new RowExtractor(file, table, vocabulary, filePeriod);
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

    private void reject(FileState state, String reason) {
        Submission submission = state.submission();
        state.rejectWhole();
        submissions.markRejected(submission.id(), reason);
        issues.insert(submission.id(), List.of(new Issue(Severity.ERROR, "file.rejected", null, null, null, null, null, reason)));
        log.info("{}: rejected: {}", submission.inboxPath(), reason);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        // No position is saved: a restarted partition skips its files already read and re-reads the others from the top.
    }

    @Override
    public void close() {
        closeFile();
        current = null;
    }

    private void closeFile() {
        current = null;
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
