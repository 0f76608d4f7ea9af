package vn.tonghop.normalise;

import java.util.Objects;

/**
 * A period found in free text, and how it was found.
 *
 * @param period   the period
 * @param explicit true when the text names the kind of period ({@code năm 2023}, {@code quý III/2022},
 *                 {@code 2023-M11}, a date range); false when all it holds is a bare year ({@code cao-son-2023}),
 *                 which is read as that year and is weaker evidence: a caller combining a file name, a title line and
 *                 a period column should prefer an explicit period and may treat a bare year found only in a file
 *                 name as the annual report
 */
public record PeriodMatch(Period period, boolean explicit) {

    public PeriodMatch {
        Objects.requireNonNull(period, "period");
    }
}
