package vn.tonghop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.tonghop.ops.RunProgress;
import vn.tonghop.validate.Messages;

class ProgressPrinterTest {

    private final Messages vietnamese = Messages.vietnamese();

    @Test
    void line_whileReading_thenFilesRowsRateAndTimeLeftInVietnamese() throws Exception {
        StringWriter text = new StringWriter();
        RunProgress progress = new RunProgress();
        progress.phase(RunProgress.Phase.READ, 300, 3_000_000);
        for (int i = 0; i < 100; i++) {
            progress.fileDone(10_000, 0);
        }
        progress.rowsRead(12_345);
        Thread.sleep(1100);

        AutoCloseable printer = ProgressPrinter.start(progress, vietnamese, new PrintWriter(text), ProgressPrinter.NumberText.forLanguage("vi"),
                Duration.ofMillis(300));
        Thread.sleep(500);
        printer.close();

        String line = text.toString().lines().findFirst().orElseThrow();
        assertThat(line).startsWith("  … đọc và kiểm tra: 100/300 tệp (33%), 12.345 dòng, ").contains(" dòng/giây, còn khoảng ");
        // a third done in a bit over a second: twice that left
        assertThat(line).containsPattern("còn khoảng [2-5],\\d giây$");
    }

    @Test
    void line_beforeAnyFileIsDone_thenTheTimeLeftIsNotGuessed() {
        RunProgress progress = new RunProgress();
        progress.phase(RunProgress.Phase.APPLY, 20, 0);

        RunProgress.Snapshot snapshot = progress.snapshot().orElseThrow();

        assertThat(snapshot.timeLeft()).isEmpty();
        assertThat(snapshot.percent()).isZero();
    }

    @Test
    void durationText_inVietnameseAndEnglish() {
        Messages english = new Messages("en");

        assertThat(ProgressPrinter.durationText(vietnamese, Duration.ofMillis(2500))).isEqualTo("2,5 giây");
        assertThat(ProgressPrinter.durationText(vietnamese, Duration.ofSeconds(95))).isEqualTo("1 phút 35 giây");
        assertThat(ProgressPrinter.durationText(vietnamese, Duration.ofMinutes(125))).isEqualTo("2 giờ 5 phút");
        assertThat(ProgressPrinter.durationText(english, Duration.ofMillis(2500))).isEqualTo("2.5 s");
        assertThat(ProgressPrinter.durationText(english, Duration.ofSeconds(95))).isEqualTo("1 min 35 s");
    }

    @Test
    void numberText_groupsThousandsAsEachLanguageWritesThem() {
        assertThat(ProgressPrinter.NumberText.forLanguage("vi").format(4_600_000)).isEqualTo("4.600.000");
        assertThat(ProgressPrinter.NumberText.forLanguage("en").format(4_600_000)).isEqualTo("4,600,000");
        assertThat(ProgressPrinter.NumberText.forLanguage("vi").format(999)).isEqualTo("999");
    }

    @Test
    void commandArguments_whenSettingsFollowTheCommand_thenPicocliSeesOnlyItsOwnArguments() {
        assertThat(CliRunner.commandArguments("run", "--inbox", "in", "--tonghop.lock.wait-seconds=600", "--server.port=0", "--out=x"))
                .containsExactly("run", "--inbox", "in", "--out=x");
    }
}
