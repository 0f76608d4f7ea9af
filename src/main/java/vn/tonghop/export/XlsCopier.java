package vn.tonghop.export;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFFont;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.hssf.util.HSSFColor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An old-format .xls workbook copied into a new .xlsx one, so the clerk's result opens as the same workbook she
 * sent: every sheet (hidden ones stay hidden), cell values, merged cells, column widths, row heights and the look
 * of each cell (font, alignment, wrap, borders, fill, number format). Formulas are carried over when the .xlsx
 * grammar accepts them, else their last computed value.
 */
final class XlsCopier {

    private final HSSFWorkbook source;
    private final XSSFWorkbook target = new XSSFWorkbook();
    private final Map<Short, XSSFCellStyle> styles = new HashMap<>();
    private final Map<Integer, XSSFFont> fonts = new HashMap<>();

    private XlsCopier(HSSFWorkbook source) {
        this.source = source;
    }

    static XSSFWorkbook copy(HSSFWorkbook source) {
        return new XlsCopier(source).copyAll();
    }

    private XSSFWorkbook copyAll() {
        for (int i = 0; i < source.getNumberOfSheets(); i++) {
            HSSFSheet from = source.getSheetAt(i);
            XSSFSheet to = target.createSheet(source.getSheetName(i));
            copySheet(from, to);
            if (source.isSheetVeryHidden(i)) {
                target.setSheetVisibility(i, SheetVisibility.VERY_HIDDEN);
            } else if (source.isSheetHidden(i)) {
                target.setSheetVisibility(i, SheetVisibility.HIDDEN);
            }
        }
        return target;
    }

    private void copySheet(HSSFSheet from, XSSFSheet to) {
        int maxColumn = 0;
        for (Row row : from) {
            Row copy = to.createRow(row.getRowNum());
            if (row.getZeroHeight()) {
                copy.setZeroHeight(true);
            }
            copy.setHeight(row.getHeight());
            for (Cell cell : row) {
                maxColumn = Math.max(maxColumn, cell.getColumnIndex());
                copyCell(cell, copy.createCell(cell.getColumnIndex()));
            }
        }
        for (int c = 0; c <= maxColumn; c++) {
            to.setColumnWidth(c, from.getColumnWidth(c));
            to.setColumnHidden(c, from.isColumnHidden(c));
        }
        for (CellRangeAddress merged : from.getMergedRegions()) {
            to.addMergedRegionUnsafe(merged);
        }
        to.setDisplayGridlines(from.isDisplayGridlines());
    }

    private void copyCell(Cell from, Cell to) {
        to.setCellStyle(style((HSSFCellStyle) from.getCellStyle()));
        switch (from.getCellType()) {
            case NUMERIC -> to.setCellValue(from.getNumericCellValue());
            case STRING -> to.setCellValue(from.getStringCellValue());
            case BOOLEAN -> to.setCellValue(from.getBooleanCellValue());
            case ERROR -> to.setCellErrorValue(from.getErrorCellValue());
            case FORMULA -> copyFormula(from, to);
            default -> {
                // blank: the style alone
            }
        }
    }

    private static void copyFormula(Cell from, Cell to) {
        try {
            to.setCellFormula(from.getCellFormula());
        } catch (RuntimeException e) {
            to.setBlank(); // a formula the .xlsx grammar refuses: keep its value below
        }
        CellType cached = from.getCachedFormulaResultType();
        switch (cached) {
            case NUMERIC -> to.setCellValue(from.getNumericCellValue());
            case STRING -> to.setCellValue(from.getStringCellValue());
            case BOOLEAN -> to.setCellValue(from.getBooleanCellValue());
            case ERROR -> to.setCellErrorValue(from.getErrorCellValue());
            default -> {
                // no cached value
            }
        }
    }

    private XSSFCellStyle style(HSSFCellStyle from) {
        return styles.computeIfAbsent(from.getIndex(), index -> {
            XSSFCellStyle style = target.createCellStyle();
            style.setAlignment(from.getAlignment());
            style.setVerticalAlignment(from.getVerticalAlignment());
            style.setWrapText(from.getWrapText());
            style.setIndention(from.getIndention());
            style.setRotation(from.getRotation());
            style.setBorderTop(from.getBorderTop());
            style.setBorderBottom(from.getBorderBottom());
            style.setBorderLeft(from.getBorderLeft());
            style.setBorderRight(from.getBorderRight());
            style.setDataFormat(target.createDataFormat().getFormat(from.getDataFormatString()));
            style.setQuotePrefixed(from.getQuotePrefixed());
            if (from.getFillPattern() == FillPatternType.SOLID_FOREGROUND) {
                HSSFColor color = from.getFillForegroundColorColor();
                if (color != null && color.getIndex() != HSSFColor.HSSFColorPredefined.AUTOMATIC.getIndex()) {
                    style.setFillForegroundColor(rgb(color));
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
            }
            style.setFont(font(from.getFont(source)));
            return style;
        });
    }

    private XSSFFont font(HSSFFont from) {
        return fonts.computeIfAbsent(from.getIndex(), index -> {
            XSSFFont font = target.createFont();
            font.setFontName(from.getFontName());
            font.setFontHeight(from.getFontHeight());
            font.setBold(from.getBold());
            font.setItalic(from.getItalic());
            font.setUnderline(from.getUnderline());
            font.setStrikeout(from.getStrikeout());
            HSSFColor color = from.getHSSFColor(source);
            if (color != null && color.getIndex() != HSSFColor.HSSFColorPredefined.AUTOMATIC.getIndex()
                    && color.getIndex() != HSSFColor.HSSFColorPredefined.BLACK.getIndex()) {
                font.setColor(rgb(color));
            }
            return font;
        });
    }

    private static XSSFColor rgb(HSSFColor color) {
        short[] triplet = color.getTriplet();
        return new XSSFColor(new byte[] {(byte) triplet[0], (byte) triplet[1], (byte) triplet[2]}, null);
    }
}
