package vn.tonghop.form;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * Loads form ANTQ-01 once: from {@code ${tonghop.jobs-dir}/antq-01.yaml} when that folder exists (so
 * staff can edit it beside the jar), otherwise the copy packed inside the jar.
 */
@Configuration(proxyBeanMethods = false)
public class FormConfig {

    private static final Logger log = LoggerFactory.getLogger(FormConfig.class);
    private static final String FORM_FILE = "antq-01.yaml";

    @Bean
    ReportForm reportForm(@Value("${tonghop.jobs-dir:jobs}") String jobsDir) throws IOException {
        Path file = Path.of(jobsDir, FORM_FILE);
        FormLoader loader = new FormLoader();
        if (Files.isRegularFile(file)) {
            log.info("Form definition: {}", file.toAbsolutePath());
            return loader.load(file);
        }
        try (InputStream in = new ClassPathResource("jobs/" + FORM_FILE).getInputStream()) {
            log.info("Form definition: jobs/{} inside the jar", FORM_FILE);
            return loader.load(in, "classpath:jobs/" + FORM_FILE);
        }
    }
}
