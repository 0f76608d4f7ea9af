package vn.tonghop.read;

import java.util.List;

/**
 * One row of a table as the clerk sees it: the sheet it is on, its row number (1-based, the number Excel
 * shows at the left, or a text editor's line number where the row starts in a CSV) and its cells.
 *
 * <p>Cells are never null: a missing cell in the middle of a row is {@code ""}; trailing empty cells are
 * trimmed, and rows whose cells are all empty are not returned at all (the gap in row numbers shows them).
 */
public record RawRow(String sheet, int rowNumber, List<String> cells) {

    public RawRow {
        cells = List.copyOf(cells);
    }

    /** The cell at a 0-based column, or {@code ""} past the end of the row. */
    public String cell(int column) {
        return column < cells.size() ? cells.get(column) : "";
    }
}
