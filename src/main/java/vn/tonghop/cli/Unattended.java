package vn.tonghop.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.tonghop.ops.NightlySchedule;
import vn.tonghop.ops.RunLock;
import vn.tonghop.ops.UnfinishedRuns;
import vn.tonghop.validate.Messages;

/**
 * The part of {@code status} about running unattended: the nightly schedule and its next fire time, a
 * run in progress (who holds the lock), interrupted runs the next run resumes, years awaiting aggregation.
 */
@Component
class Unattended {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final NightlySchedule schedule;
    private final RunLock lock;
    private final UnfinishedRuns unfinished;
    private final Pipeline pipeline;
    private final Messages messages;

    Unattended(NightlySchedule schedule, RunLock lock, UnfinishedRuns unfinished, Pipeline pipeline, Messages messages) {
        this.schedule = schedule;
        this.lock = lock;
        this.unfinished = unfinished;
        this.pipeline = pipeline;
        this.messages = messages;
    }

    void print(PrintWriter out) {
        if (schedule.problem().isPresent()) {
            out.println(messages.get("status.scheduleInvalid", schedule.cron(), schedule.zoneId(), schedule.problem().get()));
        } else if (!schedule.enabled()) {
            out.println(messages.get("status.scheduleOff"));
        } else {
            out.println(messages.get("status.schedule", schedule.cron(), schedule.zoneId(),
                    schedule.nextAfter(Instant.now()).map(WHEN::format).orElse("-")));
        }
        var holder = lock.holder();
        holder.ifPresent(name -> out.println(messages.get("status.running", name)));
        // while a run holds the lock its executions are running, not interrupted
        List<UnfinishedRuns.Unfinished> interrupted = unfinished.list().stream()
                .filter(run -> holder.isEmpty() || !org.springframework.batch.core.BatchStatus.valueOf(run.status()).isRunning())
                .toList();
        if (!interrupted.isEmpty()) {
            out.println(messages.get("status.interrupted"));
            for (UnfinishedRuns.Unfinished run : interrupted) {
                out.println(messages.get("status.interruptedRow",
                        messages.getOrDefault("status.job." + run.jobName(), run.jobName()), run.instanceId(),
                        STARTED.format(run.started()), messages.getOrDefault("status.batch." + run.status(), String.valueOf(run.status()))));
            }
        }
        List<Integer> pending = pipeline.pendingYears();
        if (!pending.isEmpty()) {
            out.println(messages.get("status.pending", pending.stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
    }
}
