package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.support.Workbooks.ERROR_FILL;
import static vn.tonghop.support.Workbooks.WARNING_FILL;
import static vn.tonghop.support.Workbooks.cell;
import static vn.tonghop.support.Workbooks.comment;
import static vn.tonghop.support.Workbooks.fill;
import static vn.tonghop.support.Workbooks.findRow;
import static vn.tonghop.support.Workbooks.markedCells;
import static vn.tonghop.support.Workbooks.open;
import static vn.tonghop.support.Workbooks.summary;
import static vn.tonghop.support.Workbooks.text;

import com.opencsv.CSVReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;
import vn.tonghop.validate.Messages;

/**
 * The clerk's whole contact with tonghop, on a real PostgreSQL: what she drops into her folder and what comes back
 * beside it — the marked-up workbook, the plain list — and what she cannot do: report for another office's
 * communes, drop files at the inbox root, reach outside the inbox with a folder's name, or run anything through a
 * cell's content.
 */
@TonghopSpringTest
class ClerkSideTest {

    private static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String DROP_TABLE = "'; DROP TABLE unit; --";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    Cli cli;
    Messages vi = Messages.vietnamese();

    @BeforeEach
    void setUp() throws IOException {
        Database.clear(jdbc);
        cli = new Cli(context);
        Cli.Result imported = cli.run("units", "import", Path.of("sample-input/registry/units.csv").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
    }

    private Path site() {
        return work.resolve("site");
    }

    private Path inbox() {
        return site().resolve("inbox");
    }

    private Path archived(String office) {
        return site().resolve("archive").resolve(LocalDate.now().toString()).resolve(office);
    }

    private Path rejected(String office) {
        return site().resolve("rejected").resolve(LocalDate.now().toString()).resolve(office);
    }

    private Cli.Result ingest() {
        return cli.run("ingest", "--inbox", inbox().toString());
    }

    private Path drop(String relative, String content) throws IOException {
        Path file = inbox().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /** A district file of Bạch Thông (063), comma-separated, with a title stating the year. */
    private static String bachThongCsv(String... rows) {
        StringBuilder csv = new StringBuilder("BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023\n")
                .append("STT,Mã xã,Tên xã,\"Số buổi tuyên truyền, phổ biến pháp luật\",Số lượt người tham gia\n");
        for (String row : rows) {
            csv.append(row).append('\n');
        }
        return csv.toString();
    }

    // --- the marked-up workbook -------------------------------------------------------------------------------

    @Test
    void ingest_whenAWorkbookHasBadCells_thenItsKetquaXlsxMarksThemRedAndYellowWithComments() throws IOException {
        Files.createDirectories(inbox().resolve("064"));
        Files.copy(Path.of("sample-input/inbox/064/cho-don-2023.xlsx"), inbox().resolve("064/cho-don-2023.xlsx"));

        Cli.Result result = ingest();

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Path ketqua = archived("064").resolve("cho-don-2023.ketqua.xlsx");
        assertThat(ketqua).exists();
        try (XSSFWorkbook workbook = open(ketqua)) {
            // Her own workbook, behind a first sheet that sums up.
            assertThat(workbook.getSheetName(0)).isEqualTo("Tóm tắt");
            assertThat(workbook.getActiveSheetIndex()).isZero();
            assertThat(workbook.getSheetName(1)).isEqualTo("Tổng hợp");
            XSSFSheet table = workbook.getSheet("Tổng hợp");
            assertThat(text(table, "C12")).isEqualTo("X. Bản Thi");

            // Errors red, warnings yellow, every one with its reason and what to do.
            assertThat(fill(table, "J12")).isEqualTo(ERROR_FILL);
            assertThat(comment(table, "J12")).isEqualTo("Lỗi: Số thôn, bản đạt chuẩn \"An toàn về ANTT\" (7) lớn hơn tổng số thôn, bản, tổ dân phố (6)."
                    + "\n→ Sửa một trong hai số cho đúng: số này không được lớn hơn tổng số.");
            assertThat(fill(table, "B15")).isEqualTo(ERROR_FILL);
            assertThat(comment(table, "B15")).startsWith("Lỗi: Mã xã \"02056\" không có trong danh mục đơn vị hành chính của kỳ năm 2023.")
                    .endsWith("→ Kiểm tra lại mã xã (5 chữ số theo danh mục đơn vị hành chính).");
            assertThat(fill(table, "M19")).isEqualTo(ERROR_FILL);
            assertThat(comment(table, "M19")).contains("Giá trị \"nhiều\"").contains("không phải là số").contains("→ Ghi một số");
            assertThat(fill(table, "N23")).isEqualTo(ERROR_FILL);
            assertThat(comment(table, "N23")).contains("\"-1\"").contains("âm").contains("→ Ghi số không âm");
            assertThat(fill(table, "E25")).isEqualTo(WARNING_FILL);
            assertThat(comment(table, "E25")).isEqualTo("Cảnh báo: Số lượt người tham gia (28) nhỏ hơn số buổi tuyên truyền, phổ biến pháp luật (32); "
                    + "hãy kiểm tra lại.\n→ Kiểm tra lại hai số này; nếu đúng thì không cần sửa.");
            assertThat(fill(table, "E28")).isEqualTo(WARNING_FILL);
            assertThat(comment(table, "E28")).contains("Dòng tổng cộng ghi 17.259");
            // Exactly those six cells: nothing else was coloured or commented.
            assertThat(markedCells(table)).containsOnlyKeys("J12", "B15", "M19", "N23", "E25", "E28");
            // Her formatting stays: the cell keeps its number format and borders, only the fill is ours.
            XSSFCellStyle marked = cell(table, "E25").getCellStyle();
            XSSFCellStyle neighbour = cell(table, "E24").getCellStyle();
            assertThat(marked.getDataFormatString()).isEqualTo(neighbour.getDataFormatString());
            assertThat(marked.getBorderLeft()).isEqualTo(neighbour.getBorderLeft());

            Map<String, String> summary = summary(workbook.getSheetAt(0));
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("KẾT QUẢ KIỂM TRA TỆP BÁO CÁO");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("NHẬN MỘT PHẦN: 17 dòng được nhận, 4 dòng bị từ chối. Hãy sửa các ô tô đỏ rồi gửi lại tệp.");
            assertThat(summary).containsEntry("Tệp", "cho-don-2023.xlsx")
                    .containsEntry("Đơn vị gửi", "Huyện Chợ Đồn (064)")
                    .containsEntry("Định dạng tệp", "XLSX")
                    .containsEntry("Bảng mã ký tự", "không áp dụng (tệp Excel)")
                    .containsEntry("Trang tính đã đọc", "\"Tổng hợp\" (tiêu đề cột ở dòng 6)")
                    .containsEntry("Kỳ báo cáo", "năm 2023")
                    .containsEntry("Số dòng được nhận", "17")
                    .containsEntry("Số dòng bị từ chối", "4")
                    .containsEntry("Số lỗi", "4")
                    .containsEntry("Số cảnh báo", "2")
                    .containsEntry("Số báo cáo gửi trước được thay thế", "0")
                    .doesNotContainKey("Lý do từ chối cả tệp");
            assertThat(summary.get("Thời điểm nhận")).matches("\\d{2}:\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");
            // The list of problems links each message to its cell.
            Row first = findRow(workbook.getSheetAt(0), "Danh sách lỗi và cảnh báo (6):", 1);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("12");
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("J");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("Lỗi");
            assertThat(first.getCell(4).getHyperlink().getAddress()).isEqualTo("'Tổng hợp'!J12");
        }
    }

    @Test
    void ingest_whenACorrectionSupersedesAnEarlierFile_thenItsSummarySaysHowManyReportsItReplaced() throws IOException {
        drop("063/bach-thong-2023-lan1.csv", bachThongCsv("1,01975,Vi Hương,10,200", "2,01978,Sĩ Bình,8,160"));
        ingest();
        drop("063/bach-thong-2023-lan2.csv", bachThongCsv("1,01975,Vi Hương,12,240", "2,01978,Sĩ Bình,8,160"));
        ingest();

        try (XSSFWorkbook workbook = open(archived("063").resolve("bach-thong-2023-lan2.ketqua.xlsx"))) {
            Map<String, String> summary = summary(workbook.getSheetAt(0));
            assertThat(summary).containsEntry("Số báo cáo gửi trước được thay thế", "2").containsEntry("Định dạng tệp", "CSV")
                    .containsEntry("Bảng mã ký tự", "UTF-8").containsEntry("Số dòng được nhận", "2");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("ĐÃ NHẬN: cả 2 dòng đều được nhận.");
            assertThat(markedCells(workbook.getSheetAt(1))).isEmpty();
            // The CSV's rows laid into a sheet on their own line numbers, codes kept as typed.
            assertThat(text(workbook.getSheetAt(1), "B3")).isEqualTo("01975");
            assertThat(cell(workbook.getSheetAt(1), "D3").getNumericCellValue()).isEqualTo(12);
        }
    }

    // --- scopes -------------------------------------------------------------------------------------------------

    @Test
    void ingest_whenARowIsForACommuneOfAnotherOffice_thenItIsAnErrorNamingTheSendingOffice() throws IOException {
        drop("063/bach-thong-2023.csv", bachThongCsv("1,01975,Vi Hương,10,200", "2,02020,Bằng Lũng,5,50"));

        ingest();

        List<Map<String, Object>> issues = jdbc.queryForList("SELECT code, row_number, column_name, cell_value, message FROM issue WHERE severity = 'error'");
        assertThat(issues).hasSize(1);
        assertThat(issues.get(0)).containsEntry("code", "row.unit.outOfScope").containsEntry("row_number", 4)
                .containsEntry("column_name", "Mã xã").containsEntry("cell_value", "02020");
        assertThat(issues.get(0).get("message")).isEqualTo(
                "Thị trấn Bằng Lũng (02020) không thuộc phạm vi của đơn vị gửi Huyện Bạch Thông (thư mục 063); đơn vị chỉ được báo cáo cho các xã của mình.");
        assertThat(jdbc.queryForList("SELECT commune_code FROM report", String.class)).containsExactly("01975");
        try (XSSFWorkbook workbook = open(archived("063").resolve("bach-thong-2023.ketqua.xlsx"))) {
            assertThat(fill(workbook.getSheetAt(1), "B4")).isEqualTo(ERROR_FILL);
            assertThat(comment(workbook.getSheetAt(1), "B4")).contains("Huyện Bạch Thông").contains("→ Xoá dòng này: xã này do đơn vị khác báo cáo.");
        }
    }

    @Test
    void ingest_whenAFileIsDroppedAtTheInboxRoot_thenItIsRejectedWithTheReasonBesideIt() throws IOException {
        drop("bach-thong-2023.csv", bachThongCsv("1,01975,Vi Hương,10,200"));

        Cli.Result result = ingest();

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.out()).contains(vi.get("file.atRoot"));
        Path day = site().resolve("rejected").resolve(LocalDate.now().toString());
        assertThat(day.resolve("bach-thong-2023.csv")).exists();
        assertThat(jdbc.queryForObject("SELECT reject_reason FROM submission", String.class)).isEqualTo(vi.get("file.atRoot"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM report", Integer.class)).isZero();
        try (XSSFWorkbook workbook = open(day.resolve("bach-thong-2023.ketqua.xlsx"))) {
            Map<String, String> summary = summary(workbook.getSheetAt(0));
            assertThat(summary).containsEntry("Lý do từ chối cả tệp", vi.get("file.atRoot"))
                    .containsEntry("Đơn vị gửi", "không rõ (tệp đặt thẳng vào thư mục inbox)");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).startsWith("BỊ TỪ CHỐI");
        }
    }

    @Test
    void ingest_whenFolderNamesTryToLeaveTheInbox_thenTheirFilesAreRejectedAndKeptInsideRejected() throws IOException {
        List<String> folders = List.of("..\\..", "...", "064;DROP TABLE unit;--", "$(touch pwned)", "..\\..\\etc");
        for (int i = 0; i < folders.size(); i++) {
            drop(folders.get(i) + "/bao-cao-2023.csv", bachThongCsv("1,01975,Vi Hương," + (10 + i) + ",200")); // different contents
        }
        drop("064/bao-cao\\..\\..\\thoat-2023.csv", bachThongCsv("1,02020,Bằng Lũng,10,200"));
        Integer units = jdbc.queryForObject("SELECT count(*) FROM unit", Integer.class);

        Cli.Result result = ingest();

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM unit", Integer.class)).isEqualTo(units);
        assertThat(jdbc.queryForList("SELECT office_code || ' | ' || reject_reason FROM submission WHERE status = 'rejected' ORDER BY office_code",
                String.class)).containsExactlyInAnyOrderElementsOf(folders.stream()
                .map(f -> f + " | " + vi.get("file.unknownOffice", f)).toList());
        // Every file and result stays under the site: nothing beside it, nothing created by a folder's name.
        try (Stream<Path> all = Files.walk(work)) {
            List<Path> files = all.filter(Files::isRegularFile).toList();
            assertThat(files).allSatisfy(f -> assertThat(f.startsWith(site())).as(f.toString()).isTrue());
            assertThat(files).noneMatch(f -> f.getFileName().toString().equals("pwned"));
        }
        assertThat(Files.exists(Path.of("pwned"))).isFalse();
        Path day = site().resolve("rejected").resolve(LocalDate.now().toString());
        try (Stream<Path> offices = Files.list(day)) {
            assertThat(offices.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "___..", "___", "064_DROP TABLE unit_--", "_(touch pwned)", "___.._etc");
        }
        assertThat(day.resolve("___..").resolve("bao-cao-2023.csv")).exists();
        assertThat(day.resolve("___..").resolve("bao-cao-2023.ketqua.xlsx")).exists();
        // A file whose own name holds backslashes is taken in its office's folder and archived under a safe name.
        assertThat(archived("064").resolve("bao-cao_.._.._thoat-2023.csv")).exists();
        assertThat(archived("064").resolve("bao-cao_.._.._thoat-2023.ketqua.xlsx")).exists();
        try (Stream<Path> left = Files.walk(inbox())) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void ingest_whenTheInboxHoldsALinkToAFileElsewhere_thenTheLinkIsNotFollowed() throws IOException {
        Path secret = Files.writeString(work.resolve("bi-mat.csv"), bachThongCsv("1,01975,Vi Hương,10,200"), StandardCharsets.UTF_8);
        Files.createDirectories(inbox().resolve("063"));
        Files.createSymbolicLink(inbox().resolve("063/lien-ket-2023.csv"), secret);

        Cli.Result result = ingest();

        assertThat(result.out()).contains(vi.get("run.noNewFiles"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM submission", Integer.class)).isZero();
        assertThat(secret).exists();
        assertThat(Files.isSymbolicLink(inbox().resolve("063/lien-ket-2023.csv"))).isTrue();
    }

    // --- cell contents are data, never code ---------------------------------------------------------------------

    @Test
    void ingest_whenCellsHoldSqlOrAFormula_thenTheyAreStoredAndShownAsPlainText() throws IOException {
        drop("063/bach-thong-2023.csv", bachThongCsv(
                "1,01975,Vi Hương,10,200",
                "2,,\"" + DROP_TABLE + "\",4,40",
                "3,01978,Sĩ Bình,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",30",
                "4,01981,Vũ Muộn,3,30",
                "5,01981,Vũ Muộn,3,30"));
        Integer units = jdbc.queryForObject("SELECT count(*) FROM unit", Integer.class);

        ingest();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM unit", Integer.class)).isEqualTo(units);
        Map<Integer, String> values = new java.util.TreeMap<>();
        jdbc.query("SELECT row_number, cell_value FROM issue WHERE cell_value IS NOT NULL", rs -> {
            values.put(rs.getInt(1), rs.getString(2));
        });
        assertThat(values).containsEntry(4, DROP_TABLE).containsEntry(5, HYPERLINK);
        assertThat(jdbc.queryForList("SELECT DISTINCT code FROM issue WHERE row_number IN (6, 7)", String.class)).containsExactly("row.duplicate");

        Path folder = archived("063");
        try (Reader reader = Files.newBufferedReader(folder.resolve("bach-thong-2023.ketqua.csv"), StandardCharsets.UTF_8);
             CSVReader csv = new CSVReader(reader)) {
            List<String[]> lines = new ArrayList<>();
            csv.forEach(lines::add);
            Map<String, String> valueByRow = lines.stream().skip(1).filter(l -> !l[3].isEmpty())
                    .collect(Collectors.toMap(l -> l[1], l -> l[3], (a, b) -> a));
            assertThat(valueByRow).containsEntry("4", DROP_TABLE).containsEntry("5", "'" + HYPERLINK);
        }
        try (XSSFWorkbook workbook = open(folder.resolve("bach-thong-2023.ketqua.xlsx"))) {
            XSSFSheet sheet = workbook.getSheet("bach-thong-2023");
            XSSFCell formula = cell(sheet, "D5");
            assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getStringCellValue()).isEqualTo(HYPERLINK);
            assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(fill(sheet, "D5")).isEqualTo(ERROR_FILL);
            assertThat(comment(sheet, "D5")).contains("Giá trị \"" + HYPERLINK + "\" ở cột").contains("không phải là số");
            assertThat(text(sheet, "C4")).isEqualTo(DROP_TABLE);
            assertThat(fill(sheet, "C4")).isEqualTo(ERROR_FILL);
            // A row's own problem (the commune twice) is marked on its first cell.
            assertThat(fill(sheet, "A6")).isEqualTo(ERROR_FILL);
            assertThat(comment(sheet, "A7")).contains("Xã Vũ Muộn có nhiều dòng trong cùng tệp (dòng 6, 7)").contains("→ Mỗi xã chỉ giữ một dòng");
            assertThat(markedCells(sheet)).containsOnlyKeys("C4", "D5", "A6", "A7");
            for (Sheet any : workbook) {
                for (Row row : any) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("%s!%s", any.getSheetName(), cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("NHẬN MỘT PHẦN: 1 dòng được nhận, 4 dòng bị từ chối. Hãy sửa các ô tô đỏ rồi gửi lại tệp.");
        }
    }
}
