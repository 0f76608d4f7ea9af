package vn.tonghop.ingest;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import vn.tonghop.load.Submission;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.validate.Messages;

/**
 * Between the two reads: the scan made every later file of a content a duplicate of this run's first one before any was
 * read, but only a file that counted makes another a duplicate. Where that first file counted nothing (dropped into a
 * folder that is no office, every row outside its office's units, unreadable), its next copy is read after all and the
 * further copies become duplicates of that one.
 */
final class DuplicatePromotionTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(DuplicatePromotionTasklet.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final SubmissionRepository submissions;
    private final Messages messages;

    DuplicatePromotionTasklet(SubmissionRepository submissions, Messages messages) {
        this.submissions = submissions;
        this.messages = messages;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        List<SubmissionRepository.Promoted> promoted = submissions.promoteDuplicatesOfFailed(runId);
        for (SubmissionRepository.Promoted file : promoted) {
            Submission original = submissions.find(file.id()).orElseThrow();
            List<Long> others = submissions.duplicatesOf(runId, file.formerOriginal());
            String reason = messages.get("file.duplicate", original.inboxPath(),
                    original.receivedAt().atZoneSameInstant(ZoneId.systemDefault()).format(TIME));
            submissions.markDuplicates(others, Collections.nCopies(others.size(), file.id()), Collections.nCopies(others.size(), reason));
            log.info("{}: the file it duplicated (submission {}) counted nothing; read after all", original.inboxPath(), file.formerOriginal());
        }
        contribution.incrementWriteCount(promoted.size());
        return RepeatStatus.FINISHED;
    }
}
