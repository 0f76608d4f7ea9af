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

    @Test
    void refusedInbox_aMissingFolderOrAFile_refusedBeforeAnythingStarts_elseTheCommandGoesOn(@org.junit.jupiter.api.io.TempDir
                                                                                             java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("bao-cao.csv"), "x");
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(UsageOnly.refusedInbox("run", "--inbox", dir.resolve("inbx").toString())).isEqualTo(ExitCodes.USAGE);
            assertThat(UsageOnly.refusedInbox("ingest", "--inbox", file.toString(), "--tonghop.language=en")).isEqualTo(ExitCodes.USAGE);
            assertThat(UsageOnly.refusedInbox("run", "--inbox", dir.toString())).isEqualTo(-1);
            assertThat(UsageOnly.refusedInbox("status", "--inbox", dir.resolve("inbx").toString())).as("not a command that reads it").isEqualTo(-1);
            assertThat(UsageOnly.refusedInbox("run", "--no-such-option")).as("left to the command line").isEqualTo(-1);
        } finally {
            System.setErr(before);
        }
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8).lines()).containsExactly(
                "tonghop: không có thư mục inbox " + dir.resolve("inbx") + "; hãy kiểm tra đường dẫn --inbox (hoặc tạo thư mục này trước)."
                        + " Không tệp nào được đọc.",
                "tonghop: " + file + " is a file, not a folder; --inbox is the folder holding one folder per sending office. No file was read.");
    }
}
