package vn.tonghop.export.pack;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a report of one period type is due, as configured ({@code tonghop.deadline.<type>}): either a day of the
 * year written {@code MM-DD} ({@code 12-20}: the first 20 December on or after the period's last day) or a number
 * of days after the period's last day, written {@code +N} ({@code +6}: the 20th when data are cut off on the 14th).
 * A report is on time when it arrived on or before its due day.
 */
public record Deadline(MonthDay dayOfYear, int daysAfter) {

    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAYS_AFTER = Pattern.compile("\\+?(\\d{1,3})");

    /** @throws IllegalArgumentException with the offending text when it is neither form */
    public static Deadline parse(String text) {
        String value = text == null ? "" : text.strip();
        Matcher m = MONTH_DAY.matcher(value);
        if (m.matches()) {
            try {
                return new Deadline(MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))), 0);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("not a day of the year: '" + value + "'", e);
            }
        }
        m = DAYS_AFTER.matcher(value);
        if (m.matches()) {
            return new Deadline(null, Integer.parseInt(m.group(1)));
        }
        throw new IllegalArgumentException("a deadline is MM-DD (e.g. 12-20) or +N days after the period's end (e.g. +6), not '" + value + "'");
    }

    /** The due day of a period ending on {@code periodEnd}. */
    public LocalDate due(LocalDate periodEnd) {
        if (dayOfYear == null) {
            return periodEnd.plusDays(daysAfter);
        }
        LocalDate sameYear = dayOfYear.atYear(periodEnd.getYear());
        return sameYear.isBefore(periodEnd) ? dayOfYear.atYear(periodEnd.getYear() + 1) : sameYear;
    }

    /** How the rule reads for staff: {@code ngày 20/12}, or {@code 6 ngày sau ngày chốt số liệu}. */
    public String describe(PackText text) {
        return dayOfYear == null ? text.get("deadline.daysAfter", daysAfter)
                : text.get("deadline.dayOfYear", String.format("%02d/%02d", dayOfYear.getDayOfMonth(), dayOfYear.getMonthValue()));
    }
}
