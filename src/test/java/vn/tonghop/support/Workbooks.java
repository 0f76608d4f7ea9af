package vn.tonghop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads a produced {@code .ketqua.xlsx} back with POI, for assertions on its cells, fills, comments and summary. */
public final class Workbooks {

    /** The red of an error cell and the yellow of a warning cell, as ARGB hex. */
    public static final String ERROR_FILL = "FFFF7C80";
    public static final String WARNING_FILL = "FFFFFF00";

    private Workbooks() {
    }

    public static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    public static XSSFCell cell(Sheet sheet, String address) {
        org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(address);
        Row row = sheet.getRow(ref.getRow());
        assertThat(row).as("row of %s", address).isNotNull();
        Cell cell = row.getCell(ref.getCol());
        assertThat(cell).as("cell %s", address).isNotNull();
        return (XSSFCell) cell;
    }

    public static String text(Sheet sheet, String address) {
        return cell(sheet, address).getStringCellValue();
    }

    /** The cell's solid fill as ARGB hex, or null. */
    public static String fill(Sheet sheet, String address) {
        XSSFCellStyle style = cell(sheet, address).getCellStyle();
        return style.getFillForegroundXSSFColor() == null ? null : style.getFillForegroundXSSFColor().getARGBHex();
    }

    public static String comment(Sheet sheet, String address) {
        XSSFCell cell = cell(sheet, address);
        assertThat(cell.getCellComment()).as("comment of %s", address).isNotNull();
        assertThat(cell.getCellComment().getAuthor()).isEqualTo("tonghop");
        return cell.getCellComment().getString().getString();
    }

    /** Every cell filled red or yellow, with its fill. */
    public static Map<String, String> markedCells(Sheet sheet) {
        Map<String, String> marked = new java.util.TreeMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                var color = ((XSSFCellStyle) cell.getCellStyle()).getFillForegroundXSSFColor();
                String argb = color == null ? null : color.getARGBHex();
                if (ERROR_FILL.equals(argb) || WARNING_FILL.equals(argb)) {
                    marked.put(cell.getAddress().formatAsString(), argb);
                }
            }
        }
        return marked;
    }

    /** The labelled lines of the summary sheet: label (column A) → value (column B). */
    public static Map<String, String> summary(Sheet sheet) {
        Map<String, String> lines = new java.util.LinkedHashMap<>();
        for (Row row : sheet) {
            Cell label = row.getCell(0);
            Cell value = row.getCell(1);
            if (label != null && value != null && label.getCellType() == CellType.STRING && value.getCellType() == CellType.STRING
                    && !label.getStringCellValue().isEmpty() && row.getCell(4) == null) {
                lines.put(label.getStringCellValue(), value.getStringCellValue());
            }
        }
        return lines;
    }

    /** The row {@code offset} rows below the one whose first cell says {@code text}. */
    public static Row findRow(Sheet sheet, String text, int offset) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(text)) {
                return sheet.getRow(row.getRowNum() + 1 + offset);
            }
        }
        throw new AssertionError("No row saying " + text);
    }
}
