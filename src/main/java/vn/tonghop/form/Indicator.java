package vn.tonghop.form;

import java.util.List;

/**
 * One indicator (chỉ tiêu) of a form.
 *
 * @param code         stable English code, e.g. {@code villages_safe}
 * @param header       the Vietnamese column header of the main form
 * @param aliases      other headers clerks use for the same column
 * @param kind         flow, stock or flag
 * @param group        narrative group (propaganda, standards, ...)
 * @param rules        acceptance rules
 * @param denominator  indicator a fraction typed in this column also gives ("6/10" gives 10), or null
 * @param money        amounts in đồng (may be written "100 triệu")
 */
public record Indicator(String code, String header, List<String> aliases, IndicatorKind kind, String group,
                        Rules rules, String denominator, boolean money) {

    public Indicator {
        aliases = List.copyOf(aliases);
    }

    public boolean isFlag() {
        return kind == IndicatorKind.FLAG;
    }
}
