package vn.tonghop.export.pack;

import java.util.Map;

/**
 * An earlier year's figures, in the units of the pack's year: the same codes before the reform, today's units
 * ({@code aggregate_today}) after it.
 *
 * @param province    the province, or null when nothing was aggregated for the year
 * @param units       the units below the province (districts or communes), by code
 * @param sourceNames "level:code" of the year's units to their names, for notes on merged and split communes
 */
public record YearFigures(int year, UnitFigures province, Map<String, UnitFigures> units, Map<String, String> sourceNames) {

    public YearFigures {
        units = Map.copyOf(units);
        sourceNames = Map.copyOf(sourceNames);
    }

    public UnitFigures unit(String code) {
        return units.get(code);
    }

    public String sourceName(String level, String code) {
        return sourceNames.getOrDefault(level + ":" + code, code);
    }
}
