package vn.tonghop.export.pack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The export job's conference-pack step: one pack per year named in the job parameter {@code packs}
 * (comma-separated; empty = none), for the province in {@code province} or for every province with data (with
 * {@code packsChangedOnly=true}, as {@code run} asks, only those whose aggregates changed since written). The
 * files written are left in the job's context under {@link #FILES_KEY}, one path a line, for the command to print.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PackSettings.class, DeadlineSettings.class})
public class PackStepConfig {

    public static final String FILES_KEY = "packFiles";
    /** How many packs were left as they were, their aggregates unchanged since written (an int in the job's context). */
    public static final String UP_TO_DATE_KEY = "packsUpToDate";

    @Bean
    @StepScope
    Tasklet conferencePackTasklet(@Value("#{jobParameters['packs']}") String packs, @Value("#{jobParameters['out']}") String out,
                                  @Value("#{jobParameters['province']}") String province,
                                  @Value("#{jobParameters['packsChangedOnly']}") String changedOnly, PackExporter exporter) {
        return (contribution, chunkContext) -> {
            List<Path> written = new ArrayList<>();
            int upToDate = 0;
            for (int year : parse(packs)) {
                PackExporter.Written result = exporter.export(Path.of(out), year, province == null || province.isBlank() ? null : province,
                        Boolean.parseBoolean(changedOnly));
                written.addAll(result.files());
                upToDate += result.upToDate();
            }
            contribution.incrementWriteCount(written.size());
            var context = chunkContext.getStepContext().getStepExecution().getJobExecution().getExecutionContext();
            context.putString(FILES_KEY, written.stream().map(Path::toString).collect(Collectors.joining("\n")));
            context.putInt(UP_TO_DATE_KEY, upToDate);
            return RepeatStatus.FINISHED;
        };
    }

    @Bean
    Step conferencePackStep(JobRepository jobRepository, PlatformTransactionManager tm, Tasklet conferencePackTasklet) {
        return new StepBuilder("conference-pack", jobRepository).tasklet(conferencePackTasklet, tm).build();
    }

    static List<Integer> parse(String packs) {
        return packs == null || packs.isBlank() ? List.of() : Arrays.stream(packs.split(",")).map(String::strip).map(Integer::valueOf).toList();
    }
}
