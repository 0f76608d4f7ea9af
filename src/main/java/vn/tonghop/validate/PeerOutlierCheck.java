package vn.tonghop.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.ReportForm;
import vn.tonghop.layout.SourceCell;

/**
 * The outlier against a file's own communes (SPEC §5, "far out of its peers' range"): a value ten times or more the
 * median of the same indicator over the file's accepted rows, when four or more of them report it; a warning. One
 * instance per file, fed every checked row as it is read, asked once at the end of the file.
 *
 * <p>The values are kept compactly (a number, a row and two small indexes each: some 20 bytes), up to
 * {@link #MAX_VALUES} a file: a district's monthly file holds a few hundred, the 200,000-row workbook of the
 * benchmark 1.6 million. Beyond that the file is too large to compare its communes with each other; the check is
 * skipped and a warning says so, rather than holding an unbounded file in memory.
 */
public final class PeerOutlierCheck {

    /** At most this many values a file are kept for the comparison (about 40 MB). */
    public static final int MAX_VALUES = 2_000_000;
    static final int MIN_PEERS = 4;
    static final int FACTOR = 10;

    private final ReportForm form;
    private final Messages messages;
    private final int maxValues;
    private final Map<String, Values> byIndicator = new LinkedHashMap<>();
    private final List<Reporter> reporters = new ArrayList<>();
    private final Map<String, Integer> reporterIndex = new HashMap<>();
    private final List<String> columns = new ArrayList<>();
    private final Map<String, Integer> columnIndex = new HashMap<>();
    /** Per indicator code of the rows: whether it is a flag (not compared), null for a code the form lacks. */
    private final Map<String, Boolean> isFlag = new HashMap<>();
    private int kept;
    private boolean overflowed;

    public PeerOutlierCheck(ReportForm form, Messages messages) {
        this(form, messages, MAX_VALUES);
    }

    PeerOutlierCheck(ReportForm form, Messages messages, int maxValues) {
        this.form = form;
        this.messages = messages;
        this.maxValues = maxValues;
    }

    /** Who reported a value: the commune and the sheet its row is on. */
    private record Reporter(String communeCode, String communeName, String sheet) {
    }

    /** One indicator's values, with where each came from. */
    private static final class Values {
        double[] numbers = new double[16];
        int[] rows = new int[16];
        int[] reporters = new int[16];
        int[] columns = new int[16];
        int size;

        void add(double number, int row, int reporter, int column) {
            if (size == numbers.length) {
                int grown = size * 2;
                numbers = Arrays.copyOf(numbers, grown);
                rows = Arrays.copyOf(rows, grown);
                reporters = Arrays.copyOf(reporters, grown);
                columns = Arrays.copyOf(columns, grown);
            }
            numbers[size] = number;
            rows[size] = row;
            reporters[size] = reporter;
            columns[size] = column;
            size++;
        }

        /** The median, as PostgreSQL's {@code percentile_cont(0.5)}: the middle value, or the mean of the two middle ones. */
        double median() {
            double[] sorted = Arrays.copyOf(numbers, size);
            Arrays.sort(sorted);
            int middle = size / 2;
            return size % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /** Takes the values of an accepted row (a rejected row counts for nothing). */
    public void add(CheckedRow row) {
        if (!row.accepted() || overflowed || row.commune() == null) {
            return;
        }
        // a commune's name is made only for a commune not seen yet in the file (a row each otherwise)
        String reporterKey = row.commune().code() + '\u0000' + row.row().sheet();
        Integer known = reporterIndex.get(reporterKey);
        if (known == null) {
            reporters.add(new Reporter(row.commune().code(), row.commune().fullName(), row.row().sheet()));
            known = reporters.size() - 1;
            reporterIndex.put(reporterKey, known);
        }
        int who = known;
        for (Map.Entry<String, BigDecimal> value : row.values().entrySet()) {
            Boolean flag = isFlag.computeIfAbsent(value.getKey(), code -> form.indicator(code).map(Indicator::isFlag).orElse(null));
            if (flag == null || flag) {
                continue;
            }
            if (kept == maxValues) {
                overflowed = true;
                byIndicator.clear();
                return;
            }
            SourceCell cell = row.sources().get(value.getKey());
            int rowNumber = cell == null ? row.row().rowNumber() : cell.rowNumber();
            String column = cell == null ? null : cell.column();
            int columnId = columnIndex.computeIfAbsent(String.valueOf(column), k -> {
                columns.add(column);
                return columns.size() - 1;
            });
            byIndicator.computeIfAbsent(value.getKey(), k -> new Values()).add(value.getValue().doubleValue(), rowNumber, who, columnId);
            kept++;
        }
    }

    /**
     * The warnings, once every row of the file was added: for each indicator with at least four values and a median
     * above zero, every value ten times the median or more; or one warning that the file was too large to compare.
     */
    public List<Issue> outliers() {
        List<Issue> found = new ArrayList<>();
        if (overflowed) {
            found.add(new Issue(Severity.WARNING, "outlier.peersSkipped", null, null, null, null, null,
                    messages.get("outlier.peersSkipped", RowValidator.plain(BigDecimal.valueOf(maxValues)))));
            return found;
        }
        byIndicator.forEach((code, values) -> {
            if (values.size < MIN_PEERS) {
                return;
            }
            double median = values.median();
            if (!(median > 0)) {
                return;
            }
            String header = form.indicator(code).map(Indicator::header).orElse(code);
            String medianText = RowValidator.plain(BigDecimal.valueOf(median));
            for (int i = 0; i < values.size; i++) {
                if (values.numbers[i] >= FACTOR * median) {
                    Reporter who = reporters.get(values.reporters[i]);
                    String valueText = RowValidator.plain(BigDecimal.valueOf(values.numbers[i]));
                    found.add(new Issue(Severity.WARNING, "outlier.peers", who.sheet(), values.rows[i], columns.get(values.columns[i]),
                            valueText, who.communeCode(), messages.get("outlier.peers", who.communeName(), header, valueText, medianText)));
                }
            }
        });
        found.sort(java.util.Comparator.comparing(Issue::rowNumber, java.util.Comparator.nullsFirst(Integer::compare)));
        return found;
    }
}
