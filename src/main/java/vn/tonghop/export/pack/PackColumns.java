package vn.tonghop.export.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.RateDefinition;
import vn.tonghop.form.ReportForm;

/**
 * The pack's figure columns: the form's indicators in catalogue order, then its rates, each with its Vietnamese
 * label, plus which of them are key (ranked, compared, charted).
 */
final class PackColumns {

    /** One figure: an indicator or a rate. */
    record Column(String code, String label, String group, boolean rate, boolean flag) {
    }

    private final Map<String, Column> byCode = new LinkedHashMap<>();
    private final List<Column> key = new ArrayList<>();
    private final List<Column> charted = new ArrayList<>();

    PackColumns(ReportForm form, PackSettings settings, PackText text) {
        for (Indicator indicator : form.indicators()) {
            byCode.put(indicator.code(), new Column(indicator.code(), indicator.header(), indicator.group(), false, indicator.isFlag()));
        }
        for (RateDefinition rate : form.rates()) {
            byCode.put(rate.code(), new Column(rate.code(), text.orElse("rate." + rate.code(), rate.code()), "rates", true, false));
        }
        for (String code : settings.keyIndicators()) {
            key.add(require(code, "tonghop.pack.key-indicators"));
        }
        for (String code : settings.chartIndicators()) {
            charted.add(require(code, "tonghop.pack.chart-indicators"));
        }
    }

    private Column require(String code, String property) {
        Column column = byCode.get(code.strip());
        if (column == null) {
            throw new IllegalArgumentException(property + ": '" + code + "' is neither an indicator nor a rate of the form; known: "
                    + String.join(", ", byCode.keySet()));
        }
        return column;
    }

    List<Column> all() {
        return List.copyOf(byCode.values());
    }

    List<Column> indicators() {
        return byCode.values().stream().filter(c -> !c.rate()).toList();
    }

    List<Column> rates() {
        return byCode.values().stream().filter(Column::rate).toList();
    }

    List<Column> key() {
        return List.copyOf(key);
    }

    List<Column> charted() {
        return List.copyOf(charted);
    }

    /** Every column except the key ones, in catalogue order (indicators, then rates). */
    List<Column> others() {
        return byCode.values().stream().filter(c -> !key.contains(c)).toList();
    }
}
