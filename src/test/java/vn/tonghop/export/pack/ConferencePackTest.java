package vn.tonghop.export.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.RateDefinition;
import vn.tonghop.form.ReportForm;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/**
 * The conference pack of province 06 Bắc Kạn for 2023 on {@code sample-input/}, written by {@code run} as a user
 * runs it, opened again with POI and checked against {@code aggregates.csv} written by the same run. Files get
 * the arrival days of a real year: Bạch Thông on 18 December (on time; its correction came in January), Chợ Đồn
 * on 27 December (7 days after the 20 December deadline).
 */
@TonghopSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConferencePackTest {

    private static final List<String> SHEETS_BEFORE_REFORM = List.of("Tổng hợp toàn tỉnh", "Theo huyện", "Theo xã",
            "So sánh qua các năm", "Tiến độ báo cáo", "Cảnh báo", "Biểu đồ");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportForm form;

    @TempDir
    static Path work;

    Cli cli;
    Map<String, String> aggregates;
    String runOutput;

    @BeforeAll
    void runTheSample() throws IOException {
        Database.clear(jdbc);
        cli = new Cli(context);
        FileSystemUtils.copyRecursively(Path.of("sample-input"), work.resolve("sample-input"));
        arrived("063/bach-thong-2022.xlsx", "2022-12-19T02:00:00Z");
        arrived("064/cho-don-2022.csv", "2022-12-20T02:00:00Z");
        arrived("02251/khuon-ha-2022.csv", "2022-12-23T02:00:00Z");
        arrived("071/lam-binh-2022.csv", "2022-12-17T02:00:00Z");
        arrived("063/bach-thong-2023-lan1.csv", "2023-12-18T02:00:00Z");
        arrived("063/bach-thong-2023-lan2.csv", "2024-01-09T02:00:00Z");
        arrived("064/cho-don-2023.xlsx", "2023-12-27T02:00:00Z");
        arrived("071/lam-binh-2023.xlsx", "2023-12-19T02:00:00Z");
        arrived("071/lam-binh-2023-ban-sao.xlsx", "2023-12-19T03:00:00Z");
        arrived("072/na-hang-2023.csv", "2023-12-20T02:00:00Z");
        arrived("072/xuat-tu-he-thong-2023.csv", "2023-12-22T02:00:00Z");
        assertThat(cli.run("units", "import", work.resolve("sample-input/registry/units.csv").toString()).exitCode()).isZero();
        Cli.Result run = cli.run("run", "--inbox", work.resolve("sample-input/inbox").toString(), "--out", out().toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        runOutput = run.out();
        aggregates = new HashMap<>();
        List<String> lines = Files.readAllLines(out().resolve("aggregates.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            aggregates.put(cells[0] + "|" + cells[1] + "|" + cells[3] + "|" + cells[4], cells[5]);
        }
    }

    private void arrived(String file, String instant) throws IOException {
        Files.setLastModifiedTime(work.resolve("sample-input/inbox").resolve(file), FileTime.from(Instant.parse(instant)));
    }

    private Path out() {
        return work.resolve("out");
    }

    private XSSFWorkbook pack() throws IOException {
        return Workbooks.open(out().resolve("tonghop-06-2023.xlsx"));
    }

    /** The value aggregates.csv gives, or null where it is empty. */
    private Double csv(String level, String unit, int year, String indicator) {
        String key = level + "|" + unit + "|" + year + "|" + indicator;
        assertThat(aggregates).as(key).containsKey(key);
        String value = aggregates.get(key);
        return value.isEmpty() ? null : Double.valueOf(value);
    }

    /** The province's rate from its summed parts in aggregates.csv where they give back the stored rate, else as stored. */
    private double unrounded(String code, int year, double stored) {
        RateDefinition rate = form.rates().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
        if (rate.isFlagShare()) {
            return stored;
        }
        double exact = csv("province", "06", year, rate.numerator()) / csv("province", "06", year, rate.denominator());
        return Math.abs(exact - stored) <= 0.00005 ? exact : stored;
    }

    /** Every figure column of the pack: the form's indicators, then its rates, as the workbook labels them. */
    private Map<String, String> labels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        for (Indicator indicator : form.indicators()) {
            labels.put(indicator.code(), indicator.header());
        }
        PackText text = new PackText(vn.tonghop.validate.Messages.vietnamese());
        for (RateDefinition rate : form.rates()) {
            labels.put(rate.code(), text.get("rate." + rate.code()));
        }
        return labels;
    }

    private static void assertFigure(Double actual, Double expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isNotNull();
            assertThat(actual).as(what).isCloseTo(expected, within(1e-9));
        }
    }

    @Test
    void run_thenEveryProvinceWithDataGetsAPackForEveryYearTheFilesTouched() {
        assertThat(runOutput).contains("tonghop-06-2022.xlsx", "tonghop-06-2023.xlsx", "tonghop-08-2022.xlsx", "tonghop-08-2023.xlsx",
                "tonghop-06-2023.html");
        assertThat(out().resolve("tonghop-08-2023.xlsx")).isRegularFile();
        assertThat(out().resolve("tonghop-08-2023.html")).isRegularFile();
    }

    @Test
    void pack_beforeTheReform_hasTheSevenSheetsInOrder() throws IOException {
        try (XSSFWorkbook workbook = pack()) {
            assertThat(Workbooks.sheetNames(workbook)).containsExactlyElementsOf(SHEETS_BEFORE_REFORM);
            for (Sheet sheet : workbook) {
                assertThat(sheet.getPrintSetup().getLandscape()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getPaperSize()).as(sheet.getSheetName()).isEqualTo((short) 9);   // A4
            }
            assertThat(workbook.getSheet("Theo huyện").getPaneInformation().isFreezePane()).isTrue();
            assertThat(workbook.getSheet("Tổng hợp toàn tỉnh").getPaneInformation().getHorizontalSplitPosition())
                    .isEqualTo((short) (SummarySheet.HEADER_ROW + 1));
        }
    }

    @Test
    void summary_givesEveryIndicatorOfTheProvinceAsInAggregatesCsv_withTheChangeFromLastYear() throws IOException {
        try (XSSFWorkbook workbook = pack()) {
            Sheet summary = workbook.getSheet("Tổng hợp toàn tỉnh");
            assertThat(Workbooks.text(summary.getRow(0), 0)).isEqualTo("KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023");
            assertThat(Workbooks.text(summary.getRow(SummarySheet.HEADER_ROW), SummarySheet.COL_CHANGE)).isEqualTo("Tăng (+), giảm (−) so với năm 2022");
            int checked = 0;
            for (Map.Entry<String, String> column : labels().entrySet()) {
                String code = column.getKey();
                boolean rate = code.startsWith("rate_");
                Row row = Workbooks.rowWithText(summary, 1, column.getValue());
                Double now = csv("province", "06", 2023, code);
                Double last = csv("province", "06", 2022, code);
                assertFigure(Workbooks.number(row, SummarySheet.COL_THIS_YEAR), now, code + " 2023");
                assertFigure(Workbooks.number(row, SummarySheet.COL_LAST_YEAR), last, code + " 2022");
                // A rate's change from the rates unrounded (summed numerator over summed denominator), not the four-decimal ones.
                Double change = now == null || last == null ? null
                        : rate ? (unrounded(code, 2023, now) - unrounded(code, 2022, last)) * 100 : now - last;
                assertFigure(Workbooks.number(row, SummarySheet.COL_CHANGE), change, code + " change");
                Double relative = rate || now == null || last == null || last == 0 ? null : (now - last) / last;
                Double actualRelative = Workbooks.number(row, SummarySheet.COL_RELATIVE);
                if (relative == null) {
                    assertThat(actualRelative).as(code + " relative").isNull();
                } else {
                    assertThat(actualRelative).as(code + " relative").isCloseTo(relative, within(1e-12));
                }
                assertThat(Workbooks.number(row, SummarySheet.COL_YEAR_BEFORE)).as("nothing for 2021").isNull();
                checked++;
            }
            assertThat(checked).isEqualTo(form.indicators().size() + form.rates().size());
            Row sessions = Workbooks.rowWithText(summary, 1, "Số buổi tuyên truyền, phổ biến pháp luật");
            assertThat(Workbooks.number(sessions, SummarySheet.COL_THIS_YEAR)).isEqualTo(804.0);
            assertThat(summary.getRow(sessions.getRowNum()).getCell(SummarySheet.COL_THIS_YEAR).getCellStyle().getDataFormatString())
                    .isEqualTo("[$-42A]#,##0");
            Row reporting = Workbooks.rowWithText(summary, 1, "Số xã đã báo cáo");
            assertThat(Workbooks.number(reporting, SummarySheet.COL_THIS_YEAR)).isEqualTo(31.0);
            assertThat(Workbooks.number(reporting, SummarySheet.COL_LAST_YEAR)).isEqualTo(33.0);
        }
    }

    @Test
    void byDistrict_givesEachDistrictAndTheProvinceTotalAsInAggregatesCsv_withRanks() throws IOException {
        try (XSSFWorkbook workbook = pack()) {
            Sheet sheet = workbook.getSheet("Theo huyện");
            Row bachThong = Workbooks.rowWithText(sheet, 1, "063");
            Row choDon = Workbooks.rowWithText(sheet, 1, "064");
            Row total = Workbooks.rowWithText(sheet, 2, "Toàn tỉnh");
            assertThat(total.getRowNum()).isEqualTo(choDon.getRowNum() + 1);
            assertThat(Workbooks.text(bachThong, 2)).isEqualTo("Bạch Thông");
            assertThat(Workbooks.number(choDon, 3)).as("communes reporting").isEqualTo(17.0);
            assertThat(Workbooks.number(choDon, 4)).as("communes expected").isEqualTo(20.0);
            for (Map.Entry<String, String> column : labels().entrySet()) {
                int c = Workbooks.columnWithText(sheet, UnitsSheet.HEADER_ROW, column.getValue());
                String code = column.getKey();
                assertFigure(Workbooks.number(bachThong, c), csv("district", "063", 2023, code), "063 " + code);
                assertFigure(Workbooks.number(choDon, c), csv("district", "064", 2023, code), "064 " + code);
                assertFigure(Workbooks.number(total, c), csv("province", "06", 2023, code), "06 " + code);
            }
            // Key indicators come first, each with its rank: 063 has the higher share of safe villages, 064 more sessions.
            int rate = Workbooks.columnWithText(sheet, UnitsSheet.HEADER_ROW, labels().get("rate_villages_safe"));
            assertThat(Workbooks.text(sheet.getRow(UnitsSheet.HEADER_ROW + 1), rate + 1)).isEqualTo("Hạng");
            assertThat(csv("district", "063", 2023, "rate_villages_safe")).isGreaterThan(csv("district", "064", 2023, "rate_villages_safe"));
            assertThat(Workbooks.number(bachThong, rate + 1)).isEqualTo(1.0);
            assertThat(Workbooks.number(choDon, rate + 1)).isEqualTo(2.0);
            int sessions = Workbooks.columnWithText(sheet, UnitsSheet.HEADER_ROW, labels().get("propaganda_sessions"));
            assertThat(Workbooks.number(choDon, sessions + 1)).isEqualTo(1.0);
            assertThat(Workbooks.number(bachThong, sessions + 1)).isEqualTo(2.0);
            assertThat(Workbooks.number(total, sessions + 1)).as("the province is not ranked").isNull();
        }
    }

    @Test
    void byCommune_givesEveryCommuneWithItsDistrictAsInAggregatesCsv() throws IOException {
        try (XSSFWorkbook workbook = pack()) {
            Sheet sheet = workbook.getSheet("Theo xã");
            List<String> communes = jdbc.queryForList("SELECT code FROM unit WHERE level = 'commune' AND province_code = '06' ORDER BY code",
                    String.class);
            assertThat(communes).hasSize(34);
            for (String commune : communes) {
                Row row = Workbooks.rowWithText(sheet, 1, commune);
                String district = jdbc.queryForObject("SELECT d.name FROM unit c JOIN unit d ON d.level = 'district' AND d.code = c.parent_code "
                        + "WHERE c.level = 'commune' AND c.code = ?", String.class, commune);
                assertThat(Workbooks.text(row, 3)).isEqualTo(district);
                for (Map.Entry<String, String> column : labels().entrySet()) {
                    int c = Workbooks.columnWithText(sheet, UnitsSheet.HEADER_ROW, column.getValue());
                    assertFigure(Workbooks.number(row, c), csv("commune", commune, 2023, column.getKey()), commune + " " + column.getKey());
                }
            }
            Row banThi = Workbooks.rowWithText(sheet, 1, "02035");
            assertThat(Workbooks.text(banThi, 4)).isEqualTo("Chưa");
            Row caoSon = Workbooks.rowWithText(sheet, 1, "02002");
            int safe = Workbooks.columnWithText(sheet, UnitsSheet.HEADER_ROW, "Xã đạt chuẩn \"An toàn về ANTT\"");
            assertThat(caoSon.getCell(safe).getCellStyle().getDataFormatString()).as("a commune's yes/no").contains("Đạt");
        }
    }

    @Test
    void charts_areNativeBarCharts_drawnFromTheirTablesOfThisYearAndLastYearByDistrict() throws IOException {
        try (XSSFWorkbook workbook = pack()) {
            XSSFSheet sheet = workbook.getSheet("Biểu đồ");
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);
            String[] indicators = {"rate_villages_safe", "propaganda_sessions"};
            for (int i = 0; i < charts.size(); i++) {
                XSSFChart chart = charts.get(i);
                assertThat(chart.getTitleText().getString()).startsWith("Biểu đồ " + (i + 1) + ": " + labels().get(indicators[i]))
                        .contains("năm 2023 và năm 2022");
                List<XDDFChartData> data = chart.getChartSeries();
                assertThat(data).hasSize(1);
                assertThat(data.get(0).getSeriesCount()).isEqualTo(2);
                for (int s = 0; s < 2; s++) {
                    XDDFChartData.Series series = data.get(0).getSeries(s);
                    String categories = series.getCategoryData().getDataRangeReference();
                    String values = series.getValuesData().getDataRangeReference();
                    assertThat(categories).startsWith("'Biểu đồ'!$A$");
                    assertThat(values).startsWith("'Biểu đồ'!$" + (s == 0 ? "B" : "C") + "$");
                    assertThat(cells(sheet, categories)).containsExactly("Bạch Thông", "Chợ Đồn");
                    int year = s == 0 ? 2023 : 2022;
                    List<Object> plotted = cells(sheet, values);
                    assertThat(plotted).hasSize(2);
                    assertFigure((Double) plotted.get(0), csv("district", "063", year, indicators[i]), "chart " + i + " 063 " + year);
                    assertFigure((Double) plotted.get(1), csv("district", "064", year, indicators[i]), "chart " + i + " 064 " + year);
                }
            }
        }
    }

    private static List<Object> cells(XSSFSheet sheet, String range) {
        List<Object> values = new ArrayList<>();
        for (CellReference ref : new AreaReference(range, SpreadsheetVersion.EXCEL2007).getAllReferencedCells()) {
            Cell cell = sheet.getRow(ref.getRow()).getCell(ref.getCol());
            values.add(cell.getCellType() == CellType.STRING ? cell.getStringCellValue()
                    : cell.getCellType() == CellType.NUMERIC ? (Object) cell.getNumericCellValue() : null);
        }
        return values;
    }

    @Test
    void progress_countsOnTimeLateAndMissingPerDistrict_andNamesTheMissingWithWhyTheirRowsWereRejected() throws IOException {
        try (XSSFWorkbook workbook = pack()) {
            Sheet sheet = workbook.getSheet("Tiến độ báo cáo");
            assertThat(Workbooks.text(sheet.getRow(2), 0)).contains("báo cáo năm ngày 20/12");
            Row bachThong = Workbooks.rowWithText(sheet, 1, "Bạch Thông");
            assertThat(List.of(2, 3, 4, 5, 6).stream().map(c -> Workbooks.number(bachThong, c)).toList())
                    .as("expected, received, on time (lần 1 came on 18/12), late, missing").containsExactly(14.0, 14.0, 14.0, 0.0, 0.0);
            Row choDon = Workbooks.rowWithText(sheet, 1, "Chợ Đồn");
            assertThat(List.of(2, 3, 4, 5, 6).stream().map(c -> Workbooks.number(choDon, c)).toList()).containsExactly(20.0, 17.0, 0.0, 17.0, 3.0);
            assertThat(Workbooks.text(choDon, 8)).isEqualTo("Bản Thi, Ngọc Phái, Đại Sảo");
            Row province = Workbooks.rowWithText(sheet, 1, "Toàn tỉnh");
            assertThat(List.of(2, 3, 4, 5, 6).stream().map(c -> Workbooks.number(province, c)).toList()).containsExactly(34.0, 31.0, 14.0, 17.0, 3.0);

            List<String> missing = new ArrayList<>();
            List<String> late = new ArrayList<>();
            for (Row row : sheet) {
                String status = Workbooks.text(row, 3);
                if ("Chưa báo cáo".equals(status)) {
                    missing.add(Workbooks.text(row, 1));
                    assertThat(Workbooks.text(row, 8)).startsWith("Có gửi nhưng bị từ chối: 064/cho-don-2023.xlsx (");
                } else if ("Muộn".equals(status)) {
                    late.add(Workbooks.text(row, 2));
                    assertThat(Workbooks.number(row, 6)).as("days late").isEqualTo(7.0);
                    assertThat(row.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2023, 12, 20));
                    assertThat(Workbooks.text(row, 7)).isEqualTo("Chợ Đồn");
                }
            }
            assertThat(missing).containsExactly("Bản Thi", "Ngọc Phái", "Đại Sảo");
            assertThat(late).hasSize(17).allMatch(code -> code.compareTo("02020") >= 0 && code.compareTo("02083") <= 0);
            Row banThi = Workbooks.rowWithText(sheet, 1, "Bản Thi");
            assertThat(Workbooks.text(banThi, 8)).contains("(12)").contains("lớn hơn");
        }
    }

    @Test
    void warnings_listTheStandingWarningsWithTheirFileAndRow() throws IOException {
        try (XSSFWorkbook workbook = pack()) {
            Sheet sheet = workbook.getSheet("Cảnh báo");
            List<String> listed = new ArrayList<>();
            for (int r = WarningsSheet.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                listed.add(Workbooks.text(row, 1) + " | " + Workbooks.text(row, 4) + " | " + Workbooks.number(row, 6) + " | "
                        + Workbooks.text(row, 8));
            }
            assertThat(listed).contains("(cả tệp) | 064/cho-don-2023.xlsx | 28.0 | 17259", "Yên Mỹ | 064/cho-don-2023.xlsx | 25.0 | 28");
            assertThat(listed).noneMatch(line -> line.contains("bach-thong-2023-lan1"));
        }
    }

    @Test
    void html_isOnePageWithTheKeyFiguresInVietnameseNotationAndInlineCharts() throws IOException {
        String html = Files.readString(out().resolve("tonghop-06-2023.html"), StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"vi\">").contains("Tỉnh Bắc Kạn")
                .contains("KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023")
                .contains(">804<").contains("31/34").contains("14 đúng hạn, 17 muộn, 3 chưa báo cáo")
                .contains("Chưa báo cáo (3): Bản Thi, Ngọc Phái, Đại Sảo.");
        assertThat(html.split("<svg viewBox=\"0 0 640 300\"", -1)).hasSize(3);
        assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=").doesNotContain("url(");
        BigDecimal rate = BigDecimal.valueOf(csv("province", "06", 2023, "rate_villages_safe"));
        assertThat(html).contains(">" + HtmlSummary.figure(rate, true) + "<");
    }

    @Test
    void export_withoutProvince_writesOnePackPerProvinceWithData_andAnUnknownProvinceIsRefused() throws IOException {
        Path elsewhere = work.resolve("export-all");
        Cli.Result all = cli.run("export", "--year", "2023", "--out", elsewhere.toString());
        assertThat(all.exitCode()).as(all.err()).isZero();
        try (var files = Files.list(elsewhere)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("aggregates.csv",
                    "tonghop-06-2023.html", "tonghop-06-2023.xlsx", "tonghop-08-2023.html", "tonghop-08-2023.xlsx");
        }
        try (XSSFWorkbook tuyenQuang = Workbooks.open(elsewhere.resolve("tonghop-08-2023.xlsx"))) {
            Row total = Workbooks.rowWithText(tuyenQuang.getSheet("Theo huyện"), 2, "Toàn tỉnh");
            assertThat(Workbooks.number(total, 3)).isEqualTo(csvReporting("08"));
        }

        Cli.Result unknown = cli.run("export", "--year", "2023", "--province", "99", "--out", elsewhere.toString());
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("không có số liệu tổng hợp của tỉnh 99 năm 2023");
    }

    private double csvReporting(String province) {
        return jdbc.queryForObject("SELECT DISTINCT communes_reporting FROM aggregate_value WHERE level = 'province' AND unit_code = ? AND year = 2023",
                Integer.class, province);
    }
}
