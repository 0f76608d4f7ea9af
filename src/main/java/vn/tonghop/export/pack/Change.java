package vn.tonghop.export.pack;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * This year against an earlier year. For a count: the difference and the relative change (none when the earlier
 * figure is 0 or missing). For a rate: the difference in percentage points, never a "percent of a percent".
 *
 * @param difference the difference (a count), or percentage points (a rate); null when either side is missing
 * @param relative   the relative change as a fraction ({@code 0.125} = +12,5%), or null
 */
record Change(BigDecimal difference, BigDecimal relative) {

    static Change between(BigDecimal now, BigDecimal before, boolean rate) {
        if (now == null || before == null) {
            return new Change(null, null);
        }
        BigDecimal difference = now.subtract(before);
        if (rate) {
            return new Change(difference.movePointRight(2), null);
        }
        BigDecimal relative = before.signum() == 0 ? null : difference.divide(before, MathContext.DECIMAL64);
        return new Change(difference, relative);
    }
}
