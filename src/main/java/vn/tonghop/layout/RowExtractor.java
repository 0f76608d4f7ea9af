package vn.tonghop.layout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import vn.tonghop.form.ColumnRole;
import vn.tonghop.normalise.Period;
import vn.tonghop.normalise.PeriodParser;
import vn.tonghop.read.CloseableIterator;
import vn.tonghop.read.ColumnLetters;
import vn.tonghop.read.RawRow;
import vn.tonghop.read.TableFile;
import vn.tonghop.registry.UnitRegistry;

/**
 * Streams the rows below a located header as {@link SubmittedRow}s. Wide tables give one row per
 * line; long tables are grouped by (unit code, period), sorted on disk when they are large. A long table's
 * rows are grouped by the unit and period they mean, not by how they are typed: {@code 2023} and
 * {@code năm 2023} are the same annual report, {@code 2026} and {@code 02026} the same commune, and a blank
 * period cell is the file's period (the validator reads each group's cells the same way).
 */
public final class RowExtractor implements CloseableIterator<SubmittedRow> {

    private static final Pattern COMMUNE_CODE = Pattern.compile("\\d{1,5}(?:\\.0)?");
    private static final Pattern COLUMN_NUMBER = Pattern.compile("\\(?\\d{1,2}\\)?|[A-Z]");

    private final LocatedTable table;
    private final HeaderVocabulary vocabulary;
    private final CloseableIterator<RawRow> rows;
    private final Iterator<SubmittedRow> longRows;
    private final LongTableGrouper longGroups = new LongTableGrouper(LongTableGrouper.RUN_LINES);
    private final PeriodParser periods = new PeriodParser();
    private final Period filePeriod;
    private SubmittedRow next;
    private boolean firstDataRow = true;

    /**
     * Opens the table's rows; a long table is read and grouped at once.
     *
     * @param filePeriod the period the file states above its table or in its name, which a long table's row with a
     *                   blank period cell is for; null when it states none
     */
    public RowExtractor(TableFile file, LocatedTable table, HeaderVocabulary vocabulary, Period filePeriod) throws IOException {
        this.table = table;
        this.vocabulary = vocabulary;
        this.filePeriod = filePeriod;
        this.rows = file.rows(table.sheet());
        this.longRows = table.shape() == TableShape.LONG ? groupLong() : null;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = longRows != null ? (longRows.hasNext() ? longRows.next() : null) : advanceWide();
        }
        return next != null;
    }

    @Override
    public SubmittedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SubmittedRow row = next;
        next = null;
        return row;
    }

    @Override
    public void close() {
        rows.close();
        longGroups.close();
    }

    private SubmittedRow advanceWide() {
        while (rows.hasNext()) {
            RawRow raw = rows.next();
            if (raw.rowNumber() <= table.headerLastRow() || isBlank(raw.cells())) {
                continue;
            }
            boolean first = firstDataRow;
            firstDataRow = false;
            if (first && isColumnNumberRow(raw.cells())) {
                continue; // "(1) (2) (3) ..." under the header
            }
            Map<String, SourceCell> cells = new LinkedHashMap<>();
            table.indicatorColumns().forEach((index, code) -> cells.put(code, cell(raw, index)));
            SourceCell code = roleCell(raw, ColumnRole.UNIT_CODE);
            SourceCell name = roleCell(raw, ColumnRole.UNIT_NAME);
            RowKind kind = isTotal(raw, code, name) ? RowKind.TOTAL : RowKind.DATA;
            return new SubmittedRow(kind, raw.sheet(), raw.rowNumber(), code, name, roleCell(raw, ColumnRole.DISTRICT),
                    roleCell(raw, ColumnRole.PERIOD), cells, List.of());
        }
        return null;
    }

    /** Reads the whole long table into groups by (unit code, period), in bounded memory (see {@link LongTableGrouper}). */
    private Iterator<SubmittedRow> groupLong() {
        while (rows.hasNext()) {
            RawRow raw = rows.next();
            if (raw.rowNumber() <= table.headerLastRow() || isBlank(raw.cells())) {
                continue;
            }
            String unitCode = rawText(raw, ColumnRole.UNIT_CODE);
            String period = rawText(raw, ColumnRole.PERIOD);
            longGroups.add(new LongTableGrouper.Line(raw.rowNumber(), groupKey(unitCode, period), unitCode, period,
                    rawText(raw, ColumnRole.UNIT_NAME), text(raw, ColumnRole.LONG_INDICATOR),
                    cell(raw, table.roleColumns().get(ColumnRole.LONG_VALUE)).raw()));
        }
        Iterator<List<LongTableGrouper.Line>> groups = longGroups.groups();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return groups.hasNext();
            }

            @Override
            public SubmittedRow next() {
                return longRow(groups.next());
            }
        };
    }

    /**
     * The (unit, period) a long table's row is for, as the validator will read its cells: the commune code as the
     * registry looks it up and the period's code. A cell neither reading understands keeps its stripped text, so
     * its rows still gather and the validator reports it once.
     */
    private String groupKey(String unitCode, String period) {
        String typedCode = unitCode == null ? "" : unitCode.strip();
        String code = UnitRegistry.normaliseCode(typedCode, 5);
        String typedPeriod = period == null ? "" : period.strip();
        String periodKey;
        if (typedPeriod.isEmpty()) {
            periodKey = filePeriod == null ? "" : filePeriod.code();
        } else {
            periodKey = periods.parse(typedPeriod).map(Period::code).orElse(typedPeriod);
        }
        return (code == null ? typedCode : code) + '\u0000' + periodKey;
    }

    private SubmittedRow longRow(List<LongTableGrouper.Line> group) {
        String valueLetter = ColumnLetters.of(table.roleColumns().get(ColumnRole.LONG_VALUE));
        Map<String, SourceCell> cells = new LinkedHashMap<>();
        List<SourceCell> unknown = new ArrayList<>();
        for (LongTableGrouper.Line line : group) {
            String indicatorText = line.indicator();
            SourceCell named = new SourceCell(line.row(), indicatorText, valueLetter, line.value());
            // An indicator the form lacks, or one the group already had, is not loaded: the validator tells which.
            vocabulary.indicatorCode(indicatorText).ifPresentOrElse(
                    code -> {
                        if (cells.putIfAbsent(code, named) != null) {
                            unknown.add(named);
                        }
                    },
                    () -> unknown.add(named));
        }
        LongTableGrouper.Line first = group.get(0);
        return new SubmittedRow(RowKind.DATA, table.sheet().name(), first.row(), roleCell(first.row(), ColumnRole.UNIT_CODE, first.unitCode()),
                roleCell(first.row(), ColumnRole.UNIT_NAME, first.unitName()), null, roleCell(first.row(), ColumnRole.PERIOD, first.period()),
                cells, unknown);
    }

    /** A role's cell of a long table's row, rebuilt from what the grouper kept; null when the table has no such column. */
    private SourceCell roleCell(int rowNumber, ColumnRole role, String raw) {
        Integer index = table.roleColumns().get(role);
        return index == null ? null
                : new SourceCell(rowNumber, table.headers().getOrDefault(index, ""), ColumnLetters.of(index), raw == null ? "" : raw);
    }

    /** A role's cell as typed, or null when the table has no such column. */
    private String rawText(RawRow raw, ColumnRole role) {
        SourceCell cell = roleCell(raw, role);
        return cell == null ? null : cell.raw();
    }

    private boolean isTotal(RawRow raw, SourceCell code, SourceCell name) {
        // A row with a commune code is a commune's, even when its name starts like a total ("Tổng Cọt", "Tổng Chảy").
        if (code != null && COMMUNE_CODE.matcher(code.raw().strip()).matches()
                && (name == null || !vocabulary.isExactTotalLabel(name.raw()))) {
            return false;
        }
        if (name != null && vocabulary.isTotalLabel(name.raw())) {
            return true;
        }
        if (code != null && vocabulary.isTotalLabel(code.raw())) {
            return true;
        }
        SourceCell number = roleCell(raw, ColumnRole.ROW_NUMBER);
        if (number != null && vocabulary.isTotalLabel(number.raw())) {
            return true;
        }
        for (String cell : raw.cells()) {
            if (!cell.isBlank()) {
                return vocabulary.isTotalLabel(cell);
            }
        }
        return false;
    }

    private static boolean isColumnNumberRow(List<String> cells) {
        int count = 0;
        for (String cell : cells) {
            String c = cell.strip();
            if (c.isEmpty()) {
                continue;
            }
            if (!COLUMN_NUMBER.matcher(c).matches()) {
                return false;
            }
            count++;
        }
        return count >= 3;
    }

    private SourceCell roleCell(RawRow raw, ColumnRole role) {
        Integer index = table.roleColumns().get(role);
        return index == null ? null : cell(raw, index);
    }

    private String text(RawRow raw, ColumnRole role) {
        SourceCell cell = roleCell(raw, role);
        return cell == null ? "" : cell.raw().strip();
    }

    private SourceCell cell(RawRow raw, int index) {
        String value = index < raw.cells().size() ? raw.cells().get(index) : "";
        return new SourceCell(raw.rowNumber(), table.headers().getOrDefault(index, ""), ColumnLetters.of(index), value == null ? "" : value);
    }

    private static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
