package vn.tonghop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class NightlyScheduleTest {

    @Test
    void nextAfter_byDefault_thenTwoOClockVietnamTime() {
        NightlySchedule schedule = new NightlySchedule("0 0 2 * * *", "Asia/Ho_Chi_Minh");

        // 10:00 UTC is 17:00 in Hà Nội: the next run is at 02:00 the next morning, 19:00 UTC the same day
        ZonedDateTime next = schedule.nextAfter(Instant.parse("2026-11-22T10:00:00Z")).orElseThrow();

        assertThat(next.toString()).isEqualTo("2026-11-23T02:00+07:00[Asia/Ho_Chi_Minh]");
        assertThat(next.toInstant()).isEqualTo(Instant.parse("2026-11-22T19:00:00Z"));
        assertThat(schedule.enabled()).isTrue();
        assertThat(schedule.problem()).isEmpty();
    }

    @Test
    void nextAfter_justBeforeTheHour_thenTheSameNight() {
        NightlySchedule schedule = new NightlySchedule("0 0 2 * * *", "Asia/Ho_Chi_Minh");

        assertThat(schedule.nextAfter(Instant.parse("2026-11-22T18:59:59Z")).orElseThrow().toInstant())
                .isEqualTo(Instant.parse("2026-11-22T19:00:00Z"));
    }

    @Test
    void nextAfter_withAWeekdayExpression_thenTheNextSuchDay() {
        NightlySchedule schedule = new NightlySchedule("0 30 3 * * MON-FRI", "Asia/Ho_Chi_Minh");

        // Saturday 2026-11-21 noon in Hà Nội: next is Monday 03:30
        assertThat(schedule.nextAfter(Instant.parse("2026-11-21T05:00:00Z")).orElseThrow().toString())
                .isEqualTo("2026-11-23T03:30+07:00[Asia/Ho_Chi_Minh]");
    }

    @Test
    void constructor_whenTheScheduleIsOff_thenNoNextRun() {
        NightlySchedule schedule = new NightlySchedule("-", "Asia/Ho_Chi_Minh");

        assertThat(schedule.enabled()).isFalse();
        assertThat(schedule.problem()).isEmpty();
        assertThat(schedule.nextAfter(Instant.now())).isEmpty();
    }

    @Test
    void constructor_whenTheExpressionOrZoneIsWrong_thenTheProblemIsReportedNotThrown() {
        assertThat(new NightlySchedule("0 0 25 * * *", "Asia/Ho_Chi_Minh").problem()).isPresent();
        assertThat(new NightlySchedule("hằng đêm", "Asia/Ho_Chi_Minh").problem()).isPresent();
        assertThat(new NightlySchedule("0 0 2 * * *", "Asia/Ha_Noi").problem()).isPresent();
    }
}
