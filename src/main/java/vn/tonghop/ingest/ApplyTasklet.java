package vn.tonghop.ingest;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import vn.tonghop.load.Submission;
import vn.tonghop.load.SubmissionApplier;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.ops.RunProgress;

/**
 * Apply step: the run's read files together, in one transaction, with the outcome of applying them in the
 * order they arrived, so a later file's rows supersede an earlier file's rows for the same commune and period.
 */
final class ApplyTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ApplyTasklet.class);

    private final SubmissionRepository submissions;
    private final SubmissionApplier applier;
    private final RunProgress progress;

    ApplyTasklet(SubmissionRepository submissions, SubmissionApplier applier, RunProgress progress) {
        this.submissions = submissions;
        this.applier = applier;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        long runId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        List<Submission> read = submissions.byRunAndStatus(runId, "read");
        progress.phase(RunProgress.Phase.APPLY, read.size(), read.stream().mapToLong(Submission::sizeBytes).sum());
        List<Long> applied = applier.apply(read.stream().map(Submission::id).toList());
        contribution.incrementWriteCount(applied.size());
        if (applied.size() < read.size()) {
            log.info("{} file(s) were applied before; not applied again", read.size() - applied.size());
        }
        for (Submission submission : read) {
            progress.fileDone(submission.sizeBytes(), submission.rowsAccepted());
        }
        return RepeatStatus.FINISHED;
    }
}
