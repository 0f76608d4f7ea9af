package vn.tonghop.layout;

/**
 * A cell as the clerk typed it, with where it is.
 *
 * @param rowNumber 1-based row as the clerk sees it
 * @param column    the column's header as written in the file (or the indicator code in long form)
 * @param letter    spreadsheet column letter (A, B, ..., AA)
 */
public record SourceCell(int rowNumber, String column, String letter, String raw) {
}
