package vn.tonghop.export.pack;

import java.time.LocalDate;

/**
 * Whether a commune reported for the year, and in time.
 *
 * @param periods      the periods of its reports in force, e.g. {@code năm 2023} or {@code quý I/2023, quý II/2023}
 * @param firstArrival the day its first report for the year arrived (earliest version), or null
 * @param due          the due day of the report that was latest against its deadline (or of the annual report)
 * @param daysLate     days after {@code due} (0 when on time)
 * @param note         why a commune that sent something is still missing (its rows were rejected), or null
 */
public record CommuneTimeliness(String code, String name, String districtCode, boolean expected, Status status, String periods,
                                LocalDate firstArrival, LocalDate due, long daysLate, String note) {

    public enum Status {
        ON_TIME,
        LATE,
        MISSING
    }
}
