package vn.tonghop.export.pack;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One unit's figures for one year, as the aggregate tables hold them.
 *
 * @param level        commune, district or province
 * @param parentCode   a pre-reform commune's district, or null
 * @param reporting    communes counted here that reported
 * @param expected     communes counted here that the registry expected
 * @param values       indicator (and {@code rate_*}) to value; absent or null = nothing reported
 * @param exact        false when, in today's units, part of a split old commune belongs here (no value then)
 * @param sources      in today's units: the year's unit codes counted here; empty otherwise
 * @param splitSources in today's units: split old communes feeding the unit, not attributed
 * @param unrounded    rate to its value unrounded, from the summed parts ({@link vn.tonghop.form.RateDefinition#unrounded}),
 *                     where known: what a change between years is computed from
 */
public record UnitFigures(String level, String code, String name, String parentCode, int reporting, int expected,
                          Map<String, BigDecimal> values, boolean exact, List<String> sources, List<String> splitSources,
                          Map<String, BigDecimal> unrounded) {

    public UnitFigures {
        values = Map.copyOf(values);
        sources = List.copyOf(sources);
        splitSources = List.copyOf(splitSources);
        unrounded = Map.copyOf(unrounded);
    }

    /** Figures whose rates are only known as stored (rounded to four decimals). */
    public UnitFigures(String level, String code, String name, String parentCode, int reporting, int expected,
                       Map<String, BigDecimal> values, boolean exact, List<String> sources, List<String> splitSources) {
        this(level, code, name, parentCode, reporting, expected, values, exact, sources, splitSources, Map.of());
    }

    /** The figure as stored, as the pack shows it (a rate to four decimals, as in {@code aggregates.csv}). */
    public BigDecimal value(String indicator) {
        return values.get(indicator);
    }

    /** The figure a change between years is computed from: a rate unrounded where known, else as stored. */
    public BigDecimal forChange(String indicator) {
        BigDecimal exactRate = unrounded.get(indicator);
        return exactRate != null ? exactRate : values.get(indicator);
    }

    public boolean reported() {
        return reporting > 0;
    }
}
