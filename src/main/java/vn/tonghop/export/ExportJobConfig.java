package vn.tonghop.export;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The export job: reads only the aggregate tables and writes {@code aggregates.csv} and, beside it, the conference
 * packs ({@link vn.tonghop.export.pack.PackStepConfig}): the file is mostly PostgreSQL's work, the packs the JVM's.
 */
@Configuration(proxyBeanMethods = false)
public class ExportJobConfig {

    public static final String JOB_NAME = "export";

    @Bean
    Job exportJob(JobRepository jobRepository, Step aggregatesCsvStep, Step conferencePackStep) {
        Flow csv = new FlowBuilder<SimpleFlow>("aggregates-csv-flow").start(aggregatesCsvStep).build();
        Flow packs = new FlowBuilder<SimpleFlow>("conference-pack-flow").start(conferencePackStep).build();
        SimpleAsyncTaskExecutor side = new SimpleAsyncTaskExecutor("export-");
        side.setDaemon(true);
        Flow both = new FlowBuilder<SimpleFlow>("export-flow").split(side).add(csv, packs).build();
        return new JobBuilder(JOB_NAME, jobRepository).start(both).end().build();
    }

    /**
     * @param years comma-separated years, empty for every year with aggregates
     */
    @Bean
    @StepScope
    Tasklet aggregatesCsvTasklet(@Value("#{jobParameters['years']}") String years, @Value("#{jobParameters['out']}") String out,
                                 @Value("#{jobParameters['province']}") String province, AggregatesCsvExporter exporter) {
        return (contribution, chunkContext) -> {
            List<Integer> list = years == null || years.isBlank() ? List.of()
                    : Arrays.stream(years.split(",")).map(String::trim).map(Integer::valueOf).toList();
            contribution.incrementWriteCount(exporter.export(Path.of(out), list, province == null || province.isBlank() ? null : province));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step aggregatesCsvStep(JobRepository jobRepository, PlatformTransactionManager tm, Tasklet aggregatesCsvTasklet) {
        return new StepBuilder("aggregates-csv", jobRepository).tasklet(aggregatesCsvTasklet, tm).build();
    }
}
