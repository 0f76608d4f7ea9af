package vn.tonghop.export.xlsx;

/**
 * A format of the cells a result writes itself (the summary sheet, the values copied from a CSV).
 *
 * @param bold        bold font
 * @param fontPoints  font size, 0 for the workbook's default
 * @param fillArgb    solid fill colour ("FFFF7C80"), null for none
 * @param thinBorder  a thin border all round
 * @param wrapTop     wrapped text, aligned to the top
 * @param quotePrefix shown as text even when it starts with {@code =}, {@code +}, {@code -} or {@code @}
 */
public record CellFormat(boolean bold, double fontPoints, String fillArgb, boolean thinBorder, boolean wrapTop, boolean quotePrefix) {

    public static final CellFormat PLAIN = new CellFormat(false, 0, null, false, false, false);
    public static final CellFormat QUOTED = new CellFormat(false, 0, null, false, false, true);
}
