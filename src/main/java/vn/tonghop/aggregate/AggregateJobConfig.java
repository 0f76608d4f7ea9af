package vn.tonghop.aggregate;

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
 * The aggregate job: rebuilds a year's aggregate and completeness tables, then the same year in today's units
 * ({@link TodayUnitsAggregator}).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateJobConfig {

    public static final String JOB_NAME = "aggregate";

    @Bean
    Job aggregateJob(JobRepository jobRepository, Step rebuildStep, Step todayUnitsStep) {
        return new JobBuilder(JOB_NAME, jobRepository).start(rebuildStep).next(todayUnitsStep).build();
    }

    @Bean
    @StepScope
    Tasklet rebuildTasklet(@Value("#{jobParameters['year']}") Long year, Aggregator aggregator) {
        return (contribution, chunkContext) -> {
            contribution.incrementWriteCount(aggregator.rebuild(year.intValue()));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step rebuildStep(JobRepository jobRepository, PlatformTransactionManager tm, Tasklet rebuildTasklet) {
        return new StepBuilder("rebuild", jobRepository).tasklet(rebuildTasklet, tm).build();
    }

    @Bean
    @StepScope
    Tasklet todayUnitsTasklet(@Value("#{jobParameters['year']}") Long year, TodayUnitsAggregator aggregator) {
        return (contribution, chunkContext) -> {
            contribution.incrementWriteCount(aggregator.rebuild(year.intValue()));
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step todayUnitsStep(JobRepository jobRepository, PlatformTransactionManager tm, Tasklet todayUnitsTasklet) {
        return new StepBuilder("today-units", jobRepository).tasklet(todayUnitsTasklet, tm).build();
    }
}
