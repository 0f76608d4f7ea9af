package vn.tonghop.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Tells {@code run} when the ingest's files are applied: from then on their years can be aggregated and exported while
 * the ingest's last step, the report step, still writes the clerks' results. Listens to the apply step; one run at a
 * time per process (the run lock), so one awaited signal at a time.
 */
@Component
public class AppliedSignal implements StepExecutionListener {

    private final AtomicReference<CompletableFuture<Void>> awaited = new AtomicReference<>();

    /**
     * Call before launching the ingest: the returned future completes once its apply step has completed (its work
     * committed), and never when the job fails or stops before that.
     */
    public CompletableFuture<Void> expect() {
        CompletableFuture<Void> next = new CompletableFuture<>();
        awaited.set(next);
        return next;
    }

    /** The launch is over, whatever came of it: a later apply (another command's ingest) signals no one. */
    public void forget(CompletableFuture<Void> signal) {
        awaited.compareAndSet(signal, null);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
            CompletableFuture<Void> signal = awaited.getAndSet(null);
            if (signal != null) {
                signal.complete(null);
            }
        }
        return null;
    }
}
