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
import vn.tonghop.validate.CheckedRow;
import vn.tonghop.validate.Issue;

/**
 * Writer, in the chunk's transaction, for every file the chunk touches at once: accepted rows into staging
 * (one {@code COPY} per table), issues into the issue table (one batch), and files whose end the chunk holds
 * marked read with what was detected and their counts (one batch). A chunk holds the rows of many small files.
 */
public class CheckedRowWriter implements ItemWriter<FileRow> {

    private final StagingWriter staging;
    private final IssueRepository issues;
    private final SubmissionRepository submissions;
    private final ReportForm form;

    public CheckedRowWriter(StagingWriter staging, IssueRepository issues, SubmissionRepository submissions, ReportForm form) {
        this.staging = staging;
        this.issues = issues;
        this.submissions = submissions;
        this.form = form;
    }

    @Override
    public void write(Chunk<? extends FileRow> chunk) {
        Map<Long, List<CheckedRow>> rows = new LinkedHashMap<>();
        Map<Long, List<Issue>> found = new LinkedHashMap<>();
        List<SubmissionRepository.ReadFile> read = new ArrayList<>();
        for (FileRow item : chunk.getItems()) {
            long id = item.file().submissionId();
            if (item.isEnd()) {
                FileState file = item.file();
                found.computeIfAbsent(id, k -> new ArrayList<>()).addAll(file.takeFileIssues());
                read.add(new SubmissionRepository.ReadFile(id, file.format(), file.encoding(), file.sheet(), file.periodCode(),
                        file.rowsRead(), file.accepted(), file.rejectedRows()));
                continue;
            }
            rows.computeIfAbsent(id, k -> new ArrayList<>()).add(item.checked());
            if (!item.checked().issues().isEmpty()) {
                found.computeIfAbsent(id, k -> new ArrayList<>()).addAll(item.checked().issues());
            }
        }
        staging.write(form.code(), rows);
        issues.insert(found);
        submissions.markRead(read);
    }
}
