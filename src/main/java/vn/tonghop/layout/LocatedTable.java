package vn.tonghop.layout;

import java.util.List;
import java.util.Map;
import vn.tonghop.form.ColumnRole;
import vn.tonghop.read.SheetRef;

/**
 * Where the table is: its sheet, header rows, and what each column index carries.
 *
 * @param headerLastRow  1-based row of the (last) header row; data start below it
 * @param indicatorColumns column index → indicator code
 * @param roleColumns    role → column index
 * @param headers        column index → header text as written (both header rows joined)
 * @param unknownColumns headers the form does not know (reported to the clerk, never silently dropped)
 * @param repeatedColumns headers of a second column for an indicator already taken by a column to their left
 * @param titleLines     text above the header, top to bottom (for the period)
 * @param otherTables    the other sheets that also hold a table of the form, not read (one table is read a file)
 */
public record LocatedTable(SheetRef sheet, TableShape shape, int headerLastRow, Map<Integer, String> indicatorColumns,
                           Map<ColumnRole, Integer> roleColumns, Map<Integer, String> headers,
                           List<String> unknownColumns, List<String> repeatedColumns, List<String> titleLines,
                           List<String> otherTables) {
}
