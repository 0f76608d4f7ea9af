package vn.tonghop.form;

/**
 * A derived rate, recomputed at every level from summed parts, never averaged: either
 * numerator / denominator over the communes reporting both, or (for a flag) the share of reporting
 * communes answering yes.
 */
public record RateDefinition(String code, String numerator, String denominator, String flag) {

    public boolean isFlagShare() {
        return flag != null;
    }
}
