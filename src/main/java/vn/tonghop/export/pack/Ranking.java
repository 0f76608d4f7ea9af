package vn.tonghop.export.pack;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Competition ranking ("1, 2, 2, 4"), highest first; units without a figure are not ranked. */
final class Ranking {

    private Ranking() {
    }

    static Map<String, Integer> of(List<UnitFigures> units, String indicator) {
        Map<String, Integer> ranks = new HashMap<>();
        for (UnitFigures unit : units) {
            BigDecimal value = unit.value(indicator);
            if (value == null) {
                continue;
            }
            int higher = 0;
            for (UnitFigures other : units) {
                BigDecimal v = other.value(indicator);
                if (v != null && v.compareTo(value) > 0) {
                    higher++;
                }
            }
            ranks.put(unit.code(), higher + 1);
        }
        return ranks;
    }
}
