package vn.tonghop.ops;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM (systemd stop, Ctrl-C) the application context closes; before anything else is torn down
 * this asks the running job to stop after the chunk it is writing, waits for it (the chunk commits), and
 * only then lets the context close the database connections. The stopped job is restarted by the next run.
 * {@code serve} also waits here for the shutdown to begin.
 */
@Component
public class GracefulShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final JobLaunches jobs;
    private final Duration timeout;
    private final CountDownLatch shuttingDown = new CountDownLatch(1);
    private volatile boolean running;

    public GracefulShutdown(JobLaunches jobs, @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
        this.jobs = jobs;
        this.timeout = timeout;
    }

    /** Blocks until the application starts to shut down. */
    public void awaitShutdown() throws InterruptedException {
        shuttingDown.await();
    }

    public boolean shuttingDown() {
        return shuttingDown.getCount() == 0;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        shuttingDown.countDown();
        try {
            if (!jobs.stopAndAwait(timeout)) {
                log.warn("The running job did not stop within {}s; it will be restarted by the next run", timeout.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped first, before executors, the web server and the database pool. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
