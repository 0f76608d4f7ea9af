package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * The scan registers a run's files together and finds the same content sent again among them: the earliest file that
 * counts is the original (of an earlier run, or the first of this one), a rejected file sent again is read again.
 */
@TonghopSpringTest
class InboxScanDuplicatesTest {

    private static final String REPORT = """
            ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
            02002,2023,propaganda_sessions,12
            """;
    private static final String NOT_A_REPORT = "this is not a report at all\n";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    Cli cli;

    @BeforeEach
    void setUp() throws IOException {
        Database.clear(jdbc);
        cli = new Cli(context);
        Path registry = work.resolve("units.csv");
        Files.writeString(registry, """
                province_code,province_name,district_code,district_name,commune_code,commune_name,commune_type,province_type,district_type
                06,Bắc Kạn,063,Bạch Thông,02002,Cao Sơn,Xã,Tỉnh,Huyện
                """, StandardCharsets.UTF_8);
        assertThat(cli.run("units", "import", registry.toString()).exitCode()).isZero();
    }

    /** Drops a file that arrived {@code minutesAgo} minutes ago: files are taken in the order they arrived. */
    private void drop(String name, String content, int minutesAgo) throws IOException {
        Path file = work.resolve("inbox/063").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60L * minutesAgo)));
    }

    private Cli.Result run() {
        return cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString());
    }

    private Map<String, Object> submission(String name) {
        return jdbc.queryForMap("""
                SELECT s.status, o.file_name AS original, s.reject_reason FROM submission s LEFT JOIN submission o ON o.id = s.duplicate_of
                WHERE s.file_name = ? ORDER BY s.id DESC LIMIT 1""", name);
    }

    @Test
    void run_whenOneContentComesThreeTimesAndAgainLater_thenTheFirstCountsAndEveryOtherIsItsDuplicate() throws IOException {
        drop("cao-son-2023.csv", REPORT, 30);
        drop("cao-son-2023-ban-sao.csv", REPORT, 20);
        drop("cao-son-2023-gui-lai.csv", REPORT, 10);
        drop("ghi-chu.csv", NOT_A_REPORT, 5);

        Cli.Result first = run();

        assertThat(first.out()).contains("1 accepted").contains("2 duplicate");
        assertThat(submission("cao-son-2023.csv")).containsEntry("status", "applied");
        for (String copy : List.of("cao-son-2023-ban-sao.csv", "cao-son-2023-gui-lai.csv")) {
            assertThat(submission(copy)).containsEntry("status", "duplicate").containsEntry("original", "cao-son-2023.csv");
            assertThat((String) submission(copy).get("reject_reason")).startsWith("Tệp trùng nội dung với tệp \"063/cao-son-2023.csv\" đã nhận lúc");
        }
        assertThat(submission("ghi-chu.csv")).containsEntry("status", "rejected");

        drop("cao-son-2023-lan-3.csv", REPORT, 1);
        drop("ghi-chu-lai.csv", NOT_A_REPORT, 1);

        Cli.Result second = run();

        assertThat(second.out()).contains("1 duplicate");
        assertThat(submission("cao-son-2023-lan-3.csv")).containsEntry("status", "duplicate").containsEntry("original", "cao-son-2023.csv");
        // the rejected file's content is read again, not taken for a duplicate of a file that never counted
        assertThat(submission("ghi-chu-lai.csv")).containsEntry("status", "rejected").containsEntry("original", null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report WHERE superseded_by IS NULL", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT file_name FROM submission ORDER BY id", String.class)).containsExactly(
                "cao-son-2023.csv", "cao-son-2023-ban-sao.csv", "cao-son-2023-gui-lai.csv", "ghi-chu.csv",
                "cao-son-2023-lan-3.csv", "ghi-chu-lai.csv");
    }
}
