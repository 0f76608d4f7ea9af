package vn.tonghop.ops;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * When {@code serve} runs the nightly {@code run}: a cron expression (second minute hour day month
 * weekday, Spring's syntax) in a time zone, by default 02:00 every night, Vietnam time. {@code -} turns
 * the schedule off. A wrong expression is reported by {@code status} and stops {@code serve} from starting,
 * never the other commands.
 */
@Component
public class NightlySchedule {

    public static final String DISABLED = "-";

    private final String cron;
    private final String zoneId;
    private final CronExpression expression;
    private final ZoneId zone;
    private final String problem;

    public NightlySchedule(@Value("${tonghop.schedule.cron:0 0 2 * * *}") String cron,
                           @Value("${tonghop.schedule.zone:Asia/Ho_Chi_Minh}") String zoneId) {
        this.cron = cron.trim();
        this.zoneId = zoneId.trim();
        CronExpression parsed = null;
        ZoneId parsedZone = null;
        String error = null;
        try {
            parsedZone = ZoneId.of(this.zoneId);
            if (!DISABLED.equals(this.cron)) {
                parsed = CronExpression.parse(this.cron);
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            error = e.getMessage();
        }
        this.expression = parsed;
        this.zone = parsedZone;
        this.problem = error;
    }

    public String cron() {
        return cron;
    }

    public String zoneId() {
        return zoneId;
    }

    public boolean enabled() {
        return expression != null;
    }

    /** What is wrong with the configured expression or zone, if anything. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /** The next time the nightly run fires after {@code now}, in the schedule's zone. */
    public Optional<ZonedDateTime> nextAfter(Instant now) {
        if (expression == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(expression.next(now.atZone(zone)));
    }

    /** The trigger for the scheduler of {@code serve}. */
    public CronTrigger trigger() {
        if (expression == null) {
            throw new IllegalStateException("No nightly schedule: " + (problem == null ? "disabled" : problem));
        }
        return new CronTrigger(cron, zone);
    }
}
