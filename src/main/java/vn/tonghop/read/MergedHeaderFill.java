package vn.tonghop.read;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Spreads a merged header cell's text over every cell it spans, so that a two-row header reads alike in every
 * column it covers: {@code STT} merged down over two rows appears in both rows, and a group heading merged
 * across sub-columns appears above each of them. Excel itself stores the text in the first cell only.
 *
 * <p>Which merges are header merges, without knowing the form: those starting in the first
 * {@value #HEADER_ROWS} rows whose text has a letter (numbers are never spread, so no value is counted twice),
 * and that are either
 * <ul>
 *   <li>merged down over several rows, beside other cells of the same row (not a title alone on its row), or</li>
 *   <li>merged across one row, above at least two non-empty cells in the next row (a group heading over its
 *       sub-headings; the agency name, the national motto and the report title have nothing like that).</li>
 * </ul>
 * Rows must be fed in ascending order; a row inside a spread merge that the file does not store is supplied.
 */
final class MergedHeaderFill {

    static final int HEADER_ROWS = 30;

    /** Receives the rows (0-based index, cells) to keep. */
    interface RowSink {
        void row(int rowIndex, List<String> cells);
    }

    private record Spread(CellRangeAddress range, String text) {
    }

    private final List<CellRangeAddress> waiting;
    private final List<Spread> spreading = new ArrayList<>();
    /** Across-merges of the held row, waiting for the next row to show whether they head sub-columns. */
    private final List<Spread> undecided = new ArrayList<>();
    private int heldRow = -1;
    private List<String> heldCells;
    private int lastRow = -1;

    MergedHeaderFill(List<CellRangeAddress> merges) {
        List<CellRangeAddress> header = new ArrayList<>();
        for (CellRangeAddress merge : merges) {
            if (merge.getFirstRow() < HEADER_ROWS && merge.getNumberOfCells() > 1) {
                header.add(merge);
            }
        }
        header.sort(Comparator.comparingInt(CellRangeAddress::getFirstRow));
        this.waiting = header;
    }

    /** Takes a stored row; {@code cells} may be changed and handed on. */
    void accept(int rowIndex, List<String> cells, RowSink sink) {
        if (heldCells == null && waiting.isEmpty() && spreading.isEmpty()) {
            lastRow = rowIndex;
            sink.row(rowIndex, cells);
            return;
        }
        if (heldCells != null) {
            release(rowIndex == heldRow + 1 ? cells : List.of(), sink);
        }
        supplyMissingRows(rowIndex, sink);
        while (!waiting.isEmpty() && waiting.get(0).getFirstRow() <= rowIndex) {
            CellRangeAddress merge = waiting.remove(0);
            String text = merge.getFirstColumn() < cells.size() ? cells.get(merge.getFirstColumn()) : "";
            if (merge.getFirstRow() != rowIndex || !hasLetter(text)) {
                continue;
            }
            if (merge.getLastRow() > merge.getFirstRow()) {
                if (!isAloneOnRow(merge, cells)) {
                    spreading.add(new Spread(merge, text));
                }
            } else {
                undecided.add(new Spread(merge, text));
            }
        }
        if (undecided.isEmpty()) {
            emit(rowIndex, cells, sink);
        } else {
            heldRow = rowIndex;
            heldCells = cells;
        }
    }

    /** Ends the sheet: releases a held row and supplies the merged rows after the last stored one. */
    void finish(RowSink sink) {
        if (heldCells != null) {
            release(List.of(), sink);
        }
        int end = -1;
        for (Spread s : spreading) {
            end = Math.max(end, s.range().getLastRow());
        }
        supplyMissingRows(end + 1, sink);
        spreading.clear();
    }

    private void release(List<String> nextRow, RowSink sink) {
        for (Spread s : undecided) {
            int below = 0;
            for (int col = s.range().getFirstColumn(); col <= s.range().getLastColumn(); col++) {
                below += col < nextRow.size() && !nextRow.get(col).isEmpty() ? 1 : 0;
            }
            if (below >= 2) {
                spreading.add(s);
            }
        }
        undecided.clear();
        List<String> cells = heldCells;
        heldCells = null;
        emit(heldRow, cells, sink);
    }

    private void emit(int rowIndex, List<String> cells, RowSink sink) {
        spread(rowIndex, cells);
        lastRow = rowIndex;
        sink.row(rowIndex, cells);
        spreading.removeIf(s -> s.range().getLastRow() <= rowIndex);
    }

    private void supplyMissingRows(int beforeRow, RowSink sink) {
        for (int row = lastRow + 1; row < beforeRow && !spreading.isEmpty(); row++) {
            List<String> cells = new ArrayList<>();
            if (spread(row, cells)) {
                sink.row(row, cells);
            }
            lastRow = row;
            int done = row;
            spreading.removeIf(s -> s.range().getLastRow() <= done);
        }
    }

    private boolean spread(int row, List<String> cells) {
        boolean any = false;
        for (Spread s : spreading) {
            CellRangeAddress range = s.range();
            if (row < range.getFirstRow() || row > range.getLastRow()) {
                continue;
            }
            while (cells.size() <= range.getLastColumn()) {
                cells.add("");
            }
            for (int col = range.getFirstColumn(); col <= range.getLastColumn(); col++) {
                if (cells.get(col).isEmpty()) {
                    cells.set(col, s.text());
                    any = true;
                }
            }
        }
        return any;
    }

    private static boolean isAloneOnRow(CellRangeAddress merge, List<String> cells) {
        for (int col = 0; col < cells.size(); col++) {
            if ((col < merge.getFirstColumn() || col > merge.getLastColumn()) && !cells.get(col).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
