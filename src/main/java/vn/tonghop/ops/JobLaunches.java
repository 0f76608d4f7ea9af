package vn.tonghop.ops;

import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Starts tonghop's Spring Batch jobs with their parameters; each launch is a new job instance. */
@Component
public class JobLaunches {

    private final JobOperator operator;
    private final Job ingestJob;
    private final Job aggregateJob;
    private final Job exportJob;
    private final Job narrativeJob;

    public JobLaunches(JobOperator operator, @Qualifier("ingestJob") Job ingestJob, @Qualifier("aggregateJob") Job aggregateJob,
                       @Qualifier("exportJob") Job exportJob, @Qualifier("narrativeJob") Job narrativeJob) {
        this.operator = operator;
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
        return export(years, java.util.List.of(), out, province);
    }

    /** @param packYears the years to write conference packs for (empty = none) */
    public JobExecution export(Collection<Integer> years, Collection<Integer> packYears, Path out, String province) throws Exception {
        return launch(exportJob, base()
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

    private static JobParametersBuilder base() {
        return new JobParametersBuilder().addLong("launched", System.currentTimeMillis());
    }

    private JobExecution launch(Job job, JobParameters parameters) throws Exception {
        JobExecution execution = operator.start(job, parameters);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String failures = execution.getAllFailureExceptions().stream().map(Throwable::toString).collect(Collectors.joining("; "));
            throw new JobFailedException(job.getName() + " ended " + execution.getStatus() + (failures.isEmpty() ? "" : ": " + failures));
        }
        return execution;
    }

    /** A job that did not complete; the message says which and why. */
    public static final class JobFailedException extends RuntimeException {
        public JobFailedException(String message) {
            super(message);
        }
    }
}
