package vn.tonghop.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts tonghop's Spring Batch jobs with their parameters (each launch a new job instance), restarts
 * interrupted ones, and on shutdown asks the running ones to stop after their current chunk. {@code run} has two
 * at once for a while: the ingest's report step beside the aggregation and the export.
 */
@Component
public class JobLaunches {

    private static final Logger log = LoggerFactory.getLogger(JobLaunches.class);

    private final JobOperator operator;
    private final JobRepository repository;
    private final Job ingestJob;
    private final Job aggregateJob;
    private final Job exportJob;
    private final Job narrativeJob;

    private final Object monitor = new Object();
    /** The launches in progress in this process. */
    private final List<Launch> running = new ArrayList<>();
    private boolean closing;

    private static final class Launch {
        final String jobName;
        final JobParameters parameters;
        boolean asked;

        Launch(String jobName, JobParameters parameters) {
            this.jobName = jobName;
            this.parameters = parameters;
        }
    }

    public JobLaunches(JobOperator operator, JobRepository repository, @Qualifier("ingestJob") Job ingestJob,
                       @Qualifier("aggregateJob") Job aggregateJob, @Qualifier("exportJob") Job exportJob,
                       @Qualifier("narrativeJob") Job narrativeJob) {
        this.operator = operator;
        this.repository = repository;
        this.ingestJob = ingestJob;
        this.aggregateJob = aggregateJob;
        this.exportJob = exportJob;
        this.narrativeJob = narrativeJob;
    }

    public JobExecution ingest(Path inbox) throws Exception {
        return launch(ingestJob, base().addString("inbox", inbox.toAbsolutePath().normalize().toString()).toJobParameters());
    }

    public JobExecution aggregate(int year) throws Exception {
        return launch(aggregateJob, base().addLong("year", (long) year).toJobParameters());
    }

    public JobExecution export(Collection<Integer> years, Path out, String province) throws Exception {
        return export(years, List.of(), out, province);
    }

    /** @param packYears the years to write conference packs for (empty = none) */
    public JobExecution export(Collection<Integer> years, Collection<Integer> packYears, Path out, String province) throws Exception {
        return export(years, packYears, out, province, false);
    }

    /**
     * @param packYears        the years to write conference packs for (empty = none)
     * @param changedPacksOnly true to leave alone the packs already written to {@code out} from the current aggregates
     */
    public JobExecution export(Collection<Integer> years, Collection<Integer> packYears, Path out, String province, boolean changedPacksOnly)
            throws Exception {
        return launch(exportJob, base()
                .addString("packsChangedOnly", Boolean.toString(changedPacksOnly))
                .addString("years", years.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")))
                .addString("packs", packYears.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")))
                .addString("out", out.toAbsolutePath().normalize().toString())
                .addString("province", province == null ? "" : province)
                .toJobParameters());
    }

    /** The narrative report of the year for one province, or for every province with aggregates when null. */
    public JobExecution narrative(int year, Path out, String province) throws Exception {
        return launch(narrativeJob, base()
                .addLong("year", (long) year)
                .addString("out", out.toAbsolutePath().normalize().toString())
                .addString("province", province == null ? "" : province)
                .toJobParameters());
    }

    /**
     * Restarts an interrupted (failed or stopped) execution: same job instance, same parameters; Spring
     * Batch skips the steps that completed and re-runs the others. Returns the completed execution.
     */
    public JobExecution restart(JobExecution interrupted) throws Exception {
        String jobName = interrupted.getJobInstance().getJobName();
        return track(jobName, interrupted.getJobParameters(), () -> operator.restart(interrupted));
    }

    private static JobParametersBuilder base() {
        return new JobParametersBuilder().addLong("launched", System.currentTimeMillis());
    }

    private JobExecution launch(Job job, JobParameters parameters) throws Exception {
        return track(job.getName(), parameters, () -> operator.start(job, parameters));
    }

    private interface JobCall {
        JobExecution call() throws Exception;
    }

    private JobExecution track(String jobName, JobParameters parameters, JobCall call) throws Exception {
        Launch launch;
        synchronized (monitor) {
            if (closing) {
                throw new JobFailedException(jobName + " not started: tonghop is shutting down");
            }
            launch = new Launch(jobName, parameters);
            running.add(launch);
        }
        JobExecution execution;
        try {
            execution = call.call();
        } finally {
            synchronized (monitor) {
                running.remove(launch);
                monitor.notifyAll();
            }
        }
        if (execution.getStatus() == BatchStatus.STOPPED) {
            throw new JobStoppedException(jobName + " stopped at a chunk boundary (shutdown); the next run resumes it");
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String failures = execution.getAllFailureExceptions().stream().map(Throwable::toString).collect(Collectors.joining("; "));
            throw new JobFailedException(jobName + " ended " + execution.getStatus() + (failures.isEmpty() ? "" : ": " + failures));
        }
        return execution;
    }

    /**
     * For a graceful shutdown: no new launch from now on, and the running jobs (if any) are asked to stop
     * at their next chunk boundary; waits up to {@code timeout} for them. A stopped job is restarted by the
     * next run.
     *
     * @return whether no job is running any more
     */
    public boolean stopAndAwait(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            closing = true;
        }
        while (true) {
            List<Launch> now;
            synchronized (monitor) {
                if (running.isEmpty()) {
                    return true;
                }
                now = List.copyOf(running);
            }
            for (Launch launch : now) {
                if (!launch.asked) {
                    launch.asked = askToStop(launch);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                log.warn("{} still running after {}s of shutdown", now.stream().map(l -> l.jobName).collect(Collectors.joining(", ")),
                        timeout.toSeconds());
                return false;
            }
            synchronized (monitor) {
                if (!running.isEmpty()) {
                    monitor.wait(Math.max(1, Math.min(500, left / 1_000_000)));
                }
            }
        }
    }

    private boolean askToStop(Launch running) {
        JobExecution execution = repository.getLastJobExecution(running.jobName, running.parameters);
        if (execution == null || !execution.isRunning()) {
            return false; // not created yet: ask again in a moment
        }
        try {
            log.info("Stopping {} (execution {}) after its current chunk", running.jobName, execution.getId());
            operator.stop(execution);
            return true;
        } catch (JobExecutionNotRunningException e) {
            return true;
        }
    }

    /** A job that did not complete; the message says which and why. */
    public static class JobFailedException extends RuntimeException {
        public JobFailedException(String message) {
            super(message);
        }
    }

    /** A job stopped on request (SIGTERM, Ctrl-C) after committing its current chunk; restartable. */
    public static final class JobStoppedException extends JobFailedException {
        public JobStoppedException(String message) {
            super(message);
        }
    }
}
