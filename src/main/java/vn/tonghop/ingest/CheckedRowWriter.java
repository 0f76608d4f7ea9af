package vn.tonghop.ingest;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import vn.tonghop.form.ReportForm;
import vn.tonghop.load.IssueRepository;
import vn.tonghop.load.StagingWriter;
import vn.tonghop.validate.CheckedRow;
import vn.tonghop.validate.Issue;

/** Writer: accepted rows into staging (COPY), every row's issues into the issue table, in the chunk's transaction. */
public class CheckedRowWriter implements ItemWriter<CheckedRow> {

    private final FileState state;
    private final StagingWriter staging;
    private final IssueRepository issues;
    private final ReportForm form;

    public CheckedRowWriter(FileState state, StagingWriter staging, IssueRepository issues, ReportForm form) {
        this.state = state;
        this.staging = staging;
        this.issues = issues;
        this.form = form;
    }

    @Override
    public void write(Chunk<? extends CheckedRow> chunk) {
        List<CheckedRow> rows = new ArrayList<>(chunk.getItems());
        staging.write(state.submissionId(), form.code(), rows);
        List<Issue> found = new ArrayList<>();
        rows.forEach(row -> found.addAll(row.issues()));
        issues.insert(state.submissionId(), found);
    }
}
