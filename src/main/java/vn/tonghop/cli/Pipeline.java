package vn.tonghop.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tonghop.aggregate.AggregateJobConfig;
import vn.tonghop.export.AggregatesCsvExporter;
import vn.tonghop.export.ExportJobConfig;
import vn.tonghop.export.narrative.NarrativeJobConfig;
import vn.tonghop.export.narrative.NarrativeReports;
import vn.tonghop.export.pack.PackRepository;
import vn.tonghop.ingest.AppliedSignal;
import vn.tonghop.ingest.IngestJobConfig;
import vn.tonghop.load.Submission;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.ops.JobLaunches;
import vn.tonghop.ops.RunLock;
import vn.tonghop.ops.RunProgress;
import vn.tonghop.ops.UnfinishedRuns;
import vn.tonghop.validate.Messages;

/**
 * What the commands share: the run lock, resuming interrupted runs, the jobs with their progress lines,
 * and the summaries printed at the end.
 */
@Component
public class Pipeline {

    /** Beyond this many files the summary lists only the files with rejected rows. */
    private static final int FILES_LISTED = 20;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobLaunches jobs;
    private final RunLock lock;
    private final SubmissionRepository submissions;
    private final JdbcTemplate jdbc;
    private final NarrativeReports narratives;
    private final UnfinishedRuns unfinished;
    private final RunProgress progress;
    private final Messages messages;
    private final ProgressPrinter.NumberText numbers;
    private final Duration progressInterval;
    private final AppliedSignal appliedSignal;
    private final PackRepository packs;

    public Pipeline(JobLaunches jobs, RunLock lock, SubmissionRepository submissions, JdbcTemplate jdbc, NarrativeReports narratives,
                    UnfinishedRuns unfinished, RunProgress progress, Messages messages, @Value("${tonghop.language:vi}") String language,
                    @Value("${tonghop.progress.interval-seconds:5}") long progressSeconds, AppliedSignal appliedSignal,
                    PackRepository packs) {
        this.jobs = jobs;
        this.lock = lock;
        this.submissions = submissions;
        this.jdbc = jdbc;
        this.narratives = narratives;
        this.unfinished = unfinished;
        this.progress = progress;
        this.messages = messages;
        this.numbers = ProgressPrinter.NumberText.forLanguage(language);
        this.progressInterval = Duration.ofSeconds(Math.max(0, progressSeconds));
        this.appliedSignal = appliedSignal;
        this.packs = packs;
    }

    /** Work done under the run lock. */
    public interface LockedWork {
        int run() throws Exception;
    }

    public int locked(PrintWriter err, LockedWork work) throws Exception {
        return locked("run", err, work);
    }

    /**
     * Runs {@code work} holding the run lock, after marking executions left running by a dead process as
     * failed; waits up to {@code tonghop.lock.wait-seconds} for another run, else returns {@link ExitCodes#LOCKED}.
     *
     * @param purpose the command, named in the lock so that a refused run can say who holds it
     */
    public int locked(String purpose, PrintWriter err, LockedWork work) throws Exception {
        Optional<RunLock.Held> held = lock.acquire(purpose, () -> {
            err.println("tonghop: " + messages.get("lock.waiting", lock.holder().orElse("?"), lock.waitTime().toSeconds()));
            err.flush();
        });
        if (held.isEmpty()) {
            Optional<String> holder = lock.holder();
            err.println("tonghop: " + (holder.isPresent() ? messages.get("lock.refused", holder.get()) : messages.get("lock.refusedUnknown")));
            return ExitCodes.LOCKED;
        }
        try {
            unfinished.markStaleAsFailed();
            return work.run();
        } catch (JobLaunches.JobStoppedException e) {
            err.println("tonghop: " + messages.get("run.stopped"));
            return ExitCodes.FAILED;
        } finally {
            held.get().close();
        }
    }

    /** Ingest runs that were interrupted and are now finished; their ids, for the summary and exit code. */
    public List<Long> resumeIngest(PrintWriter out) throws Exception {
        List<Long> resumed = new ArrayList<>();
        for (JobExecution interrupted : unfinished.restartable(IngestJobConfig.JOB_NAME)) {
            long runId = interrupted.getJobInstance().getInstanceId();
            out.println(messages.get("resume.ingest", runId, started(interrupted),
                    messages.getOrDefault("status.batch." + interrupted.getStatus(), interrupted.getStatus().toString())));
            out.flush();
            withProgress(out, () -> jobs.restart(interrupted));
            printSummary(runId, out);
            resumed.add(runId);
        }
        return resumed;
    }

    /**
     * Interrupted aggregations (before the pending years are aggregated) or exports are restarted; one that
     * cannot be is given up, as the run redoes its work anyway.
     */
    public int resume(String jobName, PrintWriter out) throws Exception {
        return resume(jobName, out, true).size();
    }

    /** @return the interrupted executions restarted to their end (not those given up) */
    private List<JobExecution> resume(String jobName, PrintWriter out, boolean showProgress) throws Exception {
        List<JobExecution> resumed = new ArrayList<>();
        for (JobExecution interrupted : unfinished.restartable(jobName)) {
            if (jobName.equals(AggregateJobConfig.JOB_NAME)) {
                out.println(messages.get("resume.aggregate", interrupted.getJobParameters().getLong("year"), started(interrupted)));
            } else {
                out.println(messages.get("resume.export", interrupted.getJobParameters().getString("out"), started(interrupted)));
            }
            out.flush();
            try {
                withProgress(out, () -> jobs.restart(interrupted), showProgress);
                resumed.add(interrupted);
            } catch (JobLaunches.JobFailedException e) {
                out.println(messages.get("resume.gaveUp", jobName, interrupted.getJobInstance().getInstanceId(), e.getMessage()));
                unfinished.abandonLatest(interrupted);
            }
        }
        return resumed;
    }

    private static String started(JobExecution execution) {
        return execution.getStartTime() == null ? "?" : execution.getStartTime().format(TIME);
    }

    /** Runs the ingest job and prints what happened to each file; returns the run's id. */
    public long ingest(Path inbox, PrintWriter out) throws Exception {
        out.println(messages.get("run.ingesting", inbox.toAbsolutePath().normalize()));
        out.flush();
        JobExecution execution = withProgress(out, () -> jobs.ingest(inbox));
        long runId = execution.getJobInstance().getInstanceId();
        printSummary(runId, out);
        printWaiting(IngestJobConfig.waitingFiles(execution), out);
        return runId;
    }

    /**
     * The whole of {@code run}: interrupted runs resumed, new files ingested, every year whose reports
     * changed aggregated (those of the interrupted runs too), everything exported; then the summary. The packs
     * written are those of the years aggregated, by this run or by the interrupted aggregations it restarted (which
     * take their year off {@code aggregate_pending}), and of the years whose packs are behind their aggregates (a run
     * that died after aggregating, before its packs were written).
     */
    public int runAll(Path inbox, Path outDir, PrintWriter out) throws Exception {
        long started = System.nanoTime();
        List<Long> runs = new ArrayList<>(resumeIngest(out));
        int resumedIngests = runs.size();
        // Once the new files are applied, their years are aggregated and exported (mostly the database's work) while the
        // ingest's report step writes the clerks' results (the JVM's): what this side prints waits for the ingest's lines.
        Ingested<Exported> ingested = ingestBeside(inbox, out, later -> {
            int resumed;
            List<Integer> years;
            try {
                List<JobExecution> aggregations = resume(AggregateJobConfig.JOB_NAME, later, false);
                TreeSet<Integer> aggregated = new TreeSet<>();
                for (JobExecution aggregation : aggregations) {
                    aggregated.add(aggregation.getJobParameters().getLong("year").intValue());
                }
                resumed = aggregations.size();
                aggregated.addAll(aggregatePending(later, false, aggregated.isEmpty()));
                years = List.copyOf(aggregated);
            } finally {
                // the report step writes the results of the files holding an annual report now, with the annual check's warnings
                appliedSignal.aggregationDone();
            }
            resumed += resume(ExportJobConfig.JOB_NAME, later, false).size();
            resumed += resume(NarrativeJobConfig.JOB_NAME, later, false).size();
            TreeSet<Integer> packYears = new TreeSet<>(years);
            packYears.addAll(packs.yearsWithPacksBehind(outDir.toAbsolutePath().normalize().toString()));
            return new Exported(resumed, years, export(List.of(), packYears, outDir, null, true, later, false));
        });
        runs.add(ingested.runId());
        Exported exported = ingested.beside();
        int exitCode = runs.stream().anyMatch(this::anyFileRejected) ? ExitCodes.REJECTED_FILES : ExitCodes.OK;
        printRunSummary(runs, resumedIngests + exported.resumed(), exported.years(), exported.written(),
                Duration.ofNanos(System.nanoTime() - started), exitCode, out);
        return exitCode;
    }

    /** What {@code run} did beside the report step: runs resumed, years aggregated, the aggregates.csv written. */
    private record Exported(int resumed, List<Integer> years, Path written) {
    }

    /** The ingest's run id, and what ran beside its report step. */
    private record Ingested<T>(long runId, T beside) {
    }

    /** Work that runs beside the ingest's report step, printing to its own writer. */
    private interface BesideReport<T> {
        T run(PrintWriter later) throws Exception;
    }

    /**
     * Runs the ingest job on a thread of its own and, once its files are applied, {@code beside} on this thread while
     * the report step goes on; waits for both. The ingest's lines come first, then what {@code beside} printed. When
     * the ingest fails before its files are applied, {@code beside} does not run; when it ended without signalling them
     * applied, {@code beside} runs after it.
     *
     * @return the ingest's run id, and what {@code beside} returned
     */
    private <T> Ingested<T> ingestBeside(Path inbox, PrintWriter out, BesideReport<T> beside) throws Exception {
        out.println(messages.get("run.ingesting", inbox.toAbsolutePath().normalize()));
        out.flush();
        CompletableFuture<Void> applied = appliedSignal.expect();
        CompletableFuture<JobExecution> ingest = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                ingest.complete(withProgress(out, () -> jobs.ingest(inbox), true));
            } catch (Throwable e) {
                ingest.completeExceptionally(e);
            } finally {
                appliedSignal.forget(applied);
            }
        }, "ingest");
        thread.setDaemon(true);
        thread.start();
        java.io.StringWriter laterText = new java.io.StringWriter();
        Exception besideFailure = null;
        T result = null;
        boolean ran = false;
        try {
            CompletableFuture.anyOf(applied, ingest).get();
            if (applied.isDone()) {
                ran = true;
                try (PrintWriter later = new PrintWriter(laterText)) {
                    result = beside.run(later);
                }
            }
        } catch (Exception e) {
            besideFailure = e;
        } finally {
            appliedSignal.aggregationDone(); // however beside ended, the report step does not wait for it any longer
        }
        JobExecution execution;
        try {
            execution = ingest.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Exception cause = e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
            if (besideFailure != null && !(besideFailure instanceof java.util.concurrent.ExecutionException)) {
                cause.addSuppressed(besideFailure);
            }
            throw cause;
        }
        long runId = execution.getJobInstance().getInstanceId();
        printSummary(runId, out);
        printWaiting(IngestJobConfig.waitingFiles(execution), out);
        if (!ran && besideFailure == null) {
            result = beside.run(out);
        }
        out.print(laterText);
        out.flush();
        if (besideFailure != null) {
            throw besideFailure;
        }
        return new Ingested<>(runId, result);
    }

    /** Aggregates every year whose reports changed since it was last aggregated; returns them. */
    public List<Integer> aggregatePending(PrintWriter out) throws Exception {
        return aggregatePending(out, true, true);
    }

    /**
     * @param showProgress false beside the report step, whose progress the terminal shows
     * @param sayNone      whether to say so when no year is pending (not after restarting an interrupted aggregation)
     */
    private List<Integer> aggregatePending(PrintWriter out, boolean showProgress, boolean sayNone) throws Exception {
        List<Integer> years = pendingYears();
        if (years.isEmpty() && sayNone) {
            out.println(messages.get("summary.noYears"));
        }
        for (int i = 0; i < years.size(); i++) {
            int year = years.get(i);
            long started = System.nanoTime();
            if (showProgress) {
                progress.phase(RunProgress.Phase.AGGREGATE, years.size(), 0, Integer.toString(year));
                progress.position(i + 1);
            }
            withProgress(out, () -> jobs.aggregate(year), showProgress);
            out.println(messages.get("summary.aggregated", year, ProgressPrinter.durationText(messages, Duration.ofNanos(System.nanoTime() - started))));
            out.flush();
        }
        return years;
    }

    /** Years whose aggregates are out of date (reports applied, or a run interrupted before aggregating). */
    public List<Integer> pendingYears() {
        return jdbc.queryForList("SELECT DISTINCT year FROM aggregate_pending ORDER BY year", Integer.class);
    }

    private <T> T withProgress(PrintWriter out, Callable<T> work) throws Exception {
        return withProgress(out, work, true);
    }

    /** @param show false for work whose progress is not shown (beside the report step, which shows its own) */
    private <T> T withProgress(PrintWriter out, Callable<T> work, boolean show) throws Exception {
        if (!show) {
            return work.call();
        }
        AutoCloseable printer = ProgressPrinter.start(progress, messages, out, numbers, progressInterval);
        try {
            return work.call();
        } finally {
            printer.close();
            progress.idle();
        }
    }

    /** Files left in the inbox because they were still being written: counted, and taken by the next run. */
    private void printWaiting(List<String> waiting, PrintWriter out) {
        if (waiting.isEmpty()) {
            return;
        }
        for (String file : waiting) {
            out.printf("  %-8s %-45s %s%n", messages.get("run.file.waiting"), file, messages.get("run.file.beingWritten"));
        }
        out.printf("Waiting: %d file(s) still being written, left in the inbox for the next run.%n", waiting.size());
    }

    public void printSummary(long runId, PrintWriter out) {
        List<Submission> files = submissions.byRun(runId);
        if (files.isEmpty()) {
            out.println(messages.get("run.noNewFiles"));
            return;
        }
        Totals t = totals(files);
        int listed = 0;
        for (Submission s : files) {
            boolean notable = !"applied".equals(s.status()) || s.rowsRejected() > 0 || s.rowsAccepted() == 0;
            if (files.size() > FILES_LISTED && (!notable || listed >= FILES_LISTED)) {
                continue;
            }
            listed++;
            String outcome = switch (s.status()) {
                case "duplicate" -> messages.get("run.file.duplicate");
                case "rejected" -> messages.get("run.file.rejected");
                default -> s.rowsAccepted() == 0 ? messages.get("run.file.rejected") : messages.get("run.file.accepted");
            };
            out.printf("  %-8s %-45s %s%s%n", outcome, s.inboxPath(), messages.get("run.file.counts", pad(s.rowsAccepted(), 3),
                    pad(s.rowsRejected(), 2), pad(s.warnings(), 2)),
                    s.reportsSuperseded() > 0 ? messages.get("run.file.superseded", s.reportsSuperseded()) : "");
            if (s.rejectReason() != null && !"applied".equals(s.status())) {
                out.println("           " + s.rejectReason());
            }
        }
        if (listed < files.size()) {
            out.println(messages.get("summary.moreFiles", numbers.format(files.size() - listed)));
        }
        out.println(messages.get("run.total", files.size(), t.accepted, t.rejectedFiles, t.duplicates, t.rows, t.rowsRejected, t.warnings,
                t.superseded));
        // The same figures in one fixed English line, for scripts and logs whatever the language.
        out.printf("Summary: %d files (%d accepted, %d rejected, %d duplicate); %d rows accepted, %d rows rejected, %d warnings.%n",
                files.size(), t.accepted, t.rejectedFiles, t.duplicates, t.rows, t.rowsRejected, t.warnings);
        out.println(messages.get("run.results"));
    }

    /** Refused whole, or not one of its rows accepted: it went to rejected/ (see the report step). */
    static boolean wholeFileRejected(Submission s) {
        return "rejected".equals(s.status()) || ("applied".equals(s.status()) && s.rowsAccepted() == 0 && s.rowsRejected() > 0);
    }

    private static String pad(int number, int width) {
        return String.format("%" + width + "d", number);
    }

    private static final class Totals {
        int files;
        int accepted;
        int rejectedFiles;
        int duplicates;
        long rows;
        long rowsRejected;
        long warnings;
        long superseded;
    }

    private static Totals totals(List<Submission> files) {
        Totals t = new Totals();
        for (Submission s : files) {
            t.files++;
            if (wholeFileRejected(s)) {
                t.rejectedFiles++;
            } else if ("duplicate".equals(s.status())) {
                t.duplicates++;
            } else {
                t.accepted++;
            }
            t.rows += s.rowsAccepted();
            t.rowsRejected += s.rowsRejected();
            t.warnings += s.warnings();
            t.superseded += s.reportsSuperseded();
        }
        return t;
    }

    /** The closing block of {@code run}: one screen whatever the number of files. */
    private void printRunSummary(List<Long> runs, int resumed, List<Integer> years, Path written, Duration time, int exitCode,
                                 PrintWriter out) {
        List<Submission> files = runs.stream().flatMap(id -> submissions.byRun(id).stream()).toList();
        Totals t = totals(files);
        out.println();
        out.println(messages.get("summary.title"));
        if (resumed > 0) {
            out.println(messages.get("summary.resumed", resumed));
        }
        out.println(messages.get("summary.files", numbers.format(t.files), numbers.format(t.accepted), numbers.format(t.rejectedFiles),
                numbers.format(t.duplicates)));
        out.println(messages.get("summary.rows", numbers.format(t.rows), numbers.format(t.rowsRejected), numbers.format(t.warnings),
                numbers.format(t.superseded)));
        out.println(messages.get("summary.years", years.isEmpty() ? "-" : years.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        out.println(messages.get("summary.export", written));
        out.println(messages.get("summary.time", ProgressPrinter.durationText(messages, time)));
        out.println(messages.get("summary.exit", exitCode, messages.get("exit." + exitCode)));
        out.flush();
    }

    public boolean anyFileRejected(long runId) {
        return submissions.byRun(runId).stream().anyMatch(Pipeline::wholeFileRejected);
    }

    /** The years whose figures the run's files changed. */
    public TreeSet<Integer> yearsTouched(long runId) {
        return new TreeSet<>(jdbc.queryForList("""
                SELECT DISTINCT r.year FROM report r JOIN submission s ON s.id = r.submission_id WHERE s.run_id = ?""",
                Integer.class, runId));
    }

    public void aggregate(int year, PrintWriter out) throws Exception {
        long started = System.nanoTime();
        progress.phase(RunProgress.Phase.AGGREGATE, 1, 0, Integer.toString(year));
        progress.position(1);
        withProgress(out, () -> jobs.aggregate(year));
        out.println(messages.get("run.aggregated", year, ProgressPrinter.durationText(messages, Duration.ofNanos(System.nanoTime() - started))));
    }

    public void export(Collection<Integer> years, Path outDir, String province, PrintWriter out) throws Exception {
        export(years, List.of(), outDir, province, out);
    }

    /**
     * Writes aggregates.csv, then a conference pack (workbook and HTML summary) per province for each pack
     * year; returns the path of aggregates.csv.
     */
    public Path export(Collection<Integer> years, Collection<Integer> packYears, Path outDir, String province, PrintWriter out)
            throws Exception {
        return export(years, packYears, outDir, province, false, out);
    }

    /**
     * As {@link #export(Collection, Collection, Path, String, PrintWriter)}; with {@code changedPacksOnly} a pack
     * already written to {@code outDir} from the current aggregates is left as it is.
     */
    public Path export(Collection<Integer> years, Collection<Integer> packYears, Path outDir, String province, boolean changedPacksOnly,
                       PrintWriter out) throws Exception {
        return export(years, packYears, outDir, province, changedPacksOnly, out, true);
    }

    private Path export(Collection<Integer> years, Collection<Integer> packYears, Path outDir, String province, boolean changedPacksOnly,
                        PrintWriter out, boolean showProgress) throws Exception {
        if (showProgress) {
            progress.phase(RunProgress.Phase.EXPORT, 1, 0);
        }
        JobExecution execution = withProgress(out, () -> jobs.export(years, packYears, outDir, province, changedPacksOnly), showProgress);
        Path written = outDir.resolve(AggregatesCsvExporter.FILE_NAME).toAbsolutePath().normalize();
        out.println(messages.get("run.exported", written));
        String packs = execution.getExecutionContext().getString(vn.tonghop.export.pack.PackStepConfig.FILES_KEY, "");
        for (String file : packs.split("\n")) {
            if (!file.isBlank()) {
                out.println(messages.get("run.exported", file));
            }
        }
        int upToDate = execution.getExecutionContext().getInt(vn.tonghop.export.pack.PackStepConfig.UP_TO_DATE_KEY, 0);
        if (upToDate > 0) {
            out.println(messages.get("run.packsUpToDate", upToDate));
        }
        if (!packYears.isEmpty() && packs.isBlank() && upToDate == 0) {
            out.println(messages.get("run.noPack", packYears.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        return written;
    }

    public boolean provinceHasAggregates(int year, String province) {
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM aggregate_value WHERE year = ? AND level = 'province' AND unit_code = ?",
                Integer.class, year, province);
        return rows != null && rows > 0;
    }

    /** The provinces a narrative report of the year would be written for: the one asked, or every one with aggregates. */
    public List<String> narrativeProvinces(int year, String province) {
        List<String> all = narratives.provinces(year);
        return province == null ? all : all.stream().filter(province::equals).toList();
    }

    /** @throws vn.tonghop.form.InvalidFormException when the narrative's wording in jobs/ has a mistake */
    public void checkNarrativeWording() throws java.io.IOException {
        narratives.checkWording();
    }

    /** Drafts the narrative report of each province ({@code bao-cao-tong-ket-<province>-<year>.docx}). */
    public void narrative(int year, Path outDir, String province, PrintWriter out) throws Exception {
        List<String> provinces = narrativeProvinces(year, province);
        progress.phase(RunProgress.Phase.EXPORT, 1, 0);
        withProgress(out, () -> jobs.narrative(year, outDir, province));
        for (String code : provinces) {
            out.println(messages.get("run.exported", outDir.resolve(NarrativeReports.fileName(code, year)).toAbsolutePath().normalize()));
        }
    }

    public List<Integer> yearsWithAggregates() {
        return jdbc.queryForList("SELECT DISTINCT year FROM aggregate_value ORDER BY year", Integer.class);
    }
}
