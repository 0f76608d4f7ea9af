package vn.tonghop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Settings given on the command line ({@code --tonghop.language=en}) are Spring's, never a command's options. */
class CliRunnerTest {

    @Test
    void commandArguments_leaveOutSpringPropertiesAndKeepTheCommandsOwnOptions() {
        assertThat(CliRunner.commandArguments("status", "--tonghop.language=en", "--inbox=demo/inbox", "--runs", "3",
                "--spring.datasource.url=jdbc:postgresql://h/db", "--logging.level.vn.tonghop=DEBUG"))
                .containsExactly("status", "--inbox=demo/inbox", "--runs", "3");
        assertThat(CliRunner.commandArguments("history", "--commune", "01975", "--year=2023"))
                .containsExactly("history", "--commune", "01975", "--year=2023");
    }
}
