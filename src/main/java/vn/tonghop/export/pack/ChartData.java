package vn.tonghop.export.pack;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.tonghop.export.pack.PackColumns.Column;

/**
 * What one chart shows: an indicator by unit below the province, this year and last year (in this year's units).
 * When there are more units than fit, the ones highest this year, in that order; otherwise in code order.
 *
 * @param truncated true when only the {@code labels.size()} highest units are shown
 */
record ChartData(Column column, List<String> labels, List<BigDecimal> thisYear, List<BigDecimal> lastYear, boolean truncated) {

    static ChartData of(ConferencePack pack, Column column, int maxUnits) {
        List<UnitFigures> units = new ArrayList<>(pack.units());
        boolean truncated = units.size() > maxUnits;
        if (truncated) {
            units.sort(Comparator.comparing((UnitFigures u) -> u.value(column.code()), Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(UnitFigures::code));
            units = units.subList(0, maxUnits);
        }
        List<String> labels = new ArrayList<>();
        List<BigDecimal> thisYear = new ArrayList<>();
        List<BigDecimal> lastYear = new ArrayList<>();
        YearFigures last = pack.earlier(1);
        for (UnitFigures unit : units) {
            labels.add(unit.name());
            thisYear.add(unit.value(column.code()));
            UnitFigures before = last.unit(unit.code());
            lastYear.add(before == null ? null : before.value(column.code()));
        }
        return new ChartData(column, labels, thisYear, lastYear, truncated);
    }
}
