package vn.tonghop.registry;

import java.util.Locale;

/** Tiers of the administrative hierarchy; the district tier ends with the July 2025 reform. */
public enum UnitLevel {
    PROVINCE, DISTRICT, COMMUNE;

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UnitLevel fromSql(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
