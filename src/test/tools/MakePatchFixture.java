// Builds src/test/resources/export/vung-in-trang-chon.xlsx: a district's workbook with what the patch of a result
// must keep: a notes sheet first, the table sheet selected and active, a hidden sheet, a print area (a name scoped to
// the table sheet), a workbook-wide name, a formula with its cached value, a merged title, borders and bold headers.
// Written with POI, then re-saved by LibreOffice so the fixture is an office suite's file:
//   java -cp "$(cat target/bench/classpath.txt)" src/test/tools/MakePatchFixture.java
//   (needs soffice: apt-get install -y --no-install-recommends libreoffice-calc-nogui)
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

public class MakePatchFixture {
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("fixture");
        Path built = work.resolve("vung-in-trang-chon.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet notes = wb.createSheet("Ghi chú");
            notes.createRow(0).createCell(0).setCellValue("Số liệu gửi kèm công văn số 12/CAH.");
            Sheet table = wb.createSheet("Tổng hợp");
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            header.setBorderTop(BorderStyle.THIN);
            header.setBorderLeft(BorderStyle.THIN);
            header.setBorderRight(BorderStyle.THIN);
            header.setWrapText(true);
            CellStyle number = wb.createCellStyle();
            number.setBorderBottom(BorderStyle.THIN);
            number.setBorderTop(BorderStyle.THIN);
            number.setBorderLeft(BorderStyle.THIN);
            number.setBorderRight(BorderStyle.THIN);
            number.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            Row title = table.createRow(0);
            title.createCell(0).setCellValue("BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC NĂM 2023");
            table.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            String[] heads = {"STT", "Mã xã", "Tên xã", "Số buổi tuyên truyền, phổ biến pháp luật", "Số lượt người tham gia"};
            Row head = table.createRow(2);
            for (int c = 0; c < heads.length; c++) {
                head.createCell(c).setCellValue(heads[c]);
                head.getCell(c).setCellStyle(header);
            }
            Object[][] rows = {{1, "01969", "Thị trấn Phủ Thông", 92, 2500}, {2, "02002", "Xã Cao Sơn", 7, 235},
                    {3, "01975", "Xã Vi Hương", 21, null}, {4, "02005", "Xã Quân Hà", 25, 1580}};
            for (int r = 0; r < rows.length; r++) {
                Row row = table.createRow(3 + r);
                for (int c = 0; c < 5; c++) {
                    Object v = rows[r][c];
                    if (v == null) {
                        continue; // Vi Hương's attendees left empty
                    }
                    if (v instanceof Integer i) {
                        row.createCell(c).setCellValue(i);
                    } else {
                        row.createCell(c).setCellValue((String) v);
                    }
                    row.getCell(c).setCellStyle(number);
                }
            }
            Row total = table.createRow(7);
            total.createCell(2).setCellValue("Tổng cộng");
            total.createCell(3).setCellFormula("SUM(D4:D7)");
            total.getCell(3).setCellStyle(number);
            total.createCell(4).setCellFormula("SUM(E4:E7)");
            total.getCell(4).setCellStyle(number);
            table.setColumnWidth(2, 22 * 256);
            table.setColumnWidth(3, 18 * 256);
            wb.setPrintArea(1, 0, 4, 0, 7);
            Name everything = wb.createName();
            everything.setNameName("TongSoBuoi");
            everything.setRefersToFormula("'Tổng hợp'!$D$8");
            Sheet hidden = wb.createSheet("Ẩn");
            hidden.createRow(0).createCell(0).setCellValue("danh mục");
            wb.setSheetHidden(2, true);
            wb.setActiveSheet(1);
            wb.getSheetAt(0).setSelected(false);
            wb.getSheetAt(1).setSelected(true);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(built)) {
                wb.write(out);
            }
        }
        Path saved = work.resolve("out");
        Process soffice = new ProcessBuilder("soffice", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
                saved.toString(), built.toString()).inheritIO().start();
        if (soffice.waitFor() != 0) {
            throw new IllegalStateException("soffice failed");
        }
        Path target = Path.of("src/test/resources/export/vung-in-trang-chon.xlsx");
        Files.copy(saved.resolve("vung-in-trang-chon.xlsx"), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Wrote " + target);
    }
}
