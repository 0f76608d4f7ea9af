package vn.tonghop.export.pack;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.tonghop.normalise.PeriodType;

/**
 * When reports are due ({@code tonghop.deadline.*}), one {@link Deadline} per period type, and the time zone in
 * which an arrival time becomes a day. Defaults: the annual report by 20 December (data cut off on the 14th under
 * Decree 09/2019/NĐ-CP), every shorter period six days after its cut-off (the 20th).
 */
@ConfigurationProperties("tonghop.deadline")
public record DeadlineSettings(String year, String nineMonths, String halfYear, String quarter, String month, String zone) {

    public DeadlineSettings {
        year = orDefault(year, "12-20");
        nineMonths = orDefault(nineMonths, "+6");
        halfYear = orDefault(halfYear, "+6");
        quarter = orDefault(quarter, "+6");
        month = orDefault(month, "+6");
        zone = orDefault(zone, "Asia/Ho_Chi_Minh");
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    public Deadline of(PeriodType type) {
        return Deadline.parse(switch (type) {
            case YEAR -> year;
            case NINE_MONTHS -> nineMonths;
            case HALF_YEAR -> halfYear;
            case QUARTER -> quarter;
            case MONTH -> month;
        });
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
