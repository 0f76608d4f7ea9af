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
 *
 * <p>And tells the report step, the other way, when those years are aggregated: the aggregation checks each annual
 * report against the sub-periods of its year (a warning on the annual report's file), so the report step writes the
 * results of the files holding an annual report after the aggregation has committed ({@link #awaitAggregated}), and their
 * clerks find that warning in their results as in {@code status}. Only an ingest whose applied files {@code run} is
 * aggregating beside it waits; an {@code ingest} alone does not.
 */
@Component
public class AppliedSignal implements StepExecutionListener {

    private final AtomicReference<CompletableFuture<Void>> awaited = new AtomicReference<>();
    /** Completed when the years of the files just applied are aggregated (or their aggregation failed); null: none coming. */
    private final AtomicReference<CompletableFuture<Void>> aggregated = new AtomicReference<>();

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
        aggregationDone();
    }

    /**
     * {@code run}'s aggregation of the applied years has ended, committed or failed: the report step, if it waits, goes
     * on. Called again when the launch is over, so that nothing waits for an aggregation that will not come.
     */
    public void aggregationDone() {
        CompletableFuture<Void> done = aggregated.getAndSet(null);
        if (done != null) {
            done.complete(null);
        }
    }

    /**
     * For the report step: waits until {@code run} has aggregated the years its files were applied to, when it is doing
     * so beside this ingest; returns at once otherwise.
     *
     * @return whether it waited for an aggregation
     */
    public boolean awaitAggregated() {
        CompletableFuture<Void> done = aggregated.get();
        if (done == null) {
            return false;
        }
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // never completed exceptionally
        }
        return true;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
            CompletableFuture<Void> signal = awaited.getAndSet(null);
            if (signal != null) {
                // run aggregates beside the report step from now on: set before the report step can ask
                aggregated.set(new CompletableFuture<>());
                signal.complete(null);
            }
        }
        return null;
    }
}
