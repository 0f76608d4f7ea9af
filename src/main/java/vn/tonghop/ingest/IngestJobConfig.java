package vn.tonghop.ingest;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import vn.tonghop.layout.HeaderVocabulary;
import vn.tonghop.load.IssueRepository;
import vn.tonghop.load.StagingWriter;
import vn.tonghop.load.Submission;
import vn.tonghop.load.SubmissionApplier;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.ops.RunProgress;
import vn.tonghop.registry.RegistryCache;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.RowValidator;

/** Wires the ingest job: scan → read (partitions of files, on two threads) → apply → report. */
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
    Job ingestJob(JobRepository jobRepository, Step scanStep, Step readStep, Step promoteStep, Step readAgainStep, Step applyStep,
                  Step reportStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(scanStep)
                .next(readStep)
                .next(promoteStep)
                .next(readAgainStep)
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
     * The files of this run still to read (status {@code registered}) cut into partitions of consecutive files,
     * several per thread so both cores stay busy to the end, and many files per partition so a run of thousands
     * of small district files does not pay a step execution per file. Partitions are named per job execution:
     * on a restart every file still to read is read again from the top (its staging cleared first), whatever
     * Spring Batch recorded for the partition; the file's own status is what counts. A file read but not yet
     * applied whose staged rows are gone (PostgreSQL empties its unlogged staging tables when it recovers from a
     * crash) is read again too.
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
            List<Submission> registered = submissions.byRunAndStatus(runId, "registered");
            int perPartition = Math.max(1, Math.min(MAX_FILES_PER_PARTITION,
                    (registered.size() + gridSize * PARTITIONS_PER_THREAD - 1) / (gridSize * PARTITIONS_PER_THREAD)));
            Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
            for (int from = 0; from < registered.size(); from += perPartition) {
                List<Submission> files = registered.subList(from, Math.min(registered.size(), from + perPartition));
                ExecutionContext context = new ExecutionContext();
                context.putString(SUBMISSIONS, String.join(",", files.stream().map(f -> Long.toString(f.id())).toList()));
                partitions.put("files-" + files.get(0).id() + "-" + files.get(files.size() - 1).id() + "-" + executionId, context);
            }
            return partitions;
        };
    }

    /** The partition's submission ids, as the partitioner wrote them ("12,13,14"). */
    private static final String SUBMISSIONS = "submissionIds";
    private static final int PARTITIONS_PER_THREAD = 16;
    private static final int MAX_FILES_PER_PARTITION = 100;

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
        return read("read", jobRepository, filePartitioner, readFileStep, fileTaskExecutor, settings, submissions, progress);
    }

    /**
     * Duplicates whose original counted nothing are read after all ({@link DuplicatePromotionTasklet}); runs again on a
     * restart (it only changes duplicates of failed originals, so a second time finds none).
     */
    @Bean
    Step promoteStep(JobRepository jobRepository, PlatformTransactionManager tm, SubmissionRepository submissions, Messages messages) {
        return new StepBuilder("promote", jobRepository).tasklet(new DuplicatePromotionTasklet(submissions, messages), tm)
                .allowStartIfComplete(true).build();
    }

    /** The second read: the files the promotion step took up, if any (none in almost every run: it ends at once). */
    @Bean
    Step readAgainStep(JobRepository jobRepository, Partitioner filePartitioner, Step readFileStep, TaskExecutor fileTaskExecutor,
                       IngestSettings settings, SubmissionRepository submissions, RunProgress progress) {
        return read("read-again", jobRepository, filePartitioner, readFileStep, fileTaskExecutor, settings, submissions, progress);
    }

    private static Step read(String name, JobRepository jobRepository, Partitioner filePartitioner, Step readFileStep,
                             TaskExecutor fileTaskExecutor, IngestSettings settings, SubmissionRepository submissions, RunProgress progress) {
        return new StepBuilder(name, jobRepository)
                .partitioner("read-files", filePartitioner)
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
                        if (toRead.isEmpty() && !name.equals("read")) {
                            return;
                        }
                        progress.phase(RunProgress.Phase.READ, toRead.size(), toRead.stream().mapToLong(Submission::sizeBytes).sum());
                    }
                })
                .build();
    }

    @Bean
    Step readFileStep(JobRepository jobRepository, PlatformTransactionManager tm, IngestSettings settings,
                      ItemStreamReader<FileRow> fileRowReader, ItemProcessor<FileRow, FileRow> rowChecker,
                      ItemWriter<FileRow> checkedRowWriter, RunProgress progress) {
        return new StepBuilder("read-files", jobRepository)
                .<FileRow, FileRow>chunk(settings.chunkSize())
                .transactionManager(tm)
                .reader(fileRowReader)
                .processor(rowChecker)
                .writer(checkedRowWriter)
                .listener(new ItemWriteListener<FileRow>() {
                    @Override
                    public void afterWrite(Chunk<? extends FileRow> items) {
                        progress.rowsRead(items.getItems().stream().filter(item -> !item.isEnd()).count());
                    }
                })
                .build();
    }

    @Bean
    @StepScope
    FileRowReader fileRowReader(@Value("#{jobParameters['inbox']}") String inbox, @Value("#{stepExecutionContext['submissionIds']}") String ids,
                                SubmissionRepository submissions, IssueRepository issues, StagingWriter staging,
                                RegistryCache registryCache, ReportForm form, HeaderVocabulary headerVocabulary,
                                Messages messages, IngestSettings settings, LocatedTables locatedTables) {
        List<Long> submissionIds = ids == null || ids.isBlank() ? List.of()
                : java.util.Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
        return new FileRowReader(submissionIds, new InboxLayout(Path.of(inbox)), submissions, issues, staging, registryCache, form,
                headerVocabulary, messages, settings, locatedTables);
    }

    /** The form's header vocabulary, built once: it is read-only and every partition shares it. */
    @Bean
    HeaderVocabulary headerVocabulary(ReportForm form) {
        return new HeaderVocabulary(form);
    }

    @Bean
    @StepScope
    RowChecker rowChecker(ReportForm form, Messages messages) {
        return new RowChecker(new RowValidator(form, messages));
    }

    @Bean
    @StepScope
    CheckedRowWriter checkedRowWriter(StagingWriter staging, IssueRepository issues, SubmissionRepository submissions, ReportForm form,
                                      Messages messages, RunProgress progress) {
        return new CheckedRowWriter(staging, issues, submissions, form, messages, progress);
    }

    @Bean
    Step applyStep(JobRepository jobRepository, PlatformTransactionManager tm, SubmissionRepository submissions, SubmissionApplier applier,
                   RunProgress progress, AppliedSignal applied) {
        return new StepBuilder("apply", jobRepository).tasklet(new ApplyTasklet(submissions, applier, progress), tm)
                .listener(applied).build();
    }

    @Bean
    @StepScope
    Tasklet reportTasklet(@Value("#{jobParameters['inbox']}") String inbox, SubmissionRepository submissions, IssueRepository issues,
                                ResultCsvWriter csv, ResultWorkbookWriter workbook, RegistryCache registryCache, Messages messages,
                                PlatformTransactionManager tm, RunProgress progress, IngestSettings settings,
                                LocatedTables locatedTables, AppliedSignal appliedSignal) {
        TransactionTemplate ownTransaction = new TransactionTemplate(tm);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        TransactionTemplate readTransaction = new TransactionTemplate(tm);
        readTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        readTransaction.setReadOnly(true);
        return new ReportTasklet(new InboxLayout(Path.of(inbox)), submissions, issues, csv, workbook, registryCache, messages,
                ownTransaction, readTransaction, progress, settings.threads(), locatedTables, appliedSignal);
    }

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager tm, Tasklet reportTasklet) {
        return new StepBuilder("report", jobRepository).tasklet(reportTasklet, tm).build();
    }
}
