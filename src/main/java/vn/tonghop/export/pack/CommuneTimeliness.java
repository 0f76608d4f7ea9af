package vn.tonghop.export.pack;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Whether a commune reported for the year, and in time, judged on the reports that count for the year: its annual report
 * where it sent one (the aggregates then use that alone, so a late quarter it also sent does not make it late), otherwise
 * every sub-period report, each by its own deadline.
 *
 * @param reports the reports that count, in period order (none when missing)
 * @param note    why a commune that sent something is still missing (its rows were rejected), or null
 */
public record CommuneTimeliness(String code, String name, String districtCode, boolean expected, Status status,
                                List<Report> reports, String note) {

    public CommuneTimeliness {
        reports = List.copyOf(reports);
    }

    public enum Status {
        ON_TIME,
        LATE,
        MISSING
    }

    /**
     * One report that counts for the year.
     *
     * @param period  its period as staff write it ({@code năm 2023}, {@code quý IV/2023})
     * @param arrived the day its first version arrived
     * @param due     its own due day ({@code tonghop.deadline.*})
     */
    public record Report(String period, LocalDate arrived, LocalDate due) {

        /** Days after the due day it arrived, 0 when on time. */
        public long daysLate() {
            return Math.max(ChronoUnit.DAYS.between(due, arrived), 0);
        }
    }

    /** On time or late by its counted reports. */
    static Status of(List<Report> reports) {
        return reports.stream().anyMatch(r -> r.daysLate() > 0) ? Status.LATE : Status.ON_TIME;
    }

    /**
     * The report the row's arrival, due day and days late are all taken from: the latest against its own deadline (the
     * earliest period of those equally late), or null when missing.
     */
    public Report shown() {
        return reports.stream().max(Comparator.comparingLong(Report::daysLate)
                .thenComparing(Report::due, Comparator.reverseOrder())).orElse(null);
    }

    /** Days late of the report shown (0 when on time or missing). */
    public long daysLate() {
        Report shown = shown();
        return shown == null ? 0 : shown.daysLate();
    }
}
