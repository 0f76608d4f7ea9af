package vn.tonghop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import vn.tonghop.support.TonghopSpringTest;

/**
 * Asking for the usage or the version is answered before Spring starts, with the very text the started command line
 * gives; anything else starts it.
 */
@TonghopSpringTest
class UsageOnlyTest {

    @Autowired
    ApplicationContext context;

    @Test
    void asked_forTheUsageOrTheVersionOnly() {
        assertThat(UsageOnly.asked()).isTrue();
        assertThat(UsageOnly.asked("--help")).isTrue();
        assertThat(UsageOnly.asked("-V")).isTrue();
        assertThat(UsageOnly.asked("run", "--help")).isTrue();
        assertThat(UsageOnly.asked("units", "import", "-h")).isTrue();
        assertThat(UsageOnly.asked("--help", "--tonghop.language=en")).as("a setting changes nothing").isTrue();

        assertThat(UsageOnly.asked("run")).isFalse();
        assertThat(UsageOnly.asked("status", "--runs", "3")).isFalse();
        assertThat(UsageOnly.asked("run", "--inbox", "x", "--help")).as("an option before the help: picocli decides, started").isFalse();
        assertThat(UsageOnly.asked("--tonghop.language=en", "status")).isFalse();
    }

    @Test
    void commandLine_everyCommandsUsage_isTheStartedCommandLinesOwn() {
        CommandLine started = CliRunner.newCommandLine(context);
        CommandLine early = UsageOnly.commandLine();

        assertThat(early.getUsageMessage()).isEqualTo(started.getUsageMessage()).contains("Usage: tonghop", "Exit codes:");
        Map<String, CommandLine> commands = started.getSubcommands();
        assertThat(early.getSubcommands().keySet()).containsExactlyElementsOf(commands.keySet());
        commands.forEach((name, command) -> {
            assertThat(early.getSubcommands().get(name).getUsageMessage()).as(name).isEqualTo(command.getUsageMessage());
            command.getSubcommands().forEach((sub, subCommand) -> assertThat(
                    early.getSubcommands().get(name).getSubcommands().get(sub).getUsageMessage()).as(name + " " + sub)
                    .isEqualTo(subCommand.getUsageMessage()));
        });
        assertThat(early.getSubcommands().get("run").getUsageMessage()).contains("--inbox");
    }
}
