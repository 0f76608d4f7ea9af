package vn.tonghop.layout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.tonghop.form.ColumnRole;
import vn.tonghop.read.CloseableIterator;
import vn.tonghop.read.RawRow;
import vn.tonghop.read.SheetRef;
import vn.tonghop.read.TableFile;

/**
 * Finds the header of the report table: not assumed at row 1 (title rows come first), possibly merged
 * across two rows, on whichever sheet carries it (hidden and extra sheets are passed over when another
 * sheet has a better header).
 */
public final class TableLocator {

    /** How far down a sheet the header is looked for. */
    static final int HEADER_SEARCH_ROWS = 40;

    private final HeaderVocabulary vocabulary;

    public TableLocator(HeaderVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    private record Candidate(SheetRef sheet, int row, int score, TableShape shape, Map<Integer, String> indicators,
                             Map<ColumnRole, Integer> roles, Map<Integer, String> headers, List<String> unknown,
                             List<String> repeated, List<String> titles) {
    }

    /** A sheet's best header, and whether figures follow it within the rows searched. */
    private record Found(Candidate candidate, boolean figuresBelow) {
    }

    /** The best table of the file, or empty when no sheet has a recognisable header. */
    public Optional<LocatedTable> locate(TableFile file) throws IOException {
        List<Candidate> best = new ArrayList<>();
        List<SheetRef> withFigures = new ArrayList<>();
        List<SheetRef> sheets = new ArrayList<>(file.sheets());
        sheets.sort(Comparator.comparing(SheetRef::hidden)); // visible sheets first on equal scores
        for (SheetRef sheet : sheets) {
            Found found = bestInSheet(file, sheet);
            if (found != null) {
                best.add(found.candidate());
                if (found.figuresBelow()) {
                    withFigures.add(sheet);
                }
            }
        }
        if (best.isEmpty()) {
            return Optional.empty();
        }
        Candidate chosen = best.stream().max(Comparator.comparingInt(Candidate::score)
                .thenComparing(c -> !c.sheet().hidden())).orElseThrow();
        // the other visible sheets with a table of the form and figures under its header (not an empty template, not a
        // sheet of instructions naming a column or two, not last year's table she hid) are named, in the workbook's
        // order: their figures are not read
        List<String> others = best.stream().filter(c -> c != chosen && !c.sheet().hidden() && withFigures.contains(c.sheet())
                        && c.score() * 2 >= chosen.score())
                .map(Candidate::sheet).sorted(Comparator.comparingInt(SheetRef::index)).map(SheetRef::name).toList();
        return Optional.of(new LocatedTable(chosen.sheet(), chosen.shape(), chosen.row(), chosen.indicators(), chosen.roles(),
                chosen.headers(), chosen.unknown(), chosen.repeated(), chosen.titles(), others));
    }

    private Found bestInSheet(TableFile file, SheetRef sheet) throws IOException {
        Candidate best = null;
        int lastFigures = -1;
        List<String> titles = new ArrayList<>();
        List<String> previous = List.of();
        try (CloseableIterator<RawRow> rows = file.rows(sheet)) {
            int seen = 0;
            while (rows.hasNext() && seen < HEADER_SEARCH_ROWS) {
                RawRow row = rows.next();
                seen++;
                if (best != null && looksLikeData(row.cells())) {
                    lastFigures = row.rowNumber();
                    // A commune's figures (or the column numbers) neither head a table nor complete a two-row header
                    // a higher score than the header above them already has: not evaluated (it was ~10 % of reading).
                    titles.add(String.join(" ", row.cells()).strip());
                    previous = row.cells();
                    continue;
                }
                Candidate single = evaluate(sheet, row.rowNumber(), List.of(), row.cells(), titles);
                Candidate merged = previous.isEmpty() ? null
                        : evaluate(sheet, row.rowNumber(), previous, row.cells(), titles.subList(0, Math.max(0, titles.size() - 1)));
                for (Candidate c : new Candidate[] {single, merged}) {
                    if (c != null && (best == null || c.score() > best.score())) {
                        best = c;
                    }
                }
                String line = String.join(" ", row.cells()).strip();
                if (!line.isEmpty()) {
                    titles.add(line);
                }
                previous = row.cells();
            }
        }
        return best == null ? null : new Found(best, lastFigures > best.row());
    }

    /** Most of the row's filled cells are figures ("12", "1.800", "(3)"): a data row, or a row of column numbers. */
    private static boolean looksLikeData(List<String> cells) {
        int filled = 0;
        int figures = 0;
        for (String cell : cells) {
            if (cell.isBlank()) {
                continue;
            }
            filled++;
            if (HeaderVocabulary.isFigure(cell)) {
                figures++;
            }
        }
        return filled > 0 && figures * 2 > filled;
    }

    /**
     * Scores a header made of {@code child} (and, for a two-row header, {@code parent} above it, whose
     * merged cells are carried to the right).
     */
    private Candidate evaluate(SheetRef sheet, int rowNumber, List<String> parent, List<String> child, List<String> titles) {
        Map<Integer, String> indicators = new LinkedHashMap<>();
        Map<ColumnRole, Integer> roles = new EnumMap<>(ColumnRole.class);
        Map<Integer, String> headers = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        int width = Math.max(parent.size(), child.size());
        String carried = "";
        for (int c = 0; c < width; c++) {
            String own = c < parent.size() ? parent.get(c).strip() : "";
            if (!own.isEmpty()) {
                carried = own;
            }
            String below = c < child.size() ? child.get(c).strip() : "";
            List<String> attempts = new ArrayList<>();
            String header;
            if (parent.isEmpty()) {
                header = below;
                attempts.add(below);
            } else if (below.isEmpty()) {
                header = own; // merged down across both header rows
                attempts.add(own);
            } else {
                header = carried.isEmpty() ? below : carried + " / " + below;
                attempts.add(below);
                attempts.add(carried + " " + below);
            }
            if (header.isEmpty()) {
                continue;
            }
            headers.put(c, header);
            HeaderVocabulary.Target target = null;
            for (String attempt : attempts) {
                target = vocabulary.lookup(attempt).orElse(null);
                if (target != null) {
                    break;
                }
            }
            if (target == null) {
                unknown.add(header);
            } else if (target.indicator() != null) {
                if (!indicators.containsValue(target.indicator())) {
                    indicators.put(c, target.indicator());
                } else {
                    repeated.add(header);
                }
            } else {
                roles.putIfAbsent(target.role(), c);
            }
        }
        boolean wide = !indicators.isEmpty() && (roles.containsKey(ColumnRole.UNIT_CODE) || roles.containsKey(ColumnRole.UNIT_NAME));
        boolean isLong = roles.containsKey(ColumnRole.UNIT_CODE) && roles.containsKey(ColumnRole.LONG_INDICATOR)
                && roles.containsKey(ColumnRole.LONG_VALUE);
        if (!wide && !isLong) {
            return null;
        }
        int score = indicators.size() * 2 + roles.size() - (parent.isEmpty() ? 0 : 1);
        return new Candidate(sheet, rowNumber, score, isLong && !wide ? TableShape.LONG : TableShape.WIDE, indicators, roles,
                headers, unknown, repeated, List.copyOf(titles));
    }
}
