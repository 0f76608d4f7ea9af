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
 */
public record UnitFigures(String level, String code, String name, String parentCode, int reporting, int expected,
                          Map<String, BigDecimal> values, boolean exact, List<String> sources, List<String> splitSources) {

    public UnitFigures {
        values = Map.copyOf(values);
        sources = List.copyOf(sources);
        splitSources = List.copyOf(splitSources);
    }

    public BigDecimal value(String indicator) {
        return values.get(indicator);
    }

    public boolean reported() {
        return reporting > 0;
    }
}
