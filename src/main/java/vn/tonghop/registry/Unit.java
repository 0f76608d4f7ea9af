package vn.tonghop.registry;

import java.time.LocalDate;

/**
 * One version of a unit: valid from {@code validFrom} to {@code validTo} inclusive (null = still valid).
 *
 * @param parentCode district of a pre-2025 commune; province of a district or a post-2025 commune
 */
public record Unit(UnitLevel level, String code, String name, String type, String parentCode, String provinceCode,
                   String nameKey, LocalDate validFrom, LocalDate validTo) {

    /** True when this version is in force at some time between {@code from} and {@code to}. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !validFrom.isAfter(to) && (validTo == null || !validTo.isBefore(from));
    }

    public boolean validOn(LocalDate day) {
        return overlaps(day, day);
    }

    /** The official name with its type, e.g. "Xã Cao Sơn". */
    public String fullName() {
        if (type == null || type.isBlank() || name.toLowerCase(java.util.Locale.ROOT).startsWith(type.toLowerCase(java.util.Locale.ROOT))) {
            return name;
        }
        return type + " " + name;
    }
}
