package vn.tonghop.ingest;

import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import vn.tonghop.layout.RowKind;
import vn.tonghop.layout.SubmittedRow;
import vn.tonghop.validate.CheckedRow;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.RowValidator;

/**
 * Processor: normalises and validates a row (a total row is checked against the sums so far instead);
 * lines that are not a commune's row at all (notes, signatures) are dropped.
 */
public class RowChecker implements ItemProcessor<SubmittedRow, CheckedRow> {

    private final FileState state;
    private final RowValidator validator;

    public RowChecker(FileState state, RowValidator validator) {
        this.state = state;
        this.validator = validator;
    }

    @Override
    public CheckedRow process(SubmittedRow row) {
        if (row.kind() == RowKind.TOTAL) {
            List<Issue> issues = state.totalCheck().check(row);
            return new CheckedRow(row, null, null, Map.of(), Map.of(), issues, false);
        }
        state.totalCheck().add(row);
        CheckedRow checked = validator.check(row, state.context()).orElse(null);
        if (checked != null) {
            state.count(checked.accepted());
        }
        return checked;
    }
}
