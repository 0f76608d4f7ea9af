package vn.tonghop.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tonghop.export.ResultCsvWriter;
import vn.tonghop.export.ResultWorkbookWriter;
import vn.tonghop.form.FormCatalogSync;
import vn.tonghop.form.ReportForm;
import vn.tonghop.layout.SubmittedRow;
import vn.tonghop.load.IssueRepository;
import vn.tonghop.load.StagingWriter;
import vn.tonghop.load.Submission;
import vn.tonghop.load.SubmissionApplier;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.ops.RunProgress;
import vn.tonghop.registry.RegistryCache;
import vn.tonghop.validate.CheckedRow;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.RowValidator;

/** Wires the ingest job: scan → read (one partition per file) → apply → report. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestSettings.class)
public class IngestJobConfig {

    public static final String JOB_NAME = "ingest";
    public static final String INBOX_PARAMETER = "inbox";

    /** The inbox files a run left where they were because they were still being written (scan step's list). */
    public static List<String> waitingFiles(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().equals("scan"))
                .map(step -> step.getExecutionContext().getString(InboxScanTasklet.WAITING_KEY, ""))
                .flatMap(list -> list.lines().filter(line -> !line.isBlank()))
                .toList();
    }

    @Bean
    Job ingestJob(JobRepository jobRepository, Step scanStep, Step readStep, Step applyStep, Step reportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(scanStep)
                .next(readStep)
                .next(applyStep)
                .next(reportStep)
                .build();
    }

    @Bean
    @StepScope
    Tasklet scanTasklet(@Value("#{jobParameters['inbox']}") String inbox, SubmissionRepository submissions, JdbcTemplate jdbc,
                                 FormCatalogSync catalog, Messages messages, IngestSettings settings, RunProgress progress) {
        return new InboxScanTasklet(new InboxLayout(Path.of(inbox)), submissions, jdbc, catalog, messages, settings, progress);
    }

    @Bean
    Step scanStep(JobRepository jobRepository, PlatformTransactionManager tm, Tasklet scanTasklet) {
        return new StepBuilder("scan", jobRepository).tasklet(scanTasklet, tm).build();
    }

    /**
     * One partition per file of this run still to read (status {@code registered}), so both cores read
     * files. Partitions are named per job execution: on a restart every such file is read again from the
     * top (its staging cleared first), whatever Spring Batch recorded for the partition. Spring Batch 6
     * records a partition COMPLETED before its listeners run, so a process killed in between leaves a
     * completed partition whose file was never marked read; the file's own status is what counts. A file
     * read but not yet applied whose staged rows are gone (PostgreSQL empties its unlogged staging tables
     * when it recovers from a crash) is read again too.
     */
    @Bean
    @StepScope
    Partitioner filePartitioner(@Value("#{stepExecution.jobExecution.jobInstance.instanceId}") Long runId,
                                @Value("#{stepExecution.jobExecution.id}") Long executionId, SubmissionRepository submissions) {
        return gridSize -> {
            int lost = submissions.rereadWhenStagingLost(runId);
            if (lost > 0) {
                org.slf4j.LoggerFactory.getLogger(IngestJobConfig.class)
                        .warn("{} file(s) read before a database crash lost their staged rows; reading them again", lost);
            }
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            List<Submission> registered = submissions.byRunAndStatus(runId, "registered");
            for (Submission submission : registered) {
                ExecutionContext context = new ExecutionContext();
                context.putLong("submissionId", submission.id());
                context.putString("file", submission.inboxPath());
                context.putLong("size", submission.sizeBytes());
                partitions.put("file-" + submission.id() + "-" + executionId, context);
            }
            return partitions;
        };
    }

    @Bean
    TaskExecutor fileTaskExecutor(IngestSettings settings) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(settings.threads());
        executor.setMaxPoolSize(settings.threads());
        executor.setThreadNamePrefix("read-");
        executor.initialize();
        return executor;
    }

    @Bean
    Step readStep(JobRepository jobRepository, Partitioner filePartitioner, Step readFileStep, TaskExecutor fileTaskExecutor,
                  IngestSettings settings, SubmissionRepository submissions, RunProgress progress) {
        return new StepBuilder("read", jobRepository)
                .partitioner("read-file", filePartitioner)
                .step(readFileStep)
                .gridSize(settings.threads())
                .taskExecutor(fileTaskExecutor)
                // on a restart the step runs again, for the files still to read (none: it ends at once)
                .allowStartIfComplete(true)
                .listener(new StepExecutionListener() {
                    @Override
                    public void beforeStep(StepExecution stepExecution) {
                        List<Submission> toRead = submissions.byRunAndStatus(stepExecution.getJobExecution().getJobInstance().getInstanceId(),
                                "registered");
                        progress.phase(RunProgress.Phase.READ, toRead.size(), toRead.stream().mapToLong(Submission::sizeBytes).sum());
                    }
                })
                .build();
    }

    @Bean
    Step readFileStep(JobRepository jobRepository, PlatformTransactionManager tm, IngestSettings settings,
                      ItemStreamReader<SubmittedRow> fileRowReader, ItemProcessor<SubmittedRow, CheckedRow> rowChecker,
                      ItemWriter<CheckedRow> checkedRowWriter, StepExecutionListener fileReadListener, RunProgress progress) {
        return new StepBuilder("read-file", jobRepository)
                .<SubmittedRow, CheckedRow>chunk(settings.chunkSize())
                .transactionManager(tm)
                .reader(fileRowReader)
                .processor(rowChecker)
                .writer(checkedRowWriter)
                .listener(fileReadListener)
                .listener(new ItemWriteListener<CheckedRow>() {
                    @Override
                    public void afterWrite(Chunk<? extends CheckedRow> items) {
                        progress.rowsRead(items.size());
                    }
                })
                .build();
    }

    @Bean
    @StepScope
    FileState fileState(@Value("#{stepExecutionContext['submissionId']}") Long submissionId) {
        return new FileState(submissionId);
    }

    @Bean
    @StepScope
    FileRowReader fileRowReader(@Value("#{jobParameters['inbox']}") String inbox, FileState fileState,
                                                 SubmissionRepository submissions, IssueRepository issues, StagingWriter staging,
                                                 RegistryCache registryCache, ReportForm form, Messages messages, IngestSettings settings) {
        return new FileRowReader(fileState, new InboxLayout(Path.of(inbox)), submissions, issues, staging, registryCache, form,
                messages, settings);
    }

    @Bean
    @StepScope
    RowChecker rowChecker(FileState fileState, ReportForm form, Messages messages) {
        return new RowChecker(fileState, new RowValidator(form, messages));
    }

    @Bean
    @StepScope
    CheckedRowWriter checkedRowWriter(FileState fileState, StagingWriter staging, IssueRepository issues, ReportForm form) {
        return new CheckedRowWriter(fileState, staging, issues, form);
    }

    /**
     * Records a file's row counts once its partition has read it through; a file that held not one commune's
     * row (a header alone, a total row alone) is rejected whole.
     */
    @Bean
    StepExecutionListener fileReadListener(FileState fileState, FileRowReader fileRowReader, SubmissionRepository submissions,
                                           RunProgress progress) {
        return new StepExecutionListener() {
            @Override
            public ExitStatus afterStep(StepExecution stepExecution) {
                if (stepExecution.getExitStatus().getExitCode().equals(ExitStatus.COMPLETED.getExitCode()) && !fileState.rejected()) {
                    if (fileState.rowsRead() == 0) {
                        fileRowReader.rejectForNoRows();
                    } else {
                        submissions.markRead(fileState.submissionId(), fileState.rowsRead(), fileState.accepted(), fileState.rejectedRows());
                    }
                }
                progress.fileDone(stepExecution.getExecutionContext().getLong("size", 0L), 0);
                return stepExecution.getExitStatus();
            }
        };
    }

    @Bean
    Step applyStep(JobRepository jobRepository, PlatformTransactionManager tm, SubmissionRepository submissions, SubmissionApplier applier,
                   RunProgress progress) {
        return new StepBuilder("apply", jobRepository).tasklet(new ApplyTasklet(submissions, applier, progress), tm).build();
    }

    @Bean
    @StepScope
    Tasklet reportTasklet(@Value("#{jobParameters['inbox']}") String inbox, SubmissionRepository submissions, IssueRepository issues,
                                ResultCsvWriter csv, ResultWorkbookWriter workbook, RegistryCache registryCache, Messages messages,
                                PlatformTransactionManager tm, RunProgress progress) {
        TransactionTemplate ownTransaction = new TransactionTemplate(tm);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new ReportTasklet(new InboxLayout(Path.of(inbox)), submissions, issues, csv, workbook, registryCache, messages,
                ownTransaction, progress);
    }

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager tm, Tasklet reportTasklet) {
        return new StepBuilder("report", jobRepository).tasklet(reportTasklet, tm).build();
    }
}
