package vn.tonghop.export.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.tonghop.support.Workbooks.ERROR_FILL;
import static vn.tonghop.support.Workbooks.WARNING_FILL;
import static vn.tonghop.support.Workbooks.cell;
import static vn.tonghop.support.Workbooks.comment;
import static vn.tonghop.support.Workbooks.fill;
import static vn.tonghop.support.Workbooks.open;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tonghop.read.PartNames;

/**
 * The clerk's .xlsx patched into a result: on a LibreOffice workbook with a notes sheet first, the table sheet selected,
 * a hidden sheet, a print area scoped to the table sheet, a workbook-wide name, formulas and borders
 * ({@code src/test/tools/MakePatchFixture.java}), everything of hers stays and ours is added.
 */
class WorkbookPatchTest {

    private static final Path FIXTURE = Path.of("src/test/resources/export/vung-in-trang-chon.xlsx");
    private static final String ERROR = "FFFF7C80";
    private static final String WARNING = "FFFFFF00";

    @TempDir
    Path out;

    private Path patched() throws IOException {
        Path result = out.resolve("vung-in-trang-chon.ketqua.xlsx");
        try (WorkbookPatch patch = WorkbookPatch.open(FIXTURE, result)) {
            assertThat(patch.sheetNames()).containsExactly("Ghi chú", "Tổng hợp", "Ẩn");
            try (WorkbookPatch.NewSheet summary = patch.summary("Tóm tắt", new WorksheetWriter.Setup(true, 0, Map.of(0, 30), true))) {
                summary.rows().startRow(0, 24);
                summary.rows().text(0, "=KẾT QUẢ KIỂM TRA", patch.styles().format(CellFormat.summary(true, 14, null, false)));
                summary.rows().link(0, 0, "'Tổng hợp'!D5");
            }
            patch.mark("Tổng hợp", List.of(
                    new Marks.Row(4, List.of(new Marks.Cell(3, ERROR, "Lỗi: số buổi của Cao Sơn."))),
                    new Marks.Row(5, List.of(new Marks.Cell(1, WARNING, null), new Marks.Cell(4, WARNING, "Cảnh báo: Vi Hương chưa ghi số người."))),
                    new Marks.Row(9, List.of(new Marks.Cell(1, ERROR, "Lỗi: dòng sau bảng.")))).iterator());
        }
        return result;
    }

    @Test
    void patch_whenCellsAreMarked_thenTheyAreFilledAndCommentedAndKeepTheirOwnFormat() throws IOException {
        try (XSSFWorkbook result = open(patched())) {
            XSSFSheet sheet = result.getSheet("Tổng hợp");
            assertThat(fill(sheet, "D5")).isEqualTo(ERROR_FILL);
            assertThat(cell(sheet, "D5").getNumericCellValue()).isEqualTo(7);
            assertThat(cell(sheet, "D5").getCellStyle().getBorderLeft()).isEqualTo(BorderStyle.THIN);
            assertThat(cell(sheet, "D5").getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(comment(sheet, "D5")).isEqualTo("Lỗi: số buổi của Cao Sơn.");
            assertThat(fill(sheet, "B6")).as("a cell of hers, filled without a comment").isEqualTo(WARNING_FILL);
            assertThat(cell(sheet, "B6").getStringCellValue()).isEqualTo("01975");
            assertThat(cell(sheet, "B6").getCellComment()).isNull();
            assertThat(fill(sheet, "E6")).as("a cell she left empty, created").isEqualTo(WARNING_FILL);
            assertThat(comment(sheet, "E6")).isEqualTo("Cảnh báo: Vi Hương chưa ghi số người.");
            assertThat(fill(sheet, "B10")).as("a row she has not, created").isEqualTo(ERROR_FILL);
            assertThat(fill(sheet, "D4")).as("an unmarked cell").isNull();
            assertThat(cell(sheet, "D4").getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        }
    }

    @Test
    void patch_whenTheSummaryGoesFirst_thenHerSheetsNamesFormulasAndPrintAreaStayAsSheMadeThem() throws IOException {
        try (XSSFWorkbook result = open(patched())) {
            assertThat(List.of(result.getSheetName(0), result.getSheetName(1), result.getSheetName(2), result.getSheetName(3)))
                    .containsExactly("Tóm tắt", "Ghi chú", "Tổng hợp", "Ẩn");
            assertThat(result.getActiveSheetIndex()).isZero();
            assertThat(result.getSheetAt(0).isSelected()).isTrue();
            assertThat(result.getSheetAt(2).isSelected()).as("her selected sheet, no longer selected with ours").isFalse();
            assertThat(result.isSheetHidden(3)).isTrue();
            assertThat(result.getPrintArea(2)).isEqualTo("'Tổng hợp'!$A$1:$E$8");
            assertThat(result.getName("TongSoBuoi").getRefersToFormula()).isEqualTo("'Tổng hợp'!$D$8");
            XSSFSheet sheet = result.getSheet("Tổng hợp");
            assertThat(cell(sheet, "D8").getCellFormula()).isEqualTo("SUM(D4:D7)");
            assertThat(cell(sheet, "D8").getNumericCellValue()).isEqualTo(145);
            assertThat(sheet.getMergedRegions()).containsExactly(CellRangeAddress.valueOf("A1:E1"));
            assertThat(cell(result.getSheetAt(0), "A1").getStringCellValue()).isEqualTo("=KẾT QUẢ KIỂM TRA");
            assertThat(cell(result.getSheetAt(0), "A1").getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(cell(result.getSheetAt(0), "A1").getHyperlink().getAddress()).isEqualTo("'Tổng hợp'!D5");
        }
    }

    @Test
    void patch_whenPartsAreUntouched_thenTheyAreCopiedByteForByte() throws IOException {
        Path result = patched();
        try (ZipFile theirs = ZipFile.builder().setPath(FIXTURE).get(); ZipFile ours = ZipFile.builder().setPath(result).get()) {
            for (String part : List.of("xl/worksheets/sheet1.xml", "xl/worksheets/sheet3.xml", "xl/sharedStrings.xml", "docProps/core.xml")) {
                try (InputStream a = theirs.getInputStream(theirs.getEntry(part)); InputStream b = ours.getInputStream(ours.getEntry(part))) {
                    assertThat(new String(b.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).as(part)
                            .isEqualTo(new String(a.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
    }

    @Test
    void patch_whenHerSelectedSheetIsNotMarked_thenOnlyItsSelectionChanges() throws IOException {
        Path result = out.resolve("khong-danh-dau.ketqua.xlsx");
        try (WorkbookPatch patch = WorkbookPatch.open(FIXTURE, result)) {
            try (WorkbookPatch.NewSheet summary = patch.summary("Tóm tắt", new WorksheetWriter.Setup(true, 0, Map.of(), false))) {
                summary.rows().startRow(0, 0);
                summary.rows().text(0, "ĐÃ NHẬN", 0);
            }
        }
        try (XSSFWorkbook workbook = open(result)) {
            assertThat(workbook.getSheetAt(0).isSelected()).isTrue();
            assertThat(workbook.getSheet("Tổng hợp").isSelected()).isFalse();
            assertThat(cell(workbook.getSheet("Tổng hợp"), "D8").getCellFormula()).isEqualTo("SUM(D4:D7)");
        }
        try (ZipFile theirs = ZipFile.builder().setPath(FIXTURE).get(); ZipFile ours = ZipFile.builder().setPath(result).get()) {
            String her;
            String mine;
            try (InputStream a = theirs.getInputStream(theirs.getEntry("xl/worksheets/sheet2.xml"));
                 InputStream b = ours.getInputStream(ours.getEntry("xl/worksheets/sheet2.xml"))) {
                her = new String(a.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                mine = new String(b.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertThat(her).contains("tabSelected=\"true\"");
            assertThat(mine).isEqualTo(her.replace(" tabSelected=\"true\"", ""));
        }
    }

    @Test
    void patch_whenHerSheetViewsEndKilobytesIn_thenItIsStillUnselectedAndHerCellsKept() throws IOException {
        Path source = out.resolve("chon-nhieu-o.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Tổng hợp");
            for (int r = 0; r < 30; r++) {
                sheet.createRow(r).createCell(0).setCellValue(r * 7);
            }
            sheet.setSelected(true);
            // a selection of 1,500 cells: the sheet's views end some 8 KB into the part, past the first pieces read
            List<String> cells = new java.util.ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                cells.add("B" + (i * 2 + 1));
            }
            sheet.getCTWorksheet().getSheetViews().getSheetViewArray(0).addNewSelection().setSqref(cells);
            try (OutputStream file = Files.newOutputStream(source)) {
                workbook.write(file);
            }
        }
        Path result = out.resolve("chon-nhieu-o.ketqua.xlsx");
        try (WorkbookPatch patch = WorkbookPatch.open(source, result)) {
            try (WorkbookPatch.NewSheet summary = patch.summary("Tóm tắt", new WorksheetWriter.Setup(true, 0, Map.of(), false))) {
                summary.rows().startRow(0, 0);
                summary.rows().text(0, "ĐÃ NHẬN", 0);
            }
        }
        try (ZipFile ours = ZipFile.builder().setPath(result).get();
             InputStream b = ours.getInputStream(ours.getEntry("xl/worksheets/sheet1.xml"))) {
            String mine = new String(b.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(mine.indexOf("</sheetViews>")).as("views ending past 4 KB").isGreaterThan(4096);
            assertThat(mine).doesNotContain("tabSelected").contains("B2999");
        }
        try (XSSFWorkbook workbook = open(result)) {
            assertThat(workbook.getSheetAt(0).isSelected()).isTrue();
            assertThat(workbook.getSheet("Tổng hợp").isSelected()).isFalse();
            assertThat(cell(workbook.getSheet("Tổng hợp"), "A30").getNumericCellValue()).isEqualTo(203.0);
        }
    }

    @Test
    void open_whenASheetHasCommentsOfItsOwn_thenThePatchRefusesAndWritesNothing() throws IOException {
        Path source = out.resolve("co-ghi-chu.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Tổng hợp");
            sheet.createRow(0).createCell(0).setCellValue("Số liệu");
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
            Comment note = drawing.createCellComment(anchor);
            note.setString(workbook.getCreationHelper().createRichTextString("Số liệu tạm tính"));
            sheet.getRow(0).getCell(0).setCellComment(note);
            try (OutputStream file = Files.newOutputStream(source)) {
                workbook.write(file);
            }
        }
        Path target = out.resolve("co-ghi-chu.ketqua.xlsx");

        assertThatThrownBy(() -> WorkbookPatch.open(source, target)).isInstanceOf(WorkbookPatch.Unsupported.class)
                .hasMessageContaining("comments");
        assertThat(target).doesNotExist();
    }

    @Test
    void relativeAndResolve_thenPartNamesAndTargetsRoundTrip() {
        assertThat(PartNames.resolve("xl/", "worksheets/sheet1.xml")).isEqualTo("xl/worksheets/sheet1.xml");
        assertThat(PartNames.resolve("xl/worksheets/", "../comments1.xml")).isEqualTo("xl/comments1.xml");
        assertThat(PartNames.resolve("xl/", "/xl/styles.xml")).isEqualTo("xl/styles.xml");
        assertThat(WorkbookPatch.relative("xl/worksheets/", "xl/drawings/vmlDrawing1.vml")).isEqualTo("../drawings/vmlDrawing1.vml");
        assertThat(WorkbookPatch.relative("xl/", "xl/worksheets/sheet4.xml")).isEqualTo("worksheets/sheet4.xml");
    }
}
