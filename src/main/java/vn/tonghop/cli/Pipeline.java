package vn.tonghop.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tonghop.export.narrative.NarrativeReports;
import vn.tonghop.ingest.IngestJobConfig;
import vn.tonghop.load.Submission;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.ops.JobLaunches;
import vn.tonghop.ops.RunLock;
import vn.tonghop.validate.Messages;

/** What the commands share: the run lock, the jobs, and the run summary printed at the end. */
@Component
public class Pipeline {

    private final JobLaunches jobs;
    private final RunLock lock;
    private final SubmissionRepository submissions;
    private final JdbcTemplate jdbc;
    private final NarrativeReports narratives;
    private final Messages messages;

    public Pipeline(JobLaunches jobs, RunLock lock, SubmissionRepository submissions, JdbcTemplate jdbc, NarrativeReports narratives,
                    Messages messages) {
        this.jobs = jobs;
        this.lock = lock;
        this.submissions = submissions;
        this.jdbc = jdbc;
        this.narratives = narratives;
        this.messages = messages;
    }

    /** Work done under the run lock. */
    public interface LockedWork {
        int run() throws Exception;
    }

    public int locked(PrintWriter err, LockedWork work) throws Exception {
        Optional<RunLock.Held> held = lock.acquire();
        if (held.isEmpty()) {
            err.println(messages.get("run.locked"));
            return ExitCodes.LOCKED;
        }
        RunLock.Held lockHeld = held.get();
        try {
            return work.run();
        } finally {
            lockHeld.close();
        }
    }

    /** Runs the ingest job and prints what happened to each file; returns the run's id. */
    public long ingest(Path inbox, PrintWriter out) throws Exception {
        out.println(messages.get("run.ingesting", inbox.toAbsolutePath().normalize()));
        out.flush();
        JobExecution execution = jobs.ingest(inbox);
        long runId = execution.getJobInstance().getInstanceId();
        printSummary(runId, out);
        printWaiting(IngestJobConfig.waitingFiles(execution), out);
        return runId;
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
        int accepted = 0;
        int rejectedFiles = 0;
        int duplicates = 0;
        int rows = 0;
        int rowsRejected = 0;
        int warnings = 0;
        int superseded = 0;
        for (Submission s : files) {
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
            switch (s.status()) {
                case "duplicate" -> duplicates++;
                case "rejected" -> rejectedFiles++;
                default -> accepted++;
            }
            rows += s.rowsAccepted();
            rowsRejected += s.rowsRejected();
            warnings += s.warnings();
            superseded += s.reportsSuperseded();
        }
        out.println(messages.get("run.total", files.size(), accepted, rejectedFiles, duplicates, rows, rowsRejected, warnings, superseded));
        // The same figures in one fixed English line, for scripts and logs whatever the language.
        out.printf("Summary: %d files (%d accepted, %d rejected, %d duplicate); %d rows accepted, %d rows rejected, %d warnings.%n",
                files.size(), accepted, rejectedFiles, duplicates, rows, rowsRejected, warnings);
        out.println(messages.get("run.results"));
    }

    private static String pad(int number, int width) {
        return String.format("%" + width + "d", number);
    }

    public boolean anyFileRejected(long runId) {
        return submissions.byRun(runId).stream().anyMatch(s -> "rejected".equals(s.status()));
    }

    /** The years whose figures the run's files changed. */
    public TreeSet<Integer> yearsTouched(long runId) {
        return new TreeSet<>(jdbc.queryForList("""
                SELECT DISTINCT r.year FROM report r JOIN submission s ON s.id = r.submission_id WHERE s.run_id = ?""",
                Integer.class, runId));
    }

    public void aggregate(int year, PrintWriter out) throws Exception {
        jobs.aggregate(year);
        out.println(messages.get("run.aggregated", year));
    }

    public void export(java.util.Collection<Integer> years, Path outDir, String province, PrintWriter out) throws Exception {
        export(years, List.of(), outDir, province, out);
    }

    /** Writes aggregates.csv, then a conference pack (workbook and HTML summary) per province for each pack year. */
    public void export(java.util.Collection<Integer> years, java.util.Collection<Integer> packYears, Path outDir, String province,
                       PrintWriter out) throws Exception {
        JobExecution execution = jobs.export(years, packYears, outDir, province);
        out.println(messages.get("run.exported", outDir.resolve(vn.tonghop.export.AggregatesCsvExporter.FILE_NAME).toAbsolutePath().normalize()));
        String packs = execution.getExecutionContext().getString(vn.tonghop.export.pack.PackStepConfig.FILES_KEY, "");
        for (String file : packs.split("\n")) {
            if (!file.isBlank()) {
                out.println(messages.get("run.exported", file));
            }
        }
        if (!packYears.isEmpty() && packs.isBlank()) {
            out.println(messages.get("run.noPack", packYears.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))));
        }
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
        jobs.narrative(year, outDir, province);
        for (String code : provinces) {
            out.println(messages.get("run.exported", outDir.resolve(NarrativeReports.fileName(code, year)).toAbsolutePath().normalize()));
        }
    }

    public List<Integer> yearsWithAggregates() {
        return jdbc.queryForList("SELECT DISTINCT year FROM aggregate_value ORDER BY year", Integer.class);
    }
}
