package vn.tonghop.ops;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * How far the running work has got, for the progress lines of long runs: the job's steps count files,
 * bytes and rows as they go, the terminal (or the log, under {@code serve}) reads a snapshot now and then.
 * One run at a time per process (the run lock), so one instance serves them all.
 */
@Component
public class RunProgress {

    /** The stretch of work being counted. */
    public enum Phase {
        SCAN, READ, APPLY, REPORT, AGGREGATE, EXPORT
    }

    private volatile Phase phase;
    private volatile long phaseStartNanos;
    private volatile String label = "";
    private final AtomicLong filesTotal = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong bytesTotal = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong rowsDone = new AtomicLong();

    /** Starts counting a phase of {@code files} items (files, or years when aggregating) of {@code bytes} in all. */
    public void phase(Phase next, long files, long bytes) {
        phase(next, files, bytes, "");
    }

    /** As {@link #phase(Phase, long, long)}, with a label (the year being aggregated). */
    public void phase(Phase next, long files, long bytes, String nextLabel) {
        filesTotal.set(files);
        bytesTotal.set(bytes);
        filesDone.set(0);
        bytesDone.set(0);
        rowsDone.set(0);
        label = nextLabel;
        phaseStartNanos = System.nanoTime();
        phase = next;
    }

    public void fileDone(long bytes, long rows) {
        filesDone.incrementAndGet();
        bytesDone.addAndGet(bytes);
        rowsDone.addAndGet(rows);
    }

    /** Which item of the phase is under way (the year being aggregated, counted from 1). */
    public void position(long item) {
        filesDone.set(item);
    }

    public void rowsRead(long rows) {
        rowsDone.addAndGet(rows);
    }

    /** Nothing running any more. */
    public void idle() {
        phase = null;
    }

    public Optional<Snapshot> snapshot() {
        Phase current = phase;
        if (current == null) {
            return Optional.empty();
        }
        return Optional.of(new Snapshot(current, label, filesTotal.get(), filesDone.get(), bytesTotal.get(), bytesDone.get(),
                rowsDone.get(), Duration.ofNanos(System.nanoTime() - phaseStartNanos)));
    }

    /** The counts at one moment. */
    public record Snapshot(Phase phase, String label, long filesTotal, long filesDone, long bytesTotal, long bytesDone, long rows,
                           Duration elapsed) {

        public int percent() {
            if (bytesTotal > 0) {
                return (int) Math.min(100, bytesDone * 100 / bytesTotal);
            }
            return filesTotal == 0 ? 0 : (int) Math.min(100, filesDone * 100 / filesTotal);
        }

        public long rowsPerSecond() {
            long millis = elapsed.toMillis();
            return millis < 1 ? 0 : rows * 1000 / millis;
        }

        /** Time left in this phase at the rate so far (by bytes where known, else by files); empty before any progress. */
        public Optional<Duration> timeLeft() {
            double done;
            double total;
            if (bytesTotal > 0 && bytesDone > 0) {
                done = bytesDone;
                total = bytesTotal;
            } else if (filesDone > 0) {
                done = filesDone;
                total = filesTotal;
            } else {
                return Optional.empty();
            }
            double left = Math.max(0, total - done) / done * elapsed.toMillis();
            return Optional.of(Duration.ofMillis((long) left));
        }
    }
}
