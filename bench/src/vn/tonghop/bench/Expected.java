package vn.tonghop.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.IndicatorKind;
import vn.tonghop.form.RateDefinition;

/**
 * The aggregates tonghop must write for the benchmark year, computed here from the generated rows by the
 * rules of SPEC §2 and §6, independently of tonghop: per commune the accepted annual row, else its accepted
 * months (flows summed, stocks and flags from the latest month giving them); sums over districts and the
 * province; rates from summed parts. {@link #lines()} is {@code aggregates.csv}, line for line.
 */
final class Expected {

    private static final long NONE = Long.MIN_VALUE;

    private final Registry registry;
    private final YearModel model;
    private final Map<String, long[]> communeValues = new ConcurrentHashMap<>();
    private final Set<String> reporting = ConcurrentHashMap.newKeySet();

    Expected(Registry registry, YearModel model) {
        this.registry = registry;
        this.model = model;
    }

    void record(String commune, YearModel.Row[] rows) {
        List<Indicator> indicators = model.form.indicators();
        long[] values = new long[indicators.size()];
        java.util.Arrays.fill(values, NONE);
        boolean any = false;
        for (YearModel.Row row : rows) {
            any |= row.accepted();
        }
        if (rows[YearModel.ANNUAL].accepted()) {
            copy(rows[YearModel.ANNUAL].values(), values);
        } else {
            for (int i = 0; i < indicators.size(); i++) {
                boolean flow = indicators.get(i).kind() == IndicatorKind.FLOW;
                for (int m = 1; m <= 12; m++) {
                    Long v = rows[m].accepted() ? rows[m].values()[i] : null;
                    if (v == null) {
                        continue;
                    }
                    values[i] = flow ? (values[i] == NONE ? 0 : values[i]) + v : v; // the latest month wins for stocks
                }
            }
        }
        communeValues.put(commune, values);
        if (any) {
            reporting.add(commune);
        } else {
            reporting.remove(commune);
        }
    }

    /** A correction of the annual row, accepted: it replaces whatever counted before. */
    void replaceAnnual(String commune, YearModel.Row annual) {
        long[] values = new long[model.form.indicators().size()];
        copy(annual.values(), values);
        communeValues.put(commune, values);
        reporting.add(commune);
    }

    private static void copy(Long[] from, long[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = from[i] == null ? NONE : from[i];
        }
    }

    /** {@code aggregates.csv} of the year, header included, in tonghop's order. */
    List<String> lines() {
        record Unit(String level, int order, String code, String name, List<String> communes) {
        }
        List<Unit> units = new ArrayList<>();
        Map<String, List<String>> provinces = new LinkedHashMap<>();
        Map<String, String> provinceNames = new LinkedHashMap<>();
        for (Registry.District d : registry.districts) {
            List<String> codes = d.communes().stream().map(Registry.Commune::code).toList();
            for (Registry.Commune c : d.communes()) {
                units.add(new Unit("commune", 1, c.code(), c.name(), List.of(c.code())));
            }
            units.add(new Unit("district", 2, d.code(), d.name(), codes));
            provinces.computeIfAbsent(d.provinceCode(), k -> new ArrayList<>()).addAll(codes);
            provinceNames.put(d.provinceCode(), d.provinceName());
        }
        provinces.forEach((code, communes) -> units.add(new Unit("province", 3, code, provinceNames.get(code), communes)));
        units.sort(Comparator.comparingInt(Unit::order).thenComparing(Unit::code));
        List<String> lines = new ArrayList<>();
        lines.add("level,unit_code,unit_name,year,indicator,value,communes_reporting,communes_expected");
        List<Indicator> indicators = model.form.indicators();
        for (Unit unit : units) {
            int reportingCount = (int) unit.communes().stream().filter(reporting::contains).count();
            TreeMap<String, String> row = new TreeMap<>();
            for (int i = 0; i < indicators.size(); i++) {
                long sum = 0;
                boolean found = false;
                for (String c : unit.communes()) {
                    long v = communeValues.get(c)[i];
                    if (v != NONE) {
                        sum += v;
                        found = true;
                    }
                }
                row.put(indicators.get(i).code(), found ? Long.toString(sum) : "");
            }
            for (RateDefinition rate : model.form.rates()) {
                row.put(rate.code(), rate(rate, unit.communes()));
            }
            String name = unit.name().contains(",") || unit.name().contains("\"") ? '"' + unit.name().replace("\"", "\"\"") + '"' : unit.name();
            row.forEach((indicator, value) -> lines.add(String.join(",", unit.level(), unit.code(), name, Integer.toString(model.year),
                    indicator, value, Integer.toString(reportingCount), Integer.toString(unit.communes().size()))));
        }
        return lines;
    }

    private String rate(RateDefinition rate, List<String> communes) {
        int numerator = model.index(rate.isFlagShare() ? rate.flag() : rate.numerator());
        int denominator = rate.isFlagShare() ? -1 : model.index(rate.denominator());
        long top = 0;
        long bottom = 0;
        boolean any = false;
        for (String c : communes) {
            long[] v = communeValues.get(c);
            if (v[numerator] == NONE || (denominator >= 0 && v[denominator] == NONE)) {
                continue;
            }
            top += v[numerator];
            bottom += denominator >= 0 ? v[denominator] : 1;
            any = true;
        }
        if (!any || bottom == 0) {
            return "";
        }
        return BigDecimal.valueOf(top).divide(BigDecimal.valueOf(bottom), 4, RoundingMode.HALF_UP).toPlainString();
    }
}
