package vn.tonghop.export.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;
import vn.tonghop.validate.RowValidator;

/**
 * How a Vietnamese report writes a figure: {@code 1.800} (dot groups thousands, comma before decimals),
 * money in the largest of tỷ (10⁹) or triệu (10⁶) that keeps it exact ({@code 100 triệu đồng},
 * {@code 1,5 tỷ đồng}), a rate as a percentage ({@code 94,2%}). Nothing is rounded away: a sum that does not
 * fit tỷ or triệu with three decimals is written in full ({@code 1.742.512.000 đồng}).
 */
final class VietnameseFigures {

    private static final BigDecimal BILLION = new BigDecimal("1000000000");
    private static final BigDecimal MILLION = new BigDecimal("1000000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private VietnameseFigures() {
    }

    /** 1800 → "1.800"; 2.5 → "2,5". */
    static String count(BigDecimal value) {
        return RowValidator.plain(value);
    }

    /** 100000000 → "100 triệu đồng"; 1500000000 → "1,5 tỷ đồng"; 250000 → "250.000 đồng". */
    static String money(BigDecimal value) {
        BigDecimal magnitude = value.abs();
        if (magnitude.compareTo(BILLION) >= 0 && fitsThreeDecimals(value.divide(BILLION))) {
            return RowValidator.plain(value.divide(BILLION)) + " tỷ đồng";
        }
        if (magnitude.compareTo(MILLION) >= 0 && fitsThreeDecimals(value.divide(MILLION))) {
            return RowValidator.plain(value.divide(MILLION)) + " triệu đồng";
        }
        return RowValidator.plain(value) + " đồng";
    }

    /** A rate stored as a fraction with four decimals: 0.9420 → "94,2%"; 1 → "100%". */
    static String percent(BigDecimal fraction) {
        return RowValidator.plain(fraction.multiply(HUNDRED)) + "%";
    }

    /**
     * The relative change from {@code previous} (not zero) to {@code current}, unsigned, one decimal:
     * 799 → 804 is "0,6%". A change too small to show at one decimal is "dưới 0,1%" rather than "0%".
     */
    static String percentChange(BigDecimal current, BigDecimal previous) {
        BigDecimal ratio = current.subtract(previous).abs().multiply(HUNDRED).divide(previous.abs(), 1, RoundingMode.HALF_UP);
        return ratio.signum() == 0 ? "dưới 0,1%" : RowValidator.plain(ratio) + "%";
    }

    /**
     * The difference of two rates in percentage points, unsigned, two decimals: 0.9281 → 0.9420 is "1,39". Given the rates
     * unrounded ({@link FigureSlots#forChange}), rounded only here: 2400/2870 → 2230/2487 is "6,04", where the rates rounded
     * to four decimals would give 6,05.
     */
    static String points(BigDecimal current, BigDecimal previous) {
        return RowValidator.plain(pointsDifference(current, previous).abs());
    }

    /** The signed difference of two rates in percentage points, rounded to two decimals as {@link #points} writes it. */
    static BigDecimal pointsDifference(BigDecimal current, BigDecimal previous) {
        return current.subtract(previous).multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
    }

    /** A signed difference for a table cell: "+5", "−1.403", "0". */
    static String signed(String unsignedText, int signum) {
        return switch (signum) {
            case 1 -> "+" + unsignedText;
            case -1 -> "−" + unsignedText;
            default -> unsignedText;
        };
    }

    private static boolean fitsThreeDecimals(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 3;
    }
}
