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
 * Processor: normalises and validates a row against its file's context (a total row is checked against the
 * sums so far instead); lines that are not a commune's row at all (notes, signatures) are dropped; the end of
 * a file passes through.
 */
public class RowChecker implements ItemProcessor<FileRow, FileRow> {

    private final RowValidator validator;

    public RowChecker(RowValidator validator) {
        this.validator = validator;
    }

    @Override
    public FileRow process(FileRow item) {
        if (item.isEnd()) {
            if (item.file().peerCheck() != null) {
                item.file().addFileIssues(item.file().peerCheck().outliers());
            }
            return item;
        }
        FileState state = item.file();
        SubmittedRow row = item.row();
        if (row.kind() == RowKind.TOTAL) {
            List<Issue> issues = state.totalCheck().check(row);
            return new FileRow(state, row, new CheckedRow(row, null, null, Map.of(), Map.of(), issues, false));
        }
        CheckedRow checked = validator.check(row, state.context(), state.totalCheck()::add).orElse(null);
        if (checked == null) {
            return null;
        }
        state.count(checked.accepted());
        state.peerCheck().add(checked);
        return new FileRow(state, row, checked);
    }
}
