package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.TonghopSpringTest;

/**
 * Only a file that counted makes another one a duplicate: the same report dropped first into a folder that is no office
 * and then into the right office's folder, in one run, is taken from the right one; a copy of a file that was taken is
 * still a duplicate.
 */
@TonghopSpringTest
class DuplicateOfRejectedTest {

    private static final byte[] REPORT = """
            Mã xã,Tên xã,"Số buổi tuyên truyền, phổ biến pháp luật",Số lượt người tham gia
            01975,Vi Hương,21,775
            02005,Quân Hà,25,1580
            """.getBytes(StandardCharsets.UTF_8);

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    private static void age(Path file, int hours) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(hours, ChronoUnit.HOURS)));
    }

    private String status(String inboxPath) {
        return jdbc.queryForObject("SELECT status || coalesce(' of ' || duplicate_of, '') FROM submission WHERE inbox_path = ?",
                String.class, inboxPath);
    }

    private long id(String inboxPath) {
        return jdbc.queryForObject("SELECT id FROM submission WHERE inbox_path = ?", Long.class, inboxPath);
    }

    @Test
    void ingest_whenTheFirstCopyIsRejectedForItsFolder_thenTheNextCopyIsReadAndCountedAndTheThirdIsItsDuplicate() throws IOException {
        IngestBed bed = new IngestBed(context, jdbc, work);
        age(bed.write("640", "vi-huong-2023.csv", REPORT), 3);
        age(bed.write("063", "vi-huong-2023.csv", REPORT), 2);
        age(bed.write("063", "vi-huong-2023-lan-2.csv", REPORT), 1);

        Cli.Result result = bed.ingest();

        assertThat(result.exitCode()).as(result.out()).isEqualTo(4); // the copy in 640/ is rejected whole
        assertThat(status("640/vi-huong-2023.csv")).isEqualTo("rejected");
        assertThat(status("063/vi-huong-2023.csv")).isEqualTo("applied");
        assertThat(status("063/vi-huong-2023-lan-2.csv")).isEqualTo("duplicate of " + id("063/vi-huong-2023.csv"));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM value v JOIN report r ON r.id = v.report_id JOIN submission s ON s.id = r.submission_id
                WHERE s.inbox_path = '063/vi-huong-2023.csv' AND r.superseded_by IS NULL""", Integer.class)).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT reject_reason FROM submission WHERE inbox_path = '063/vi-huong-2023-lan-2.csv'", String.class))
                .startsWith("Tệp trùng nội dung với tệp \"063/vi-huong-2023.csv\" đã nhận lúc ");
        assertThat(result.out()).contains("NHẬN     063/vi-huong-2023.csv");
        assertThat(bed.filesUnder("archive")).anyMatch(f -> f.endsWith("063/vi-huong-2023.csv"));
        assertThat(bed.filesUnder("rejected")).anyMatch(f -> f.endsWith("640/vi-huong-2023.csv"));
        try (var files = Files.walk(work.resolve("archive"))) {
            Path list = files.filter(f -> f.getFileName().toString().equals("vi-huong-2023-lan-2.ketqua.csv")).findFirst().orElseThrow();
            assertThat(Files.readString(list, StandardCharsets.UTF_8)).contains("Tệp trùng nội dung với tệp \"\"063/vi-huong-2023.csv\"\"");
        }
    }

    @Test
    void ingest_whenTheFirstCopyIsTaken_thenTheSecondStaysItsDuplicate() throws IOException {
        IngestBed bed = new IngestBed(context, jdbc, work);
        age(bed.write("063", "vi-huong-2023.csv", REPORT), 2);
        age(bed.write("063", "vi-huong-2023-ban-sao.csv", REPORT), 1);

        Cli.Result result = bed.ingest();

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(status("063/vi-huong-2023-ban-sao.csv")).isEqualTo("duplicate of " + id("063/vi-huong-2023.csv"));
        assertThat(bed.values("vi-huong-2023.csv")).isEqualTo(Map.of(
                "01975", Map.of("propaganda_sessions", 21L, "propaganda_attendees", 775L),
                "02005", Map.of("propaganda_sessions", 25L, "propaganda_attendees", 1580L)));
    }
}
