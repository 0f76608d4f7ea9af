package vn.tonghop.export.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
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
 * A rate's change between years comes from the rates unrounded (fixture {@code pack/rate-change/}): households signed
 * 2230/2487 in 2022 and 2400/2870 in 2023 is a fall of 6,0426 points; the four-decimal rates (89,67% and 83,62%) would
 * give 6,05. The pack, the HTML summary and the narrative all round the same 6,0426.
 */
@TonghopSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateChangeTest {

    private static final double EXACT_POINTS = (2400.0 / 2870 - 2230.0 / 2487) * 100;

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
        FileSystemUtils.copyRecursively(Path.of("src/test/resources/pack/rate-change"), work);
        assertThat(cli.run("units", "import", work.resolve("units.csv").toString()).exitCode()).isZero();
        Cli.Result run = cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Cli.Result export = cli.run("export", "--year", "2023", "--province", "91", "--docx", "--out", work.resolve("out").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
    }

    @Test
    void summary_whenARateChanged_thenThePointsAreTheDifferenceOfTheUnroundedRates() throws IOException {
        try (XSSFWorkbook workbook = Workbooks.open(work.resolve("out/tonghop-91-2023.xlsx"))) {
            Row row = Workbooks.rowWithText(workbook.getSheet("Tổng hợp toàn tỉnh"), 1, "Tỷ lệ hộ gia đình ký cam kết an toàn về ANTT");
            assertThat(Workbooks.number(row, 2)).as("this year, as aggregates.csv").isEqualTo(0.8362);
            assertThat(Workbooks.number(row, 3)).as("last year, as aggregates.csv").isEqualTo(0.8967);
            assertThat(Workbooks.number(row, 4)).as("change in points").isCloseTo(EXACT_POINTS, within(1e-9));
            assertThat(new DataFormatter(java.util.Locale.ROOT).formatCellValue(row.getCell(4))).isEqualTo("-6.0 điểm");
        }
    }

    @Test
    void html_whenARateChanged_thenItsTileShowsTheUnroundedDifferenceRounded() throws IOException {
        String html = Files.readString(work.resolve("out/tonghop-91-2023.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("▼ −6,0 điểm %").doesNotContain("6,1 điểm");
    }

    @Test
    void docx_whenARateChanged_thenTheSentenceAndTheTableSay604Points() throws IOException {
        try (XWPFDocument docx = new XWPFDocument(Files.newInputStream(work.resolve("out/bao-cao-tong-ket-91-2023.docx")))) {
            List<String> paragraphs = docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).anyMatch(p -> p.contains(
                    "tỷ lệ hộ gia đình ký cam kết an toàn về an ninh, trật tự giảm 6,04 điểm phần trăm (từ 89,67% xuống 83,62%)"));
            List<String> rateRow = docx.getTables().stream().flatMap(t -> t.getRows().stream())
                    .map(r -> r.getTableCells().stream().map(XWPFTableCell::getText).toList())
                    .filter(cells -> cells.get(0).equals("Tỷ lệ hộ gia đình ký cam kết an toàn về an ninh, trật tự"))
                    .findFirst().orElseThrow();
            assertThat(rateRow).containsExactly("Tỷ lệ hộ gia đình ký cam kết an toàn về an ninh, trật tự", "83,62%", "89,67%",
                    "−6,04 điểm", "");
        }
    }
}
