package vn.tonghop.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/**
 * Names that a spreadsheet would run as formulas ({@code =cmd|' /C calc'!A0}, a DDE call) reach the pack as text:
 * a string cell with the quote prefix, never a formula, and escaped in the HTML summary. The commune with the
 * DDE name does not report, so it also appears in the lists of missing communes.
 */
@TonghopSpringTest
class FormulaInjectionTest {

    private static final String DDE = "=cmd|' /C calc'!A0";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    @Test
    void export_whenUnitNamesLookLikeFormulas_thenTheyAreWrittenAsQuotedText() throws IOException {
        Database.clear(jdbc);
        Cli cli = new Cli(context);
        Path registry = work.resolve("units.csv");
        Files.writeString(registry, """
                province_code,province_name,district_code,district_name,commune_code,commune_name,commune_type,province_type,district_type
                06,Bắc Kạn,063,+SUM(1;2),02002,"%s",Xã,Tỉnh,Huyện
                06,Bắc Kạn,063,+SUM(1;2),02005,@Vũ Muộn,Xã,Tỉnh,Huyện
                06,Bắc Kạn,063,+SUM(1;2),02008,Cẩm Giàng,Xã,Tỉnh,Huyện
                """.formatted(DDE.replace("\"", "\"\"")), StandardCharsets.UTF_8);
        assertThat(cli.run("units", "import", registry.toString()).exitCode()).isZero();
        Path inbox = work.resolve("inbox/063");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("bach-thong-2023.csv"), """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                02005,2023,propaganda_sessions,7
                02008,2023,propaganda_sessions,9
                """, StandardCharsets.UTF_8);
        Cli.Result run = cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        try (XSSFWorkbook workbook = Workbooks.open(work.resolve("out/tonghop-06-2023.xlsx"))) {
            Row commune = Workbooks.rowWithText(workbook.getSheet("Theo xã"), 1, "02002");
            assertQuotedText(commune.getCell(2), DDE);
            assertQuotedText(commune.getCell(3), "+SUM(1;2)");
            assertQuotedText(Workbooks.rowWithText(workbook.getSheet("Theo xã"), 1, "02005").getCell(2), "@Vũ Muộn");
            assertQuotedText(Workbooks.rowWithText(workbook.getSheet("Theo huyện"), 1, "063").getCell(2), "+SUM(1;2)");
            assertQuotedText(Workbooks.rowWithText(workbook.getSheet("Biểu đồ"), 0, "+SUM(1;2)").getCell(0), "+SUM(1;2)");
            // 02002 did not report: named in the progress sheet's list of missing communes
            assertQuotedText(Workbooks.rowWithText(workbook.getSheet("Tiến độ báo cáo"), 2, "02002").getCell(1), DDE);
            Cell plain = Workbooks.rowWithText(workbook.getSheet("Theo huyện"), 2, "Toàn tỉnh").getCell(2);
            assertThat(plain.getCellStyle().getQuotePrefixed()).as("ordinary text is not quoted").isFalse();
        }
        String html = Files.readString(work.resolve("out/tonghop-06-2023.html"), StandardCharsets.UTF_8);
        assertThat(html).contains("=cmd|&#39; /C calc&#39;!A0").doesNotContain(DDE);
    }

    private static void assertQuotedText(Cell cell, String text) {
        assertThat(cell.getCellType()).as(cell.getAddress().formatAsString()).isEqualTo(CellType.STRING);
        assertThat(cell.getStringCellValue()).isEqualTo(text);
        assertThat(cell.getCellStyle().getQuotePrefixed()).as("quote prefix on " + cell.getAddress().formatAsString()).isTrue();
    }
}
