package vn.tonghop.export;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import vn.tonghop.form.ColumnRole;
import vn.tonghop.layout.LocatedTable;
import vn.tonghop.layout.TableShape;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Severity;

/**
 * Where each issue of a file sits in the clerk's workbook. An issue carries its row number and the header text of
 * its column as the clerk wrote it; the column's index is found again from the located table. A problem of a whole
 * row (no column) is put on the row's first cell; a problem of the whole file (no row) has no cell; a note marks
 * nothing.
 *
 * <p>Issues come as a stream in row order (the database's {@code ORDER BY row_number NULLS FIRST, id}) and are
 * taken one row at a time, so a file with a million bad cells is marked without holding them all.
 */
final class IssueCells {

    /** A cell of the clerk's workbook: sheet name as read, 0-based row and column. */
    record Target(String sheet, int row, int column) {
    }

    /** An issue and its cell, or a null cell for a problem of the whole file. */
    record Placed(Issue issue, Target cell) {
    }

    /** The problems of one row of a sheet: 0-based column → issues, in the order found. */
    record RowIssues(String sheet, int row, Map<Integer, List<Issue>> byColumn) {
    }

    /**
     * What the summary sheet tells of the issues: counts, how many cells are marked, and the first problems to
     * list (problems of the whole file first).
     */
    record Tally(long errors, long warnings, int markedCells, List<Placed> listed, long total) {
    }

    private final LocatedTable table;

    IssueCells(Optional<LocatedTable> table) {
        this.table = table.orElse(null);
    }

    /** The cell of an issue, or null for a problem of the whole file or a note. */
    Target target(Issue issue) {
        if (issue.severity() == Severity.NOTE || issue.rowNumber() == null || issue.rowNumber() < 1) {
            return null;
        }
        String sheet = issue.sheet() != null ? issue.sheet() : table == null ? null : table.sheet().name();
        if (sheet == null) {
            return null;
        }
        return new Target(sheet, issue.rowNumber() - 1, column(issue));
    }

    /** The 0-based column of an issue: its header's column, the value column of a long table, else the first. */
    private int column(Issue issue) {
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

    /** Counts the issues and keeps the first {@code listLimit} to list; notes are left out. */
    Tally tally(Stream<Issue> issues, int listLimit) {
        long[] counts = new long[2];
        List<Placed> listed = new ArrayList<>();
        int marked = 0;
        Target previous = null;
        java.util.Set<Integer> columnsOfRow = new java.util.HashSet<>();
        for (Issue issue : (Iterable<Issue>) issues::iterator) {
            if (issue.severity() == Severity.NOTE) {
                continue;
            }
            counts[issue.isError() ? 0 : 1]++;
            Target cell = target(issue);
            if (listed.size() < listLimit) {
                listed.add(new Placed(issue, cell));
            }
            if (cell == null) {
                continue;
            }
            if (previous == null || previous.row() != cell.row() || !previous.sheet().equals(cell.sheet())) {
                columnsOfRow.clear();
            }
            if (columnsOfRow.add(cell.column())) {
                marked++;
            }
            previous = cell;
        }
        return new Tally(counts[0], counts[1], marked, List.copyOf(listed), counts[0] + counts[1]);
    }

    /** The issues with a cell on the sheets {@code sheets} accepts, one row at a time, in the order they come. */
    Iterator<RowIssues> rows(Stream<Issue> issues, Predicate<String> sheets) {
        Iterator<Issue> source = issues.iterator();
        return new Iterator<>() {
            private Issue pendingIssue;
            private Target pendingCell;

            private boolean fill() {
                while (pendingIssue == null && source.hasNext()) {
                    Issue issue = source.next();
                    Target cell = target(issue);
                    if (cell != null && sheets.test(cell.sheet())) {
                        pendingIssue = issue;
                        pendingCell = cell;
                    }
                }
                return pendingIssue != null;
            }

            @Override
            public boolean hasNext() {
                return fill();
            }

            @Override
            public RowIssues next() {
                if (!fill()) {
                    throw new NoSuchElementException();
                }
                String sheet = pendingCell.sheet();
                int row = pendingCell.row();
                Map<Integer, List<Issue>> byColumn = new TreeMap<>();
                while (pendingIssue != null && pendingCell.row() == row && pendingCell.sheet().equals(sheet)) {
                    byColumn.computeIfAbsent(pendingCell.column(), c -> new ArrayList<>()).add(pendingIssue);
                    pendingIssue = null;
                    fill();
                }
                return new RowIssues(sheet, row, byColumn);
            }
        };
    }

    static Severity worst(List<Issue> issues) {
        return issues.stream().anyMatch(Issue::isError) ? Severity.ERROR : Severity.WARNING;
    }
}
