package vn.tonghop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;
import vn.tonghop.validate.Messages;

/**
 * {@code tonghop history} and {@code tonghop status} on a real PostgreSQL, after real ingest runs: the versions of
 * a commune's report with who sent them, when, from which file and row, and what changed; the recent runs with their
 * counts, the files waiting, and each office's last result.
 */
@TonghopSpringTest
class HistoryAndStatusTest {

    private static final String HEADER = "STT,Mã xã,Tên xã,\"Số buổi tuyên truyền, phổ biến pháp luật\",Số lượt người tham gia\n";

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

    private Path inbox() {
        return work.resolve("inbox");
    }

    private void drop(String relative, String modified, String... rows) throws IOException {
        Path file = inbox().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "BÁO CÁO KẾT QUẢ PHONG TRÀO NĂM 2023\n" + HEADER + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(modified)));
    }

    private Cli.Result ingest() {
        Cli.Result result = cli.run("ingest", "--inbox", inbox().toString());
        assertThat(result.exitCode()).as(result.out() + result.err()).isIn(0, 4);
        return result;
    }

    /** Two runs: Bạch Thông's first file and a file of Chợ Đồn with one bad row; then Bạch Thông's correction and a file at the root. */
    private void twoRuns() throws IOException {
        drop("063/bach-thong-2023-lan1.csv", "2024-01-05T08:00:00Z", "1,01975,Vi Hương,10,200", "2,01978,Sĩ Bình,8,160");
        drop("064/cho-don-2023.csv", "2024-01-05T09:00:00Z", "1,02020,Bằng Lũng,12,6", "2,02023,Xuân Lạc,nhiều,50");
        ingest();
        drop("063/bach-thong-2023-lan2.csv", "2024-01-09T08:00:00Z", "1,01975,Vi Hương,12,240", "2,01978,Sĩ Bình,8,");
        drop("goc-2023.csv", "2024-01-09T09:00:00Z", "1,01975,Vi Hương,1,1");
        ingest();
    }

    @Test
    void history_afterACorrection_thenBothVersionsShowWhoWhenWhichFileAndRowAndWhatChanged() throws IOException {
        twoRuns();
        String day = LocalDate.now().toString();

        Cli.Result history = cli.run("history", "--commune", "01975", "--year", "2023");

        assertThat(history.exitCode()).isZero();
        List<String> lines = history.out().lines().map(String::stripTrailing).toList();
        assertThat(lines.get(0)).isEqualTo("Lịch sử báo cáo của Xã Vi Hương (01975), năm 2023: 2 lần gửi.");
        String replacedAt = jdbc.queryForObject("SELECT to_char(superseded_at, 'YYYY-MM-DD HH24:MI:SS') FROM report WHERE commune_code = '01975' "
                + "AND superseded_by IS NOT NULL", String.class);
        List<String> received = jdbc.queryForList("SELECT to_char(received_at, 'YYYY-MM-DD HH24:MI:SS') FROM submission "
                + "WHERE inbox_path LIKE '063/%' ORDER BY id", String.class);
        assertThat(lines.subList(1, lines.size())).containsExactly(
                "",
                "  Kỳ năm 2023, lần 1 — đã bị thay thế bởi tệp 063/bach-thong-2023-lan2.csv lúc " + replacedAt,
                "      gửi bởi Huyện Bạch Thông (063) lúc " + received.get(0),
                "      tệp 063/bach-thong-2023-lan1.csv, trang tính \"bach-thong-2023-lan1\", dòng 3",
                "      tệp hiện nằm ở archive/" + day + "/063/bach-thong-2023-lan1.csv",
                "      số liệu:",
                "        propaganda_attendees         200",
                "        propaganda_sessions          10",
                "",
                "  Kỳ năm 2023, lần 2 — ĐANG DÙNG",
                "      gửi bởi Huyện Bạch Thông (063) lúc " + received.get(1),
                "      tệp 063/bach-thong-2023-lan2.csv, trang tính \"bach-thong-2023-lan2\", dòng 3",
                "      tệp hiện nằm ở archive/" + day + "/063/bach-thong-2023-lan2.csv",
                "      thay đổi so với lần 1:",
                "        propaganda_attendees         200 → 240",
                "        propaganda_sessions          10 → 12");
        // The superseded version stays queryable in the database too, with its source row.
        assertThat(jdbc.queryForList("""
                SELECT s.inbox_path || ':' || r.source_row || ':' || v.value::int FROM report r JOIN submission s ON s.id = r.submission_id
                JOIN value v ON v.report_id = r.id AND v.indicator = 'propaganda_sessions'
                WHERE r.commune_code = '01975' ORDER BY s.id""", String.class))
                .containsExactly("063/bach-thong-2023-lan1.csv:3:10", "063/bach-thong-2023-lan2.csv:3:12");
    }

    @Test
    void history_whenAValueIsLeftOutOfTheCorrection_thenItShowsAsEmptied() throws IOException {
        twoRuns();

        Cli.Result history = cli.run("history", "--commune", "1978", "--year", "2023");

        assertThat(history.out()).contains("Lịch sử báo cáo của Xã Sĩ Bình (01978), năm 2023: 2 lần gửi.")
                .contains("      thay đổi so với lần 1:\n        propaganda_attendees         160 → (trống)\n")
                .doesNotContain("propaganda_sessions          8 → 8");
    }

    @Test
    void history_whenTheCommuneHasNoReportThatYearOrTheCodeIsWrong_thenItSaysSo() throws IOException {
        twoRuns();

        assertThat(cli.run("history", "--commune", "01975", "--year", "2022").out())
                .isEqualTo("Xã Vi Hương (01975) chưa có báo cáo nào của năm 2022.\n");
        Cli.Result unknown = cli.run("history", "--commune", "99999", "--year", "2023");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).isEqualTo("tonghop: mã xã 99999 không có trong danh mục đơn vị hành chính"
                + " (tonghop units import nạp danh mục).\n");
        assertThat(unknown.out()).isEmpty();
        Cli.Result wrong = cli.run("history", "--commune", "Vi Hương", "--year", "2023");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(wrong.err()).isEqualTo("tonghop: --commune phải là mã xã 5 chữ số, không phải \"Vi Hương\".\n");
    }

    @Test
    void status_afterTwoRuns_thenRunsWithTheirCountsWaitingFilesAndEachOfficesLastResult() throws IOException {
        twoRuns();
        assertThat(cli.run("aggregate", "--year", "2023").exitCode()).isZero();
        drop("071/lam-binh-2023.csv", "2024-01-10T08:00:00Z", "1,02251,Khuôn Hà,3,30");
        Files.writeString(inbox().resolve("071/~$lam-binh-2023.xlsx"), "lock");
        List<Long> runs = jdbc.queryForList("SELECT DISTINCT run_id FROM submission ORDER BY run_id", Long.class);
        List<Long> executions = runs.stream()
                .map(run -> jdbc.queryForObject("SELECT job_execution_id FROM batch_job_execution WHERE job_instance_id = ?", Long.class, run))
                .toList();

        Cli.Result status = cli.run("status", "--inbox", inbox().toString(), "--runs", "3");

        assertThat(status.exitCode()).isZero();
        List<String> lines = status.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Các lượt chạy gần đây:");
        assertThat(lines.get(1)).matches("\\s+số\\s+công việc\\s+bắt đầu\\s+kết thúc\\s+trạng thái\\s+tệp\\s+dòng\\s+lỗi\\s+cảnh báo");
        String time = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d";
        assertThat(lines.get(2)).matches("\\s+\\d+\\s+tổng hợp\\s+" + time + "\\s+" + time + "\\s+xong\\s*");
        // Second run: the correction (2 rows) and the root file (refused whole: its one error).
        assertThat(lines.get(3)).matches("\\s+" + executions.get(1) + "\\s+nhận tệp\\s+" + time + "\\s+" + time + "\\s+xong\\s+2\\s+2\\s+1\\s+0");
        // First run: 4 rows read, "nhiều" an error, 6 attendees for 12 sessions a warning.
        assertThat(lines.get(4)).matches("\\s+" + executions.get(0) + "\\s+nhận tệp\\s+" + time + "\\s+" + time + "\\s+xong\\s+2\\s+4\\s+1\\s+1");
        assertThat(lines.get(5)).isEmpty();
        assertThat(lines.get(6)).isEqualTo("Tệp đang chờ trong " + inbox().toAbsolutePath().normalize() + ": 1");
        assertThat(lines.get(7)).isEqualTo("  071/lam-binh-2023.csv");
        assertThat(lines.get(8)).isEmpty();
        assertThat(lines.get(9)).isEqualTo("Kết quả gần nhất của từng đơn vị gửi:");
        assertThat(lines.get(10)).matches("\\s+đơn vị\\s+tệp\\s+nhận lúc\\s+kết quả\\s+dòng nhận\\s+từ chối\\s+cảnh báo");
        assertThat(lines.get(11)).matches("\\s+\\(thư mục gốc inbox\\)\\s+goc-2023\\.csv\\s+" + time + "\\s+bị từ chối\\s+0\\s+0\\s+0");
        assertThat(lines.get(12)).isEqualTo("      " + Messages.vietnamese().get("file.atRoot"));
        assertThat(lines.get(13)).matches("\\s+Huyện Bạch Thông \\(063\\)\\s+063/bach-thong-2023-lan2\\.csv\\s+" + time + "\\s+đã nhận\\s+2\\s+0\\s+0");
        assertThat(lines.get(14)).matches("\\s+Huyện Chợ Đồn \\(064\\)\\s+064/cho-don-2023\\.csv\\s+" + time + "\\s+đã nhận\\s+1\\s+1\\s+1");
        assertThat(lines.get(15)).isEmpty(); // then the unattended side: schedule, runs in progress or interrupted
    }

    @Test
    void status_whenNothingWasReceived_thenItSaysSo() {
        Cli.Result status = cli.run("status", "--inbox", work.resolve("khong-co").toString());

        assertThat(status.exitCode()).isZero();
        List<String> lines = status.out().lines().toList();
        assertThat(lines).contains("Tệp đang chờ trong " + work.resolve("khong-co").toAbsolutePath() + ": 0");
        assertThat(lines.get(lines.indexOf("Kết quả gần nhất của từng đơn vị gửi:") + 2)).isEqualTo("  (chưa nhận tệp nào)");
    }

    @Test
    void status_inEnglish_thenItsTablesSpeakEnglish() throws IOException {
        twoRuns();
        StringWriter out = new StringWriter();
        CommandLine english = new CommandLine(new StatusCommand(jdbc, new Messages("en"), context.getBean(Unattended.class)));
        english.setOut(new PrintWriter(out, true));

        int code = english.execute("--inbox", inbox().toString(), "--runs", "1");

        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Recent runs:");
        assertThat(lines.get(2)).matches("\\s+\\d+\\s+ingest\\s+.*\\s+COMPLETED\\s+2\\s+2\\s+1\\s+0");
        // A stored reason stays in the language of the run that wrote it (here Vietnamese).
        assertThat(lines).contains("Last result of each sending office:", "      " + Messages.vietnamese().get("file.atRoot"));
        assertThat(lines.stream().filter(l -> l.contains("064/cho-don-2023.csv"))).singleElement().asString()
                .matches("\\s+Huyện Chợ Đồn \\(064\\)\\s+064/cho-don-2023\\.csv\\s+\\S+ \\S+\\s+accepted\\s+1\\s+1\\s+1");
    }
}
