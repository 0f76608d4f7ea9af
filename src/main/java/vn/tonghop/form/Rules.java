package vn.tonghop.form;

import java.math.BigDecimal;

/**
 * The acceptance rules of one indicator.
 *
 * @param min          smallest allowed value (error below), or null
 * @param positive     value must be greater than zero (error otherwise)
 * @param atMost       code of an indicator this value may not exceed (error), or null
 * @param warnAtLeast  code of an indicator this value should not fall below (warning), or null
 */
public record Rules(BigDecimal min, boolean positive, String atMost, String warnAtLeast) {

    public static final Rules NONE = new Rules(null, false, null, null);
}
