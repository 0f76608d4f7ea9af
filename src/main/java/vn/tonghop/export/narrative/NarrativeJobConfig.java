package vn.tonghop.export.narrative;

import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The narrative job: one step that drafts the year's report of one province, or of every province with
 * aggregates when no province is given. Reads only the aggregate tables, like the export job.
 */
@Configuration(proxyBeanMethods = false)
public class NarrativeJobConfig {

    public static final String JOB_NAME = "narrative";

    @Bean
    Job narrativeJob(JobRepository jobRepository, Step narrativeDocxStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(narrativeDocxStep).build();
    }

    @Bean
    @StepScope
    Tasklet narrativeDocxTasklet(@Value("#{jobParameters['year']}") Long year, @Value("#{jobParameters['out']}") String out,
                                 @Value("#{jobParameters['province']}") String province, NarrativeReports reports) {
        return (contribution, chunkContext) -> {
            int y = year.intValue();
            List<String> provinces = province == null || province.isBlank() ? reports.provinces(y) : List.of(province);
            for (String code : provinces) {
                reports.write(y, code, Path.of(out));
                contribution.incrementWriteCount(1);
            }
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step narrativeDocxStep(JobRepository jobRepository, PlatformTransactionManager tm, Tasklet narrativeDocxTasklet) {
        return new StepBuilder("narrative-docx", jobRepository).tasklet(narrativeDocxTasklet, tm).build();
    }
}
