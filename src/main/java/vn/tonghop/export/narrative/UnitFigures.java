package vn.tonghop.export.narrative;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One unit's rows of {@code aggregate_value} for one year: its figures by indicator (rates included)
 * and the communes reporting and expected. An indicator nobody under the unit reported has no entry.
 *
 * @param type the registry's unit type ("Huyện", "Xã", "Thị trấn", "Tỉnh"), or null
 */
record UnitFigures(String level, String code, String name, String type, String parentCode, int communesReporting,
                   int communesExpected, Map<String, BigDecimal> values) {

    UnitFigures {
        values = Map.copyOf(values);
    }

    UnitFigures withValues(Map<String, BigDecimal> newValues) {
        return new UnitFigures(level, code, name, type, parentCode, communesReporting, communesExpected, newValues);
    }

    Optional<BigDecimal> value(String indicator) {
        return Optional.ofNullable(values.get(indicator));
    }

    /** The name as written inside a sentence: "huyện Bạch Thông", "thị trấn Phủ Thông", "tỉnh Bắc Kạn". */
    String fullName() {
        return fullName(type, name);
    }

    static String fullName(String type, String name) {
        if (type == null || type.isBlank() || name.toLowerCase(Locale.ROOT).startsWith(type.toLowerCase(Locale.ROOT))) {
            return name;
        }
        return type.toLowerCase(Locale.ROOT) + " " + name;
    }
}
