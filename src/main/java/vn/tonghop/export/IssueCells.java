package vn.tonghop.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.tonghop.form.ColumnRole;
import vn.tonghop.layout.LocatedTable;
import vn.tonghop.layout.TableShape;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Severity;

/**
 * Where each issue of a file sits in the clerk's workbook. An issue carries its row number and the header text of
 * its column as the clerk wrote it; the column's index is found again from the located table. A problem of a whole
 * row (no column) is put on the row's first cell; a problem of the whole file (no row) has no cell.
 */
final class IssueCells {

    /** A cell of the clerk's workbook: sheet name as read, 0-based row and column. */
    record Target(String sheet, int row, int column) {
    }

    /** An issue and its cell, or a null cell for a problem of the whole file. */
    record Placed(Issue issue, Target cell) {
    }

    private final List<Placed> placed = new ArrayList<>();
    /** sheet → row → column → issues of that cell, in the order found. */
    private final Map<String, Map<Integer, Map<Integer, List<Issue>>>> bySheet = new HashMap<>();

    private IssueCells() {
    }

    static IssueCells of(Collection<Issue> issues, Optional<LocatedTable> table) {
        IssueCells cells = new IssueCells();
        for (Issue issue : issues) {
            Target target = target(issue, table.orElse(null));
            cells.placed.add(new Placed(issue, target));
            if (target != null) {
                cells.bySheet.computeIfAbsent(target.sheet(), s -> new HashMap<>())
                        .computeIfAbsent(target.row(), r -> new TreeMap<>())
                        .computeIfAbsent(target.column(), c -> new ArrayList<>()).add(issue);
            }
        }
        return cells;
    }

    private static Target target(Issue issue, LocatedTable table) {
        if (issue.rowNumber() == null || issue.rowNumber() < 1) {
            return null;
        }
        String sheet = issue.sheet() != null ? issue.sheet() : table == null ? null : table.sheet().name();
        if (sheet == null) {
            return null;
        }
        return new Target(sheet, issue.rowNumber() - 1, column(issue, table));
    }

    /** The 0-based column of an issue: its header's column, the value column of a long table, else the first. */
    private static int column(Issue issue, LocatedTable table) {
        if (table == null) {
            return 0;
        }
        int first = table.headers().keySet().stream().mapToInt(Integer::intValue).min().orElse(0);
        String header = issue.column();
        if (header == null) {
            return first;
        }
        Integer match = null;
        for (Map.Entry<Integer, String> entry : table.headers().entrySet()) {
            if (entry.getValue().equals(header)) {
                boolean read = table.indicatorColumns().containsKey(entry.getKey()) || table.roleColumns().containsValue(entry.getKey());
                if (match == null || read) {
                    match = entry.getKey();
                }
                if (read) {
                    break;
                }
            }
        }
        if (match != null) {
            return match;
        }
        Integer value = table.roleColumns().get(ColumnRole.LONG_VALUE);
        if (table.shape() == TableShape.LONG && value != null) {
            return value; // a long table names the indicator in a cell; the value column holds what was typed
        }
        return first;
    }

    List<Placed> placed() {
        return placed;
    }

    /** Every marked cell of a sheet: row → column → issues, rows in no particular order. */
    Map<Integer, Map<Integer, List<Issue>>> sheet(String sheet) {
        return bySheet.getOrDefault(sheet, Map.of());
    }

    int markedCells() {
        return bySheet.values().stream().flatMap(rows -> rows.values().stream()).mapToInt(Map::size).sum();
    }

    static Severity worst(List<Issue> issues) {
        return issues.stream().anyMatch(Issue::isError) ? Severity.ERROR : Severity.WARNING;
    }
}
