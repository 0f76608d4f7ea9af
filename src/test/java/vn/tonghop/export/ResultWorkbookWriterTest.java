package vn.tonghop.export;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.tonghop.support.Workbooks.ERROR_FILL;
import static vn.tonghop.support.Workbooks.WARNING_FILL;
import static vn.tonghop.support.Workbooks.cell;
import static vn.tonghop.support.Workbooks.comment;
import static vn.tonghop.support.Workbooks.fill;
import static vn.tonghop.support.Workbooks.markedCells;
import static vn.tonghop.support.Workbooks.open;
import static vn.tonghop.support.Workbooks.summary;
import static vn.tonghop.support.Workbooks.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tonghop.form.FormLoader;
import vn.tonghop.form.ReportForm;
import vn.tonghop.load.Submission;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.Severity;

/**
 * The marked-up workbook on its own, from fixture files and issues as the validator words them: an .xls copied
 * into .xlsx, a workbook too big to load (streamed, values only), an unreadable file (summary alone), a clerk's
 * own "Tóm tắt" sheet, formula and comment, the comment cap, and the English bundle.
 */
class ResultWorkbookWriterTest {

    private static final String SESSIONS = "Số buổi tuyên truyền, phổ biến pháp luật";
    private static final String ATTENDEES = "Số lượt người tham gia";

    private static ReportForm form;

    @TempDir
    Path out;

    @BeforeAll
    static void loadForm() throws IOException {
        form = new FormLoader().load(Path.of("jobs/antq-01.yaml"));
    }

    private static Path fixture(String name) {
        return Path.of("src/test/resources/read", name);
    }

    private static ResultWorkbookWriter writer(Messages messages, ResultWorkbookSettings settings) {
        return new ResultWorkbookWriter(messages, settings, new vn.tonghop.layout.HeaderVocabulary(form));
    }

    private static ResultWorkbookWriter writer() {
        return writer(Messages.vietnamese(), ResultWorkbookSettings.defaults());
    }

    private static Submission submission(String fileName, String status, String format, int accepted, int rejected, String reason) {
        return new Submission(1, 1L, "063", fileName, "063/" + fileName, "0".repeat(64), 1000, OffsetDateTime.parse("2024-01-09T08:30:00+07:00"),
                status, null, format, null, null, "2023", accepted + rejected, accepted, rejected, 0, 0, 0, reason, null);
    }

    /** The same submission with another size: above 256 KB a file's values are streamed through SXSSF. */
    private static Submission sized(Submission s, long bytes) {
        return new Submission(s.id(), s.runId(), s.officeCode(), s.fileName(), s.inboxPath(), s.sha256(), bytes, s.receivedAt(), s.status(),
                s.duplicateOf(), s.format(), s.encoding(), s.sheet(), s.periodCode(), s.rowsRead(), s.rowsAccepted(), s.rowsRejected(),
                s.errors(), s.warnings(), s.reportsSuperseded(), s.rejectReason(), s.movedTo());
    }

    private static Issue error(String sheet, int row, String column, String value, String message) {
        return new Issue(Severity.ERROR, "cell.notNumber", sheet, row, column, value, null, message);
    }

    @Test
    void write_whenXls_thenItsCopyKeepsEverySheetMergeWidthAndValueAndMarksTheCells() throws IOException {
        Path source = fixture("tieu-de-gop-o.xls");
        List<Issue> issues = List.of(
                error("Mẫu ANTQ-01", 8, ATTENDEES, "2500", "Giá trị thử ở cột người tham gia."),
                new Issue(Severity.ERROR, "row.duplicate", "Mẫu ANTQ-01", 9, null, null, "02002", "Xã Cao Sơn có nhiều dòng trong cùng tệp."));
        Path target = out.resolve("tieu-de-gop-o.ketqua.xlsx");

        ResultWorkbookWriter.Mode mode = writer().write(source, target, submission("tieu-de-gop-o.xls", "applied", "xls", 1, 2, null),
                "Huyện Bạch Thông (063)", issues);

        assertThat(mode).isEqualTo(ResultWorkbookWriter.Mode.COPY);
        try (XSSFWorkbook copy = open(target);
             POIFSFileSystem fs = new POIFSFileSystem(source.toFile(), true);
             HSSFWorkbook original = new HSSFWorkbook(fs.getRoot(), true)) {
            assertThat(copy.getNumberOfSheets()).isEqualTo(original.getNumberOfSheets() + 1);
            XSSFSheet sheet = copy.getSheet("Mẫu ANTQ-01");
            HSSFSheet theirs = original.getSheet("Mẫu ANTQ-01");
            assertThat(copy.getSheetIndex(sheet)).isEqualTo(1);
            assertThat(sheet.getMergedRegions()).containsExactlyInAnyOrderElementsOf(theirs.getMergedRegions());
            DataFormatter shown = new DataFormatter();
            for (Row row : theirs) {
                assertThat(sheet.getRow(row.getRowNum()).getHeight()).isEqualTo(row.getHeight());
                for (Cell cell : row) {
                    assertThat(shown.formatCellValue(sheet.getRow(row.getRowNum()).getCell(cell.getColumnIndex())))
                            .as("cell %s", cell.getAddress()).isEqualTo(shown.formatCellValue(cell));
                    assertThat(sheet.getColumnWidth(cell.getColumnIndex())).isEqualTo(theirs.getColumnWidth(cell.getColumnIndex()));
                }
            }
            assertThat(sheet.getRow(5).getCell(2).getCellStyle().getFont().getBold())
                    .isEqualTo(theirs.getRow(5).getCell(2).getCellStyle().getFont(original).getBold());
            assertThat(markedCells(sheet)).containsOnlyKeys("D8", "A9");
            assertThat(fill(sheet, "D8")).isEqualTo(ERROR_FILL);
            assertThat(comment(sheet, "D8")).isEqualTo("Lỗi: Giá trị thử ở cột người tham gia.\n→ Ghi một số (ví dụ 12 hoặc 1.800), không ghi chữ.");
            assertThat(comment(sheet, "A9")).isEqualTo("Lỗi: Xã Cao Sơn có nhiều dòng trong cùng tệp.\n→ Mỗi xã chỉ giữ một dòng; xoá các dòng lặp rồi gửi lại tệp.");
            assertThat(summary(copy.getSheetAt(0))).containsEntry("Định dạng tệp", "XLS")
                    .containsEntry("Trang tính đã đọc", "\"Mẫu ANTQ-01\" (tiêu đề cột ở dòng 7)")
                    .containsEntry("Thời điểm nhận", OffsetDateTime.parse("2024-01-09T08:30:00+07:00")
                            .atZoneSameInstant(java.time.ZoneId.systemDefault()).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy")));
        }
        assertThat(out.resolve("tieu-de-gop-o.ketqua.xlsx.tmp")).doesNotExist();
    }

    @Test
    void write_whenTheWorkbookIsTooBigToLoad_thenItsValuesAreStreamedMarkedAndTheSummarySaysSo() throws IOException {
        Path source = fixture("bao-cao-libreoffice.xlsx");
        Path target = out.resolve("bao-cao.ketqua.xlsx");
        // SXSSF's temporary row files in a folder of this test's own (POI's default one is shared by every process).
        Path temporaries = Files.createDirectories(out.resolve("poi-tam"));
        ResultWorkbookWriter.Mode mode;
        TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(temporaries.toFile()));
        try {
            mode = writer(Messages.vietnamese(), new ResultWorkbookSettings(true, 0L, null, null)).write(source, target,
                    sized(submission("bao-cao-libreoffice.xlsx", "applied", "xlsx", 2, 1, null), 300 * 1024), "Huyện Bạch Thông (063)", List.of(
                            new Issue(Severity.WARNING, "cell.warnAtLeast", "Báo cáo năm 2023", 5, ATTENDEES, "235", "02011", "Ít người tham gia."),
                            error("Báo cáo năm 2023", 6, SESSIONS, "21", "Giá trị thử.")));
        } finally {
            TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
        }

        assertThat(mode).isEqualTo(ResultWorkbookWriter.Mode.VALUES);
        try (XSSFWorkbook workbook = open(target)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Tóm tắt");
            XSSFSheet sheet = workbook.getSheet("Báo cáo năm 2023");
            assertThat(text(sheet, "A1")).isEqualTo("BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023");
            assertThat(text(sheet, "B4")).isEqualTo("02008");
            assertThat(cell(sheet, "D4").getNumericCellValue()).isEqualTo(92);
            assertThat(text(sheet, "G4")).isEqualTo("10/10");
            assertThat(markedCells(sheet)).containsOnlyKeys("E5", "D6");
            assertThat(fill(sheet, "E5")).isEqualTo(WARNING_FILL);
            assertThat(comment(sheet, "E5")).isEqualTo("Cảnh báo: Ít người tham gia.\n→ Kiểm tra lại hai số này; nếu đúng thì không cần sửa.");
            assertThat(fill(sheet, "D6")).isEqualTo(ERROR_FILL);
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            assertThat(cellTexts(workbook.getSheetAt(0))).contains(
                    "Tệp lớn (0,3 MB, 3 dòng số liệu): để không tốn quá nhiều bộ nhớ, bản đánh dấu này chỉ chép giá trị các ô, "
                            + "không giữ định dạng và công thức của tệp gốc.");
        }
        try (Stream<Path> left = Files.list(temporaries)) {
            assertThat(left).as("SXSSF's temporary files, deleted when the workbook is closed").isEmpty();
        }
    }

    @Test
    void write_whenASmallZipHoldsMoreXmlThanACopyCanAfford_thenItIsStreamedToo() throws IOException {
        Path source = out.resolve("nhieu-o.xlsx");
        int rows = 20_000;
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("Tổng hợp");
            sheet.createRow(0).createCell(0).setCellValue("BÁO CÁO NĂM 2023");
            Row header = sheet.createRow(1);
            String[] headers = {"STT", "Mã xã", "Tên xã", SESSIONS, ATTENDEES, "Tổng số hộ gia đình"};
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(r);
                row.createCell(1).setCellValue("01975");
                row.createCell(2).setCellValue("Xã Vi Hương " + r);
                row.createCell(3).setCellValue(r % 90);
                row.createCell(4).setCellValue(r % 900);
                row.createCell(5).setCellValue(300 + r % 50);
            }
            try (OutputStream file = Files.newOutputStream(source)) {
                workbook.write(file);
            }
        }
        assertThat(Files.size(source)).isLessThan(ResultWorkbookSettings.defaults().streamAboveBytes());
        Path target = out.resolve("nhieu-o.ketqua.xlsx");

        ResultWorkbookWriter.Mode mode = writer().write(source, target, submission("nhieu-o.xlsx", "applied", "xlsx", rows, 0, null),
                "Huyện Bạch Thông (063)", List.of(error("Tổng hợp", rows + 2, ATTENDEES, "x", "Ô cuối cùng.")));

        assertThat(mode).isEqualTo(ResultWorkbookWriter.Mode.VALUES);
        try (XSSFWorkbook workbook = open(target)) {
            XSSFSheet sheet = workbook.getSheet("Tổng hợp");
            assertThat(sheet.getLastRowNum()).isEqualTo(rows + 1);
            assertThat(text(sheet, "C" + (rows + 2))).isEqualTo("Xã Vi Hương " + rows);
            assertThat(fill(sheet, "E" + (rows + 2))).isEqualTo(ERROR_FILL);
        }
    }

    @Test
    void write_whenTheFileCannotBeReadAtAll_thenTheResultIsTheSummaryAloneWithTheReason() throws IOException {
        Messages vi = Messages.vietnamese();
        String reason = vi.get("file.unreadable", vi.get("unreadable.PASSWORD_PROTECTED"));
        Path target = out.resolve("mat-khau.ketqua.xlsx");

        ResultWorkbookWriter.Mode mode = writer().write(fixture("mat-khau.xlsx"), target,
                submission("mat-khau.xlsx", "rejected", null, 0, 0, reason), "Huyện Bạch Thông (063)",
                List.of(new Issue(Severity.ERROR, "file.rejected", null, null, null, null, null, reason)));

        assertThat(mode).isEqualTo(ResultWorkbookWriter.Mode.SUMMARY_ONLY);
        try (XSSFWorkbook workbook = open(target)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("BỊ TỪ CHỐI: không nhận được số liệu nào của tệp này (xem lý do bên dưới).");
            assertThat(summary(workbook.getSheetAt(0))).containsEntry("Lý do từ chối cả tệp",
                    "Không đọc được tệp: tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại").containsEntry("Định dạng tệp", "không xác định")
                    .containsEntry("Số lỗi", "1");
            assertThat(cellTexts(workbook.getSheetAt(0))).contains(reason);
        }
    }

    @Test
    void write_whenTheClerkHasHerOwnSummarySheetFormulaAndComment_thenAllStayAndOursComesFirst() throws IOException {
        Path source = out.resolve("cua-chi.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Tóm tắt").createRow(0).createCell(0).setCellValue("Ghi chú riêng của cán bộ");
            Sheet sheet = workbook.createSheet("Báo cáo");
            sheet.createRow(0).createCell(0).setCellValue("BÁO CÁO NĂM 2023");
            Row header = sheet.createRow(2);
            String[] headers = {"STT", "Mã xã", "Tên xã", SESSIONS, ATTENDEES};
            for (int c = 0; c < headers.length; c++) {
                header.createCell(c).setCellValue(headers[c]);
            }
            Object[][] rows = {{1, "01975", "Vi Hương", 10, 200}, {2, "01978", "Sĩ Bình", "=HYPERLINK(\"http://x\",\"y\")", 30}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(3 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Integer n) {
                        row.createCell(c).setCellValue(n);
                    } else {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            Row total = sheet.createRow(5);
            total.createCell(2).setCellValue("Tổng cộng");
            total.createCell(4).setCellFormula("SUM(E4:E5)");
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
            anchor.setRow1(4);
            anchor.setCol1(5);
            anchor.setRow2(7);
            anchor.setCol2(8);
            Comment hers = drawing.createCellComment(anchor);
            hers.setString(workbook.getCreationHelper().createRichTextString("Số liệu tạm tính"));
            hers.setAuthor("Hà Thị Thu");
            sheet.getRow(4).getCell(3).setCellComment(hers);
            try (OutputStream file = Files.newOutputStream(source)) {
                workbook.write(file);
            }
        }
        byte[] before = Files.readAllBytes(source);
        Path target = out.resolve("cua-chi.ketqua.xlsx");

        writer().write(source, target, submission("cua-chi.xlsx", "applied", "xlsx", 1, 1, null), "Huyện Bạch Thông (063)", List.of(
                error("Báo cáo", 5, SESSIONS, "=HYPERLINK(\"http://x\",\"y\")", "Giá trị \"=HYPERLINK(\"http://x\",\"y\")\" ở cột \"" + SESSIONS
                        + "\" không phải là số."),
                new Issue(Severity.WARNING, "total.mismatch", "Báo cáo", 6, ATTENDEES, "230", null, "Dòng tổng cộng không khớp."),
                new Issue(Severity.ERROR, "cell.negative", "Báo cáo", 6, ATTENDEES, "230", null, "Lỗi thử thứ hai trên cùng ô.")));

        assertThat(Files.readAllBytes(source)).isEqualTo(before);
        try (XSSFWorkbook workbook = open(target)) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("Tóm tắt (2)", "Tóm tắt", "Báo cáo");
            assertThat(workbook.getActiveSheetIndex()).isZero();
            assertThat(text(workbook.getSheet("Tóm tắt"), "A1")).isEqualTo("Ghi chú riêng của cán bộ");
            XSSFSheet sheet = workbook.getSheet("Báo cáo");
            assertThat(cell(sheet, "E6").getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(cell(sheet, "E6").getCellFormula()).isEqualTo("SUM(E4:E5)");
            assertThat(cell(sheet, "D5").getCellType()).isEqualTo(CellType.STRING);
            // Her note stays, signed by her; ours follows it.
            assertThat(cell(sheet, "D5").getCellComment().getAuthor()).isEqualTo("Hà Thị Thu");
            assertThat(cell(sheet, "D5").getCellComment().getString().getString()).startsWith("Số liệu tạm tính\n\nLỗi: Giá trị \"=HYPERLINK");
            // Two problems of one cell: one comment, both reasons, red because one is an error.
            assertThat(fill(sheet, "E6")).isEqualTo(ERROR_FILL);
            assertThat(comment(sheet, "E6")).isEqualTo("Cảnh báo: Dòng tổng cộng không khớp.\n→ Kiểm tra lại dòng tổng cộng hoặc các dòng số liệu phía trên."
                    + "\n\nLỗi: Lỗi thử thứ hai trên cùng ô.\n→ Ghi số không âm (ghi 0 nếu không có).");
        }
    }

    @Test
    void write_whenMoreCellsAreMarkedThanCommentsAllowed_thenTheRestAreFilledOnlyAndTheSummarySaysSo() throws IOException {
        Path target = out.resolve("bao-cao.ketqua.xlsx");

        writer(Messages.vietnamese(), new ResultWorkbookSettings(true, null, null, 1)).write(fixture("bao-cao-libreoffice.xlsx"), target,
                submission("bao-cao-libreoffice.xlsx", "applied", "xlsx", 1, 2, null), "Huyện Bạch Thông (063)", List.of(
                        error("Báo cáo năm 2023", 4, SESSIONS, "92", "Thứ nhất."), error("Báo cáo năm 2023", 5, SESSIONS, "7", "Thứ hai.")));

        try (XSSFWorkbook workbook = open(target)) {
            XSSFSheet sheet = workbook.getSheet("Báo cáo năm 2023");
            assertThat(markedCells(sheet)).containsOnlyKeys("D4", "D5");
            assertThat(comment(sheet, "D4")).startsWith("Lỗi: Thứ nhất.");
            assertThat(cell(sheet, "D5").getCellComment()).isNull();
            assertThat(cellTexts(workbook.getSheetAt(0))).contains(
                    "Chỉ 1 ô đầu tiên có chú thích; 1 ô còn lại chỉ được tô màu, xem lý do trong tệp .ketqua.csv.");
        }
    }

    @Test
    void write_inEnglish_thenTheSummaryAndCommentsAreEnglish() throws IOException {
        Path target = out.resolve("bao-cao.ketqua.xlsx");

        writer(new Messages("en"), ResultWorkbookSettings.defaults()).write(fixture("bao-cao-libreoffice.xlsx"), target,
                submission("bao-cao-libreoffice.xlsx", "applied", "xlsx", 2, 1, null), "Huyện Bạch Thông (063)",
                List.of(error("Báo cáo năm 2023", 4, SESSIONS, "92", "Value \"92\" is not a number.")));

        try (XSSFWorkbook workbook = open(target)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Summary");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("PARTLY ACCEPTED: 2 rows accepted, 1 rows rejected. Correct the red cells and send the file again.");
            assertThat(summary(workbook.getSheetAt(0))).containsEntry("Report period", "year 2023").containsEntry("File format", "XLSX");
            assertThat(comment(workbook.getSheet("Báo cáo năm 2023"), "D4"))
                    .isEqualTo("Error: Value \"92\" is not a number.\n→ Write a number (such as 12 or 1.800), not words.");
        }
    }

    @Test
    void onlyPlainWholeNumbersOfACsvBecomeNumberCells() {
        assertThat(List.of("0", "7", "1800", "123456789012345")).allMatch(ResultWorkbookWriter::isPlainNumber);
        // a leading zero (a code), separators, signs, decimals, more digits than a double keeps: the text as typed
        assertThat(List.of("", "07", "00", "1.800", "1 800", "-5", "+5", "2,5", "1e3", "1234567890123456", "١٢", "12a"))
                .noneMatch(ResultWorkbookWriter::isPlainNumber);
    }

    private static List<String> cellTexts(Sheet sheet) {
        List<String> texts = new java.util.ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && !cell.getStringCellValue().isEmpty()) {
                    texts.add(cell.getStringCellValue());
                }
            }
        }
        return texts;
    }
}
