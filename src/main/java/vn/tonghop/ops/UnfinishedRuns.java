package vn.tonghop.ops;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Job executions that never completed, as the Spring Batch job repository records them: killed
 * ({@code kill -9}, power cut: left {@code STARTED}), stopped by a shutdown ({@code STOPPED}) or failed
 * ({@code FAILED}). Only the last execution of a job instance counts, and an instance that completed
 * later is finished.
 */
@Component
public class UnfinishedRuns {

    private static final Logger log = LoggerFactory.getLogger(UnfinishedRuns.class);

    private final JdbcTemplate jdbc;
    private final JobRepository repository;
    private final JobOperator operator;

    public UnfinishedRuns(JdbcTemplate jdbc, JobRepository repository, JobOperator operator) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.operator = operator;
    }

    /** One unfinished execution, as {@code status} lists it. */
    public record Unfinished(long executionId, long instanceId, String jobName, String status, LocalDateTime started) {
    }

    /** The unfinished executions of every job, oldest first. */
    public List<Unfinished> list() {
        return jdbc.query("""
                SELECT e.job_execution_id, e.job_instance_id, i.job_name, e.status, coalesce(e.start_time, e.create_time)
                FROM batch_job_execution e JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                WHERE e.status IN ('STARTING', 'STARTED', 'STOPPING', 'STOPPED', 'FAILED')
                  AND e.job_execution_id = (SELECT max(x.job_execution_id) FROM batch_job_execution x
                                            WHERE x.job_instance_id = e.job_instance_id)
                ORDER BY e.job_execution_id""", (rs, i) -> new Unfinished(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toLocalDateTime()));
    }

    /**
     * Marks executions left running by a process that is gone as {@code FAILED}, so they can be
     * restarted. Only safe, and only called, while holding the run lock: every job is launched under
     * it, so no execution can really be running in another process.
     *
     * @return how many were marked
     */
    public int markStaleAsFailed() {
        int marked = 0;
        for (Unfinished unfinished : list()) {
            BatchStatus status = BatchStatus.valueOf(unfinished.status());
            if (status.isRunning()) {
                JobExecution execution = repository.getJobExecution(unfinished.executionId());
                if (execution != null) {
                    log.info("{} execution {} (started {}) was left {} by a process that is gone; marked FAILED",
                            unfinished.jobName(), unfinished.executionId(), unfinished.started(), unfinished.status());
                    operator.recover(execution);
                    marked++;
                }
            }
        }
        return marked;
    }

    /** The unfinished executions of one job, oldest first, ready to restart (after {@link #markStaleAsFailed()}). */
    public List<JobExecution> restartable(String jobName) {
        List<JobExecution> executions = new ArrayList<>();
        for (Unfinished unfinished : list()) {
            if (unfinished.jobName().equals(jobName) && !BatchStatus.valueOf(unfinished.status()).isRunning()) {
                Optional.ofNullable(repository.getJobExecution(unfinished.executionId())).ifPresent(executions::add);
            }
        }
        return executions;
    }

    /**
     * Gives up a job instance for good after its restart failed too (an aggregation or export: the run
     * redoes that work anyway), so it is not restarted again and again.
     */
    public void abandonLatest(JobExecution interrupted) {
        JobExecution latest = repository.getLastJobExecution(interrupted.getJobInstance());
        if (latest == null || latest.getStatus().isRunning()) {
            return;
        }
        try {
            operator.abandon(latest);
            log.warn("{} instance {} abandoned after a failed restart", interrupted.getJobInstance().getJobName(),
                    interrupted.getJobInstance().getInstanceId());
        } catch (Exception e) {
            log.warn("Cannot abandon execution {}: {}", latest.getId(), e.toString());
        }
    }
}
