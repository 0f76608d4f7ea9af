package vn.tonghop.export.xlsx;

/**
 * A format of the cells tonghop writes itself (the result's summary sheet, values copied from a CSV, the conference
 * pack).
 *
 * @param bold         bold font
 * @param italic       italic font
 * @param fontPoints   font size, 0 for the workbook's default
 * @param fontName     font name, null for the workbook's default
 * @param fillArgb     solid fill colour ("FFFF7C80"), null for none
 * @param thinBorder   a thin border all round
 * @param horizontal   "left", "center" or "right"; null for the spreadsheet's default
 * @param vertical     "top" or "center"; null for the default (bottom)
 * @param wrap         wrapped text
 * @param quotePrefix  shown as text even when it starts with {@code =}, {@code +}, {@code -} or {@code @}
 * @param numberFormat a number format code ("#,##0"), null for General
 */
public record CellFormat(boolean bold, boolean italic, double fontPoints, String fontName, String fillArgb, boolean thinBorder,
                         String horizontal, String vertical, boolean wrap, boolean quotePrefix, String numberFormat) {

    public static final CellFormat PLAIN = new CellFormat(false, false, 0, null, null, false, null, null, false, false, null);

    /** A format of the result's summary sheet: wrapped and top-aligned text, quote-prefixed, bold or not. */
    public static CellFormat summary(boolean bold, double fontPoints, String fillArgb, boolean thinBorder) {
        return new CellFormat(bold, false, fontPoints, null, fillArgb, thinBorder, null, "top", true, true, null);
    }
}
