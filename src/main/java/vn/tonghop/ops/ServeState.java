package vn.tonghop.ops;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/**
 * What {@code serve} is doing, for the {@code info} endpoint: the inbox it watches, the next nightly run,
 * and the last run it made (when, why, how it ended). Empty under the other commands.
 */
@Component
public class ServeState implements InfoContributor {

    private final NightlySchedule schedule;
    private volatile Path inbox;
    private volatile Path out;
    private volatile Instant startedAt;
    private volatile boolean watching;
    private volatile Map<String, Object> lastRun;

    public ServeState(NightlySchedule schedule) {
        this.schedule = schedule;
    }

    public void serving(Path servedInbox, Path servedOut, boolean watcherOn) {
        this.inbox = servedInbox.toAbsolutePath().normalize();
        this.out = servedOut.toAbsolutePath().normalize();
        this.watching = watcherOn;
        this.startedAt = Instant.now();
    }

    public void ran(String trigger, Instant started, int exitCode, String outcome) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("trigger", trigger);
        run.put("started", OffsetDateTime.ofInstant(started, ZoneId.systemDefault()).toString());
        run.put("finished", OffsetDateTime.now().toString());
        run.put("exitCode", exitCode);
        run.put("outcome", outcome);
        this.lastRun = run;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (startedAt != null) {
            details.put("servingSince", OffsetDateTime.ofInstant(startedAt, ZoneId.systemDefault()).toString());
            details.put("inbox", inbox.toString());
            details.put("out", out.toString());
            details.put("watcher", watching ? "on" : "off");
        }
        details.put("schedule", schedule.enabled() ? schedule.cron() + " (" + schedule.zoneId() + ")" : "off");
        schedule.nextAfter(Instant.now()).ifPresent(next -> details.put("nextNightlyRun", next.toOffsetDateTime().toString()));
        if (lastRun != null) {
            details.put("lastRun", lastRun);
        }
        builder.withDetail("tonghop", details);
    }
}
