package vn.tonghop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.support.RegistryTemplate;
import vn.tonghop.support.SharedPostgres;
import vn.tonghop.support.TonghopProcess;

/**
 * {@code tonghop serve} as systemd runs it: the real jar on a real PostgreSQL, a clerk dropping files into
 * the watched inbox (one written slowly in parts, beside office lock and temporary files), the health and
 * info endpoints, {@code status} showing the next nightly run, and a graceful stop on SIGTERM.
 */
class ServeIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String FULL = """
            ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
            02020,2023-M04,propaganda_sessions,12
            02020,2023-M04,propaganda_attendees,480
            02020,2023-M04,villages_total,9
            02020,2023-M04,villages_safe,8
            """;

    @Test
    void serve_whenFilesAreDropped_thenEachRealFileIsIngestedOnceAndLockFilesNever() throws Exception {
        Path work = Path.of("target/it-work/serve").toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        Path inbox = Files.createDirectories(work.resolve("inbox/063"));
        Files.createDirectories(work.resolve("inbox/064"));
        String url = RegistryTemplate.newDatabase("serve");
        JdbcTemplate db = SharedPostgres.jdbc(url);
        Map<String, String> settings = Map.of("TONGHOP_WATCH_POLL_SECONDS", "1", "TONGHOP_WATCH_SETTLE_SECONDS", "3",
                "SERVER_PORT", "0", "TONGHOP_SCHEDULE_CRON", "0 30 3 * * *");

        TonghopProcess serve = TonghopProcess.start(work, url, settings, "serve", "--inbox", "inbox", "--out", "out");
        try {
            TonghopProcess.await("serve to print its health address", TIMEOUT, () -> serve.out().contains("/actuator/health") || !serve.isAlive());
            Matcher address = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)/actuator/health").matcher(serve.out());
            assertThat(address.find()).as(serve.output()).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(address.group(1) + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).endsWith("\"status\":\"UP\"}").contains("\"db\":{");
            HttpResponse<String> info = http.send(HttpRequest.newBuilder(URI.create(address.group(1) + "/actuator/info")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(info.body()).contains("\"schedule\":\"0 30 3 * * * (Asia/Ho_Chi_Minh)\"").contains("\"watcher\":\"on\"");

            // a clerk's office suite and browser leave these beside her files: never taken
            Files.write(inbox.resolve("~$bao-cao-thang-4.xlsx"), new byte[] {0x12, 0x34, 0x00, 0x7f});
            Files.writeString(inbox.resolve(".~lock.bao-cao-thang-4.xlsx#"), "Cán bộ,may-tinh,22.11.2026 10:00,");
            Files.writeString(inbox.resolve("tai-ve.csv.part"), "ma_don_vi,ky_bao_cao");
            Files.writeString(inbox.resolve("nhap.tmp"), "tam");
            // a file dropped at once
            Files.writeString(inbox.resolve("01969-2023-03.csv"), FULL.replace("02020", "01969").replace("M04", "M03"), StandardCharsets.UTF_8);
            // a file copied slowly over the network: four parts, a second and a half apart
            Path slow = work.resolve("inbox/064/02020-2023-04.csv");
            byte[] content = FULL.getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = Files.newOutputStream(slow)) {
                for (int part = 0; part < 4; part++) {
                    out.write(content, part * content.length / 4, (part + 1) * content.length / 4 - part * content.length / 4);
                    out.flush();
                    Thread.sleep(1500);
                }
            }

            TonghopProcess.await("both files ingested and moved", TIMEOUT,
                    () -> count(db, "SELECT count(*) FROM submission WHERE moved_to IS NOT NULL") >= 2 || !serve.isAlive());
            Thread.sleep(6000); // a few more looks at the inbox: nothing else is taken

            assertThat(db.queryForList("SELECT inbox_path || ' ' || status || ' ' || rows_accepted FROM submission ORDER BY inbox_path",
                    String.class)).containsExactly("063/01969-2023-03.csv applied 1", "064/02020-2023-04.csv applied 1");
            assertThat(db.queryForObject("SELECT sha256 FROM submission WHERE inbox_path = '064/02020-2023-04.csv'", String.class))
                    .as("the slow file was taken whole").isEqualTo(sha256(content));
            assertThat(db.queryForObject("""
                    SELECT v.value::int FROM value v JOIN report r ON r.id = v.report_id
                    WHERE r.commune_code = '02020' AND r.period_code = '2023-M04' AND v.indicator = 'villages_safe'""", Integer.class))
                    .isEqualTo(8);
            try (var left = Files.list(inbox)) {
                assertThat(left.map(p -> p.getFileName().toString()).sorted().toList())
                        .containsExactly(".~lock.bao-cao-thang-4.xlsx#", "nhap.tmp", "tai-ve.csv.part", "~$bao-cao-thang-4.xlsx");
            }
            assertThat(serve.out()).contains("lượt chạy (có tệp mới)");
            assertThat(Files.readString(work.resolve("out/aggregates.csv"))).contains("commune,02020,");

            TonghopProcess status = TonghopProcess.run(work, url, settings, TIMEOUT, "status", "--inbox", "inbox");
            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.out()).contains("Lịch chạy tự động (serve): 0 30 3 * * * (Asia/Ho_Chi_Minh); lần tới: "
                    + nextAt(3, 30).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx")));
            assertThat(status.out()).contains("Tệp đang chờ trong " + work.resolve("inbox") + ": 0");
        } finally {
            serve.terminate();
        }
        assertThat(serve.waitFor(Duration.ofMinutes(1))).as("stopped by SIGTERM").isIn(0, 143);
        assertThat(serve.out()).contains("tonghop serve: đang dừng");
        assertThat(serve.err()).doesNotContain("Exception");
    }

    private static ZonedDateTime nextAt(int hour, int minute) {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        ZonedDateTime today = now.withHour(hour).withMinute(minute).withSecond(0).withNano(0);
        return today.isAfter(now) ? today : today.plusDays(1);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static long count(JdbcTemplate db, String sql) {
        Long n = db.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
