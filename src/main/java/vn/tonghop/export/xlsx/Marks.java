package vn.tonghop.export.xlsx;

import java.util.List;

/** What a result marks on a sheet of the clerk's: cells to fill, and the comment beside each (null: filled only). */
public final class Marks {

    /** Who the comments are by, as the spreadsheet shows it. */
    public static final String AUTHOR = "tonghop";

    private Marks() {
    }

    /** One cell: its 0-based column, its fill colour, its comment. */
    public record Cell(int column, String fillArgb, String comment) {
    }

    /** The marked cells of one 0-based row, in ascending column order. */
    public record Row(int row, List<Cell> cells) {
    }
}
