package vn.tonghop.normalise;

import java.math.BigDecimal;
import java.util.Objects;

/** What a number cell holds: nothing, a value (possibly a fraction such as {@code 10/10}), or something unreadable. */
public sealed interface ParsedNumber {

    /** An empty cell, blank, or a lone dash: "not reported", which is not zero. */
    record Empty() implements ParsedNumber {
    }

    /**
     * A number. For a fraction {@code 334/336} the value is the numerator (334) and {@code denominator} is 336;
     * otherwise {@code denominator} is {@code null}. Values carry no trailing zeros ({@code 1.800} is 1800, scale 0).
     */
    record Value(BigDecimal value, BigDecimal denominator) implements ParsedNumber {

        public Value {
            Objects.requireNonNull(value, "value");
        }

        public static Value of(BigDecimal value) {
            return new Value(value, null);
        }

        public boolean isFraction() {
            return denominator != null;
        }

        /** True when the value has no fractional part (a count may be checked with this). */
        public boolean isWhole() {
            return NumberParser.isWhole(value);
        }
    }

    /** Not a number; {@code reason} is English, for logs and for choosing the clerk's message. */
    record Invalid(String reason) implements ParsedNumber {

        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
