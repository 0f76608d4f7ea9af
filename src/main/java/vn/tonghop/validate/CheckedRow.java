package vn.tonghop.validate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.tonghop.layout.SourceCell;
import vn.tonghop.layout.SubmittedRow;
import vn.tonghop.normalise.Period;
import vn.tonghop.registry.Unit;

/**
 * A row after normalisation and validation: accepted whole (values to load) or rejected whole (issues
 * only). Warnings may accompany either.
 *
 * @param values   indicator code → value, only for reported indicators (empty cell = absent)
 * @param sources  indicator code → the cell it came from
 */
public record CheckedRow(SubmittedRow row, Unit commune, Period period, Map<String, BigDecimal> values,
                         Map<String, SourceCell> sources, List<Issue> issues, boolean accepted) {

    public CheckedRow {
        values = Map.copyOf(values);
        sources = Map.copyOf(sources);
        issues = List.copyOf(issues);
    }

    public long errorCount() {
        return issues.stream().filter(Issue::isError).count();
    }

    public long warningCount() {
        return issues.size() - errorCount();
    }
}
