package vn.tonghop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A batch command starts without the web server, Actuator and Micrometer; serve, and tests, keep them. */
class ServeOnlyAutoConfigurationsTest {

    private static final String[] CANDIDATES = {
        "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
        "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        null};

    @Test
    void match_forABatchCommand_thenOnlyWhatServeAloneUsesIsLeftOut() {
        System.setProperty(ServeOnlyAutoConfigurations.BATCH_COMMAND, "true");
        try {
            assertThat(new ServeOnlyAutoConfigurations().match(CANDIDATES, null))
                    .containsExactly(false, false, false, false, true, true, true, true);
        } finally {
            System.clearProperty(ServeOnlyAutoConfigurations.BATCH_COMMAND);
        }
    }

    @Test
    void match_withoutTheBatchCommandProperty_thenNothingIsLeftOut() {
        assertThat(new ServeOnlyAutoConfigurations().match(CANDIDATES, null))
                .containsExactly(true, true, true, true, true, true, true, true);
    }
}
