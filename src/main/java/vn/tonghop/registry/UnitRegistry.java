package vn.tonghop.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.tonghop.normalise.TextKey;
import vn.tonghop.normalise.UnitName;
import vn.tonghop.normalise.UnitNameKey;

/**
 * An in-memory snapshot of the registry for one run: answers every per-row lookup (code, name, scope)
 * without a database round trip. Built by {@link RegistryRepository#snapshot()}.
 */
public final class UnitRegistry {

    private final Map<String, List<Unit>> byCode = new HashMap<>();
    private final Map<String, List<Unit>> communesByNameKey = new HashMap<>();
    private final UnitNameKey nameKey = new UnitNameKey();
    private final TextKey textKey = new TextKey();

    public UnitRegistry(List<Unit> units) {
        for (Unit unit : units) {
            byCode.computeIfAbsent(key(unit.level(), unit.code()), k -> new ArrayList<>()).add(unit);
            if (unit.level() == UnitLevel.COMMUNE) {
                communesByNameKey.computeIfAbsent(unit.nameKey(), k -> new ArrayList<>()).add(unit);
            }
        }
        byCode.values().forEach(list -> list.sort(Comparator.comparing(Unit::validFrom).reversed()));
    }

    public boolean isEmpty() {
        return byCode.isEmpty();
    }

    private static String key(UnitLevel level, String code) {
        return level.name() + ":" + code;
    }

    /** The latest version of a unit in force at some time between from and to. */
    public Optional<Unit> unit(UnitLevel level, String code, LocalDate from, LocalDate to) {
        return byCode.getOrDefault(key(level, code), List.of()).stream().filter(u -> u.overlaps(from, to)).findFirst();
    }

    /** The latest version of a unit, whatever its dates. */
    public Optional<Unit> latest(UnitLevel level, String code) {
        List<Unit> versions = byCode.getOrDefault(key(level, code), List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(0));
    }

    /**
     * The office an inbox folder stands for: a province (2 digits), district (3) or commune (5) code.
     */
    public Optional<Unit> office(String folder) {
        if (folder == null || !folder.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return switch (folder.length()) {
            case 2 -> latest(UnitLevel.PROVINCE, folder);
            case 3 -> latest(UnitLevel.DISTRICT, folder);
            case 5 -> latest(UnitLevel.COMMUNE, folder);
            default -> Optional.empty();
        };
    }

    /** A commune by its code (leading zeros restored), in force during the period. */
    public UnitMatch communeByCode(String rawCode, LocalDate from, LocalDate to) {
        String code = normaliseCode(rawCode, 5);
        if (code == null) {
            return new UnitMatch.NotFound();
        }
        return unit(UnitLevel.COMMUNE, code, from, to).<UnitMatch>map(UnitMatch.Found::new).orElseGet(UnitMatch.NotFound::new);
    }

    /**
     * A commune by name, within the office's subtree (null = anywhere) and, when the file names one,
     * within a district. Two matches are an error for the caller, never a guess.
     */
    public UnitMatch communeByName(String name, String districtName, Unit office, LocalDate from, LocalDate to) {
        UnitName typed = nameKey.parse(name == null ? "" : name);
        List<Unit> candidates = new ArrayList<>();
        for (String key : typed.candidates()) {
            candidates = inForce(key, office, from, to);
            if (!candidates.isEmpty()) {
                break;
            }
        }
        if (candidates.size() > 1 && districtName != null && !districtName.isBlank()) {
            String districtKey = nameKey.of(districtName);
            candidates = narrow(candidates, u -> unit(UnitLevel.DISTRICT, u.parentCode(), from, to)
                    .map(d -> d.nameKey().equals(districtKey)).orElse(false));
        }
        if (candidates.size() > 1) {
            // Names that differ only by diacritics (Đồng Thành / Đông Thành) or by type (Thị trấn / Xã Mường Tè).
            candidates = narrow(candidates, u -> nameKey.parse(u.name()).accentedKey().equals(typed.accentedKey()));
            if (!typed.prefix().isEmpty()) {
                candidates = narrow(candidates, u -> u.type() != null && textKey.of(u.type()).equals(typed.prefix()));
            }
        }
        candidates.sort(Comparator.comparing(Unit::code));
        return switch (candidates.size()) {
            case 0 -> new UnitMatch.NotFound();
            case 1 -> new UnitMatch.Found(candidates.get(0));
            default -> new UnitMatch.Ambiguous(candidates);
        };
    }

    private List<Unit> inForce(String key, Unit office, LocalDate from, LocalDate to) {
        Map<String, Unit> latestByCode = new HashMap<>();
        for (Unit u : communesByNameKey.getOrDefault(key, List.of())) {
            if (u.overlaps(from, to) && (office == null || contains(office, u))) {
                latestByCode.merge(u.code(), u, (a, b) -> a.validFrom().isAfter(b.validFrom()) ? a : b);
            }
        }
        return new ArrayList<>(latestByCode.values());
    }

    /** The candidates passing the test, or all of them when none does (the test could not tell them apart). */
    private static List<Unit> narrow(List<Unit> candidates, java.util.function.Predicate<Unit> test) {
        List<Unit> kept = candidates.stream().filter(test).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        return kept.isEmpty() ? candidates : kept;
    }

    /** True when the commune lies under (or is) the office. */
    public boolean contains(Unit office, Unit commune) {
        return switch (office.level()) {
            case COMMUNE -> office.code().equals(commune.code());
            case DISTRICT -> office.code().equals(commune.parentCode());
            case PROVINCE -> office.code().equals(commune.provinceCode());
        };
    }

    /** "2002" → "02002"; null when the text is not a code. */
    public static String normaliseCode(String raw, int width) {
        if (raw == null) {
            return null;
        }
        String digits = raw.strip();
        if (digits.endsWith(".0")) {
            digits = digits.substring(0, digits.length() - 2); // a code typed into a numeric Excel cell
        }
        if (digits.isEmpty() || digits.length() > width || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return "0".repeat(width - digits.length()) + digits;
    }
}
