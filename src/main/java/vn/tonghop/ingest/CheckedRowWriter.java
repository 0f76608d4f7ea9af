package vn.tonghop.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import vn.tonghop.form.ReportForm;
import vn.tonghop.load.IssueRepository;
import vn.tonghop.load.StagingWriter;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.ops.RunProgress;
import vn.tonghop.validate.CheckedRow;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.Severity;

/**
 * Writer, in the chunk's transaction, for every file the chunk touches at once: accepted rows into staging
 * (one {@code COPY} per table), issues into the issue table (one batch), and files whose end the chunk holds
 * marked read with what was detected, their counts and their indicator columns' headers (one batch), or
 * rejected whole when not one commune's row was found below their header. A chunk holds the rows of many small
 * files.
 */
public class CheckedRowWriter implements ItemWriter<FileRow> {

    private final StagingWriter staging;
    private final IssueRepository issues;
    private final SubmissionRepository submissions;
    private final ReportForm form;
    private final Messages messages;
    private final RunProgress progress;

    public CheckedRowWriter(StagingWriter staging, IssueRepository issues, SubmissionRepository submissions, ReportForm form,
                            Messages messages, RunProgress progress) {
        this.staging = staging;
        this.issues = issues;
        this.submissions = submissions;
        this.form = form;
        this.messages = messages;
        this.progress = progress;
    }

    @Override
    public void write(Chunk<? extends FileRow> chunk) {
        Map<Long, List<CheckedRow>> rows = new LinkedHashMap<>();
        Map<Long, Map<String, String>> columns = new LinkedHashMap<>();
        Map<Long, List<Issue>> found = new LinkedHashMap<>();
        List<SubmissionRepository.ReadFile> read = new ArrayList<>();
        List<Long> empty = new ArrayList<>();
        for (FileRow item : chunk.getItems()) {
            long id = item.file().submissionId();
            if (item.isEnd()) {
                FileState file = item.file();
                found.computeIfAbsent(id, k -> new ArrayList<>()).addAll(file.takeFileIssues());
                if (file.rowsRead() == 0) {
                    // Not one commune's row below the header (a header alone, a total row alone): rejected whole.
                    submissions.recordRead(id, file.format(), file.encoding(), file.sheet(), file.periodCode());
                    found.get(id).add(new Issue(Severity.ERROR, "file.rejected", null, null, null, null, null, messages.get("file.noRows")));
                    empty.add(id);
                } else {
                    read.add(new SubmissionRepository.ReadFile(id, file.format(), file.encoding(), file.sheet(), file.periodCode(),
                            file.rowsRead(), file.accepted(), file.rejectedRows(), file.columns()));
                }
                continue;
            }
            rows.computeIfAbsent(id, k -> new ArrayList<>()).add(item.checked());
            columns.putIfAbsent(id, item.file().columns());
            if (!item.checked().issues().isEmpty()) {
                found.computeIfAbsent(id, k -> new ArrayList<>()).addAll(item.checked().issues());
            }
        }
        staging.write(form.code(), rows, columns);
        issues.insert(found);
        submissions.markRead(read);
        for (long id : empty) {
            staging.clear(id);
            submissions.markRejected(id, messages.get("file.noRows"));
        }
        for (FileRow item : chunk.getItems()) {
            if (item.isEnd()) {
                progress.fileDone(item.file().submission().sizeBytes(), 0);
            }
        }
    }
}
