package vn.tonghop.export.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads a written pack back with POI, the way a test looks for a row by its label. */
final class Workbooks {

    private Workbooks() {
    }

    static XSSFWorkbook open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    /** The first row whose cell in {@code column} holds exactly {@code text}. */
    static Row rowWithText(Sheet sheet, int column, String text) {
        for (Row row : sheet) {
            if (text.equals(text(row, column))) {
                return row;
            }
        }
        throw new AssertionError("no row with '" + text + "' in column " + column + " of sheet " + sheet.getSheetName());
    }

    static int columnWithText(Sheet sheet, int row, String text) {
        for (Cell cell : sheet.getRow(row)) {
            if (cell.getCellType() == CellType.STRING && text.equals(cell.getStringCellValue())) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column '" + text + "' in row " + row + " of sheet " + sheet.getSheetName());
    }

    static List<Row> rowsBetween(Sheet sheet, int first, int endExclusive) {
        List<Row> rows = new ArrayList<>();
        for (int r = first; r < endExclusive; r++) {
            rows.add(sheet.getRow(r));
        }
        return rows;
    }

    static String text(Row row, int column) {
        Cell cell = row == null ? null : row.getCell(column);
        if (cell == null) {
            return null;
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> String.valueOf(cell.getNumericCellValue());
            default -> null;
        };
    }

    /** A numeric cell's value, or null for an empty (not reported) cell. */
    static Double number(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        if (cell.getCellType() != CellType.NUMERIC) {
            throw new AssertionError("cell " + cell.getAddress() + " of " + row.getSheet().getSheetName() + " is " + cell.getCellType()
                    + ", not a number: " + cell);
        }
        return cell.getNumericCellValue();
    }
}
