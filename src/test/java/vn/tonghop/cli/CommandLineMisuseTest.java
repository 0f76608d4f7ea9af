package vn.tonghop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.Year;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/**
 * A mistyped command line is refused with a one-line reason and exit 2, and leaves nothing behind: an inbox that does
 * not exist (not created, not reported as "no new files"), a file given as the inbox (which must not fail a run that
 * every later run would then resume), a year out of range.
 */
@TonghopSpringTest
class CommandLineMisuseTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    Cli cli;

    @BeforeEach
    void setUp() {
        Database.clear(jdbc);
        cli = new Cli(context);
        Cli.Result imported = cli.run("units", "import", Path.of("sample-input/registry/units.csv").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    private int runs() {
        return jdbc.queryForObject("SELECT count(*) FROM batch_job_execution", Integer.class);
    }

    @Test
    void ingestAndRun_whenTheInboxDoesNotExist_thenExit2NamingItAndNothingIsCreated() {
        Path typo = work.resolve("inbx");
        int before = runs();

        Cli.Result ingest = cli.run("ingest", "--inbox", typo.toString());
        Cli.Result run = cli.run("run", "--inbox", typo.toString(), "--out", work.resolve("out").toString());

        for (Cli.Result result : new Cli.Result[] {ingest, run}) {
            assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err().strip()).isEqualTo("tonghop: không có thư mục inbox " + typo.toAbsolutePath().normalize()
                    + "; hãy kiểm tra đường dẫn --inbox (hoặc tạo thư mục này trước). Không tệp nào được đọc.");
            assertThat(result.out()).isEmpty();
        }
        assertThat(typo).doesNotExist();
        assertThat(work.resolve("out")).doesNotExist();
        assertThat(runs()).isEqualTo(before);
    }

    @Test
    void ingest_whenAFileIsGivenAsTheInbox_thenExit2AndTheNextRunOnTheRealInboxTakesItsFiles() throws IOException {
        Path inbox = work.resolve("inbox");
        Path file = inbox.resolve("063/bach-thong-2023.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Mã xã,Tên xã,\"Số buổi tuyên truyền, phổ biến pháp luật\"\n01975,Vi Hương,21\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(3600)));

        Cli.Result wrong = cli.run("ingest", "--inbox", file.toString());

        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err().strip()).isEqualTo("tonghop: " + file.toAbsolutePath().normalize()
                + " là một tệp, không phải thư mục; --inbox là thư mục chứa thư mục của từng đơn vị gửi. Không tệp nào được đọc.");
        assertThat(file).isRegularFile();

        Cli.Result right = cli.run("ingest", "--inbox", inbox.toString());

        assertThat(right.exitCode()).as(right.out() + right.err()).isZero();
        assertThat(right.out()).doesNotContain("Tiếp tục").contains("NHẬN").contains("063/bach-thong-2023.csv");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM value v JOIN report r ON r.id = v.report_id WHERE r.commune_code = '01975'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void status_whenRunsIsBelowOne_thenExit2() {
        Cli.Result status = cli.run("status", "--runs", "-1", "--inbox", work.toString());

        assertThat(status.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(status.err().strip()).isEqualTo("tonghop: --runs phải là một số từ 1 trở lên, không phải -1.");
        assertThat(status.out()).isEmpty();
    }

    @Test
    void aggregateExportHistory_whenTheYearIsOutOfRange_thenExit2WithTheRange() {
        int last = Year.now().getValue() + 1;

        Cli.Result aggregate = cli.run("aggregate", "--year", "20233");
        Cli.Result export = cli.run("export", "--year", "1850", "--out", work.resolve("out").toString());
        Cli.Result history = cli.run("history", "--commune", "01975", "--year", "hai nghìn");

        assertThat(aggregate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(aggregate.err()).contains("năm 20233 không hợp lệ: năm báo cáo từ 2000 đến " + last + ".");
        assertThat(export.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(export.err()).contains("năm 1850 không hợp lệ: năm báo cáo từ 2000 đến " + last + ".");
        assertThat(history.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(history.err()).contains("\"hai nghìn\" không phải một năm (năm báo cáo từ 2000 đến " + last + ").");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM aggregate_state", Integer.class)).isZero();
    }

    @Test
    void run_withAnUnknownOption_thenExit2WithTheReasonOnOneLineAndWhereTheUsageIs() {
        int before = runs();

        Cli.Result wrong = cli.run("run", "--inbx", work.resolve("inbox").toString());

        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err().strip().lines()).containsExactly(
                "tonghop: Unknown options: '--inbx', '" + work.resolve("inbox") + "'",
                "Xem cách dùng: tonghop run --help");
        assertThat(wrong.out()).isEmpty();
        assertThat(runs()).isEqualTo(before);
    }
}
