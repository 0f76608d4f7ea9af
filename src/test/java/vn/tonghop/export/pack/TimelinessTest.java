package vn.tonghop.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/**
 * Timeliness judged on the reports that count for the year (fixture {@code pack/timeliness/}): Đông Hòa (91004) sent
 * quarter I on 17/03/2023 (due 20/03), its annual report on 19/12/2023 (due 20/12) and quarter IV late on 10/01/2024
 * (due 20/12/2023); its annual report is what counts, so it is on time. Gia Lộc (91005) sent quarters I and IV only, on
 * the same days: its quarter IV makes it late, and its row gives that report's arrival, due day and days late together.
 */
@TonghopSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelinessTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    static Path work;

    @BeforeAll
    void run() throws IOException {
        Database.clear(jdbc);
        Cli cli = new Cli(context);
        FileSystemUtils.copyRecursively(Path.of("src/test/resources/pack/timeliness"), work);
        arrived("912/q1-2023.csv", "2023-03-17T02:00:00Z");
        arrived("912/nam-2023.csv", "2023-12-19T02:00:00Z");
        arrived("912/q4-2023.csv", "2024-01-10T02:00:00Z");
        assertThat(cli.run("units", "import", work.resolve("units.csv").toString()).exitCode()).isZero();
        Cli.Result run = cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    private static void arrived(String file, String instant) throws IOException {
        Files.setLastModifiedTime(work.resolve("inbox").resolve(file), FileTime.from(Instant.parse(instant)));
    }

    @Test
    void progress_whenTheAnnualReportCameOnTime_thenALateQuarterDoesNotMakeTheCommuneLate() throws IOException {
        try (XSSFWorkbook workbook = Workbooks.open(work.resolve("out/tonghop-91-2023.xlsx"))) {
            Sheet sheet = workbook.getSheet("Tiến độ báo cáo");
            Row dongTam = Workbooks.rowWithText(sheet, 1, "Đồng Tâm");
            assertThat(List.of(2, 3, 4, 5, 6).stream().map(c -> Workbooks.number(dongTam, c)).toList())
                    .as("expected, received, on time (Đông Hòa), late (Gia Lộc), missing").containsExactly(3.0, 2.0, 1.0, 1.0, 1.0);
            List<String> listed = new ArrayList<>();
            for (Row row : sheet) {
                if ("Muộn".equals(Workbooks.text(row, 3))) {
                    listed.add(Workbooks.text(row, 2));
                }
            }
            assertThat(listed).containsExactly("91005");
        }
    }

    @Test
    void progress_whenASubPeriodReportCameLate_thenItsRowGivesThatReportsArrivalDueDayAndDaysLate() throws IOException {
        try (XSSFWorkbook workbook = Workbooks.open(work.resolve("out/tonghop-91-2023.xlsx"))) {
            Row giaLoc = Workbooks.rowWithText(workbook.getSheet("Tiến độ báo cáo"), 2, "91005");
            assertThat(Workbooks.text(giaLoc, 1)).isEqualTo("Gia Lộc");
            assertThat(Workbooks.text(giaLoc, 3)).isEqualTo("Muộn");
            assertThat(giaLoc.getCell(4).getLocalDateTimeCellValue().toLocalDate()).as("arrived").isEqualTo(LocalDate.of(2024, 1, 10));
            assertThat(giaLoc.getCell(5).getLocalDateTimeCellValue().toLocalDate()).as("due").isEqualTo(LocalDate.of(2023, 12, 20));
            assertThat(Workbooks.number(giaLoc, 6)).as("days late").isEqualTo(21.0);
            assertThat(Workbooks.text(giaLoc, 7)).isEqualTo("Đồng Tâm");
            assertThat(Workbooks.text(giaLoc, 8)).isEqualTo("quý I/2023, quý IV/2023 (muộn 21 ngày)");
        }
    }

    @Test
    void html_countsTheCommuneWithAnOnTimeAnnualReportAsOnTime() throws IOException {
        String html = Files.readString(work.resolve("out/tonghop-91-2023.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("1 đúng hạn, 1 muộn, 4 chưa báo cáo");
    }
}
