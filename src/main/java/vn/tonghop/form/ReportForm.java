package vn.tonghop.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable report form: its indicators in catalogue order, the aliases of its identifying columns,
 * the labels of total rows and its derived rates.
 */
public final class ReportForm {

    private final String code;
    private final String name;
    private final List<Indicator> indicators;
    private final Map<String, Indicator> byCode;
    private final Map<ColumnRole, List<String>> columnAliases;
    private final List<String> totalRowLabels;
    private final List<RateDefinition> rates;

    public ReportForm(String code, String name, List<Indicator> indicators, Map<ColumnRole, List<String>> columnAliases,
                      List<String> totalRowLabels, List<RateDefinition> rates) {
        this.code = code;
        this.name = name;
        this.indicators = List.copyOf(indicators);
        Map<String, Indicator> map = new LinkedHashMap<>();
        indicators.forEach(i -> map.put(i.code(), i));
        this.byCode = Map.copyOf(map);
        this.columnAliases = Map.copyOf(columnAliases);
        this.totalRowLabels = List.copyOf(totalRowLabels);
        this.rates = List.copyOf(rates);
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    public Optional<Indicator> indicator(String indicatorCode) {
        return Optional.ofNullable(byCode.get(indicatorCode));
    }

    public List<String> aliases(ColumnRole role) {
        return columnAliases.getOrDefault(role, List.of());
    }

    public List<String> totalRowLabels() {
        return totalRowLabels;
    }

    public List<RateDefinition> rates() {
        return rates;
    }
}
