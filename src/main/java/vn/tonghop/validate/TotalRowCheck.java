package vn.tonghop.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.ReportForm;
import vn.tonghop.layout.SourceCell;
import vn.tonghop.layout.SubmittedRow;
import vn.tonghop.normalise.NumberParser;
import vn.tonghop.normalise.ParsedNumber;
import vn.tonghop.normalise.YesNo;
import vn.tonghop.normalise.YesNoParser;

/**
 * Checks a file's total row (Cộng, Tổng cộng) against the sums of the rows above it, as the clerk typed
 * them; a mismatch is a warning. One instance per file.
 */
public final class TotalRowCheck {

    private final ReportForm form;
    private final Messages messages;
    private final NumberParser numbers = new NumberParser();
    private final YesNoParser yesNo = new YesNoParser();
    private final Map<String, BigDecimal> sums = new HashMap<>();

    public TotalRowCheck(ReportForm form, Messages messages) {
        this.form = form;
        this.messages = messages;
    }

    /** Adds a data row's cells to the running sums. */
    public void add(SubmittedRow row) {
        row.cells().forEach((code, cell) -> {
            BigDecimal value = number(code, cell);
            if (value != null) {
                add(code, value);
            }
        });
    }

    /**
     * Adds one cell's number as typed: what {@link RowValidator} hands over while it parses a row, the same
     * figures {@link #add(SubmittedRow)} would read from it.
     */
    public void add(String indicatorCode, BigDecimal typed) {
        sums.merge(indicatorCode, typed, BigDecimal::add);
    }

    /** Warnings for every total cell that does not equal the sum of the rows so far. */
    public List<Issue> check(SubmittedRow total) {
        List<Issue> issues = new ArrayList<>();
        total.cells().forEach((code, cell) -> {
            if (cell.raw().isBlank()) {
                return;
            }
            BigDecimal stated = number(code, cell);
            BigDecimal sum = sums.getOrDefault(code, BigDecimal.ZERO);
            if (stated != null && stated.compareTo(sum) != 0) {
                issues.add(new Issue(Severity.WARNING, "total.mismatch", total.sheet(), cell.rowNumber(), cell.column(), cell.raw(), null,
                        messages.get("total.mismatch", RowValidator.plain(stated), cell.column(), RowValidator.plain(sum))));
            }
        });
        return issues;
    }

    private BigDecimal number(String code, SourceCell cell) {
        Indicator indicator = form.indicator(code).orElseThrow();
        ParsedNumber parsed = numbers.parse(cell.raw());
        if (parsed instanceof ParsedNumber.Value v) {
            return v.value();
        }
        if (indicator.isFlag() && !cell.raw().isBlank()) {
            return yesNo.parse(cell.raw()) == YesNo.YES ? BigDecimal.ONE : null;
        }
        return null;
    }
}
