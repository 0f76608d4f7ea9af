package vn.tonghop.form;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.function.Function;

/**
 * A derived rate, recomputed at every level from summed parts, never averaged: either
 * numerator / denominator over the communes reporting both, or (for a flag) the share of reporting
 * communes answering yes.
 */
public record RateDefinition(String code, String numerator, String denominator, String flag) {

    /** The scale of a rate as the aggregate tables hold it (a fraction with four decimals). */
    public static final int STORED_SCALE = 4;

    public boolean isFlagShare() {
        return flag != null;
    }

    /**
     * A unit's rate unrounded, for a change between years: the difference of two rates rounded to four decimals can be
     * off by a hundredth of a point (2230/2487 − 2400/2870 is 6,04 points, 0,8967 − 0,8362 is 6,05). Computed from the
     * unit's summed numerator and denominator ({@code values} by indicator) where they give back the stored rate; they do
     * not where a commune reported one part without the other (the rate leaves that commune out), and a flag's share has
     * no stored denominator: then the stored rate.
     *
     * @param stored the rate as stored (four decimals), or null
     */
    public BigDecimal unrounded(BigDecimal stored, Function<String, BigDecimal> values) {
        if (stored == null || isFlagShare()) {
            return stored;
        }
        BigDecimal top = values.apply(numerator);
        BigDecimal bottom = values.apply(denominator);
        if (top == null || bottom == null || bottom.signum() == 0) {
            return stored;
        }
        BigDecimal exact = top.divide(bottom, MathContext.DECIMAL64);
        return exact.setScale(STORED_SCALE, RoundingMode.HALF_UP).compareTo(stored) == 0 ? exact : stored;
    }
}
