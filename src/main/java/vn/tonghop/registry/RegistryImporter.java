package vn.tonghop.registry;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tonghop.normalise.UnitNameKey;

/**
 * {@code tonghop units import FILE}: loads any of the registry layouts of {@code shared/data/admin-units}
 * (the three-tier list before the reform, the district list, the two-tier list after it, and the
 * commune and province mappings), recognised by their header. Versions are merged, so re-importing the
 * same file changes nothing.
 */
@Component
public final class RegistryImporter {

    /** Before 1 July 2025: province, district, commune. */
    public static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);
    static final LocalDate BEGINNING = LocalDate.of(2000, 1, 1);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final UnitNameKey nameKey = new UnitNameKey();

    public RegistryImporter(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** What an import did, for the operator. */
    public record ImportSummary(String layout, int rows, int inserted, int updated, int unchanged, int mappings) {
    }

    /**
     * @param validFrom first day the listed units are in force; null = the layout's default
     *                  (2000-01-01 for the pre-reform lists, 2025-07-01 for the post-reform list)
     */
    public ImportSummary importFile(Path file, LocalDate validFrom) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new RegistryFormatException("registry.notFound", file);
        }
        List<Map<String, String>> rows;
        List<String> header;
        try (InputStream in = Files.newInputStream(file);
             Reader reader = new InputStreamReader(skipBom(in), StandardCharsets.UTF_8);
             CSVReader csv = new CSVReaderBuilder(reader).build()) {
            List<String[]> all = csv.readAll();
            if (all.isEmpty()) {
                throw new RegistryFormatException("registry.empty", file.getFileName());
            }
            header = new ArrayList<>();
            for (String h : all.get(0)) {
                header.add(h.trim().toLowerCase(Locale.ROOT));
            }
            rows = new ArrayList<>();
            for (int i = 1; i < all.size(); i++) {
                String[] line = all.get(i);
                if (line.length == 1 && line[0].isBlank()) {
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < header.size() && c < line.length; c++) {
                    row.put(header.get(c), Normalizer.normalize(line[c].trim(), Normalizer.Form.NFC));
                }
                rows.add(row);
            }
        } catch (CsvException e) {
            throw new RegistryFormatException("registry.unreadable", file.getFileName(), e.getMessage());
        }
        Layout layout = Layout.detect(header);
        return tx.execute(status -> switch (layout) {
            case THREE_TIER -> mergeUnits(layout, threeTier(rows, orDefault(validFrom, BEGINNING), REFORM_DAY.minusDays(1)), rows.size(), file);
            case DISTRICTS -> mergeUnits(layout, districts(rows, orDefault(validFrom, BEGINNING), REFORM_DAY.minusDays(1)), rows.size(), file);
            case TWO_TIER -> mergeUnits(layout, twoTier(rows, orDefault(validFrom, REFORM_DAY)), rows.size(), file);
            case COMMUNE_MAPPING -> mergeMappings(layout, communeMappings(rows), rows.size());
            case PROVINCE_MAPPING -> mergeMappings(layout, provinceMappings(rows), rows.size());
        });
    }

    private static LocalDate orDefault(LocalDate value, LocalDate fallback) {
        return value == null ? fallback : value;
    }

    enum Layout {
        THREE_TIER("province_code", "district_code", "commune_code", "commune_name"),
        DISTRICTS("province_code", "district_code", "district_name", "n_communes"),
        TWO_TIER("province_code", "commune_code", "commune_name"),
        COMMUNE_MAPPING("old_level", "old_commune_code", "new_commune_code", "merge_type"),
        PROVINCE_MAPPING("old_province_code", "new_province_code", "merge_type");

        private final List<String> required;

        Layout(String... required) {
            this.required = List.of(required);
        }

        static Layout detect(List<String> header) {
            if (header.containsAll(COMMUNE_MAPPING.required)) {
                return COMMUNE_MAPPING;
            }
            if (header.containsAll(PROVINCE_MAPPING.required) && !header.contains("old_commune_code")) {
                return PROVINCE_MAPPING;
            }
            if (header.containsAll(THREE_TIER.required)) {
                return THREE_TIER;
            }
            if (header.containsAll(DISTRICTS.required)) {
                return DISTRICTS;
            }
            if (header.containsAll(TWO_TIER.required) && !header.contains("district_code")) {
                return TWO_TIER;
            }
            throw new RegistryFormatException("registry.unknownLayout", String.join(", ", header));
        }
    }

    private List<Unit> threeTier(List<Map<String, String>> rows, LocalDate from, LocalDate to) {
        Map<String, Unit> units = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            String province = code(r, "province_code", 2);
            String district = code(r, "district_code", 3);
            String commune = code(r, "commune_code", 5);
            put(units, unit(UnitLevel.PROVINCE, province, r.get("province_name"), r.get("province_type"), null, province, from, to));
            put(units, unit(UnitLevel.DISTRICT, district, r.get("district_name"), r.get("district_type"), province, province, from, to));
            put(units, unit(UnitLevel.COMMUNE, commune, r.get("commune_name"), r.get("commune_type"), district, province, from, to));
        }
        return new ArrayList<>(units.values());
    }

    private List<Unit> districts(List<Map<String, String>> rows, LocalDate from, LocalDate to) {
        Map<String, Unit> units = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            String province = code(r, "province_code", 2);
            String district = code(r, "district_code", 3);
            put(units, unit(UnitLevel.PROVINCE, province, r.get("province_name"), r.get("province_type"), null, province, from, to));
            put(units, unit(UnitLevel.DISTRICT, district, r.get("district_name"), r.get("district_type"), province, province, from, to));
        }
        return new ArrayList<>(units.values());
    }

    private List<Unit> twoTier(List<Map<String, String>> rows, LocalDate from) {
        Map<String, Unit> units = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            String province = code(r, "province_code", 2);
            String commune = code(r, "commune_code", 5);
            put(units, unit(UnitLevel.PROVINCE, province, r.get("province_name"), r.get("province_type"), null, province, from, null));
            put(units, unit(UnitLevel.COMMUNE, commune, r.get("commune_name"), r.get("commune_type"), province, province, from, null));
        }
        return new ArrayList<>(units.values());
    }

    private static void put(Map<String, Unit> units, Unit unit) {
        units.putIfAbsent(unit.level() + ":" + unit.code(), unit);
    }

    private Unit unit(UnitLevel level, String code, String name, String type, String parent, String province,
                      LocalDate from, LocalDate to) {
        if (name == null || name.isBlank()) {
            throw new RegistryFormatException("registry.noName", code);
        }
        return new Unit(level, code, name, type == null || type.isBlank() ? null : titleType(type.strip()), parent, province,
                nameKey.of(name), from, to);
    }

    /**
     * A unit's type as it stands before its name: the registry's classes "Thành phố thuộc tỉnh", "Thành phố trực thuộc
     * trung ương" and "Thành phố thuộc thành phố trực thuộc trung ương" are all written "Thành phố Sông Công", "Thành phố
     * Hà Nội"; "Đặc khu tại hải đảo" is "Đặc khu Côn Đảo". Every name tonghop writes is type and name (migration V14 did
     * the same to a registry imported before).
     */
    static String titleType(String type) {
        if (type.startsWith("Thành phố ")) {
            return "Thành phố";
        }
        if (type.startsWith("Đặc khu ")) {
            return "Đặc khu";
        }
        return type;
    }

    private static String code(Map<String, String> row, String column, int width) {
        String value = row.get(column);
        if (value == null || value.isBlank() || !value.chars().allMatch(Character::isDigit) || value.length() > width) {
            throw new RegistryFormatException("registry.badCode", column, value);
        }
        return "0".repeat(width - value.length()) + value;
    }

    private ImportSummary mergeUnits(Layout layout, List<Unit> units, int rows, Path file) {
        jdbc.execute("""
                CREATE TEMP TABLE IF NOT EXISTS unit_import (LIKE unit INCLUDING DEFAULTS) ON COMMIT DROP""");
        jdbc.batchUpdate("""
                INSERT INTO unit_import (level, code, name, unit_type, parent_code, province_code, name_key, valid_from, valid_to, source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", units, 1000, (ps, u) -> {
            ps.setString(1, u.level().sqlName());
            ps.setString(2, u.code());
            ps.setString(3, u.name());
            ps.setString(4, u.type());
            ps.setString(5, u.parentCode());
            ps.setString(6, u.provinceCode());
            ps.setString(7, u.nameKey());
            ps.setDate(8, Date.valueOf(u.validFrom()));
            ps.setDate(9, u.validTo() == null ? null : Date.valueOf(u.validTo()));
            ps.setString(10, file.getFileName().toString());
        });
        // Same version (same first day): bring it up to date in place, never past the next version's start.
        int updated = jdbc.update("""
                UPDATE unit u SET name = i.name, unit_type = i.unit_type, parent_code = i.parent_code,
                       province_code = i.province_code, name_key = i.name_key, valid_to = i.capped_to, source = i.source
                FROM (SELECT i.*, CASE WHEN nxt.first_day IS NOT NULL AND (i.valid_to IS NULL OR i.valid_to >= nxt.first_day)
                                       THEN nxt.first_day - 1 ELSE i.valid_to END AS capped_to
                      FROM unit_import i
                      LEFT JOIN LATERAL (SELECT min(x.valid_from) AS first_day FROM unit x
                                         WHERE x.level = i.level AND x.code = i.code AND x.valid_from > i.valid_from) nxt ON true) i
                WHERE u.level = i.level AND u.code = i.code AND u.valid_from = i.valid_from
                  AND (u.name, u.unit_type, u.parent_code, u.province_code, u.valid_to)
                      IS DISTINCT FROM (i.name, i.unit_type, i.parent_code, i.province_code, i.capped_to)""");
        // A version in force on the new first day with the same attributes: nothing new to record.
        int unchanged = jdbc.update("""
                DELETE FROM unit_import i USING unit u
                WHERE u.level = i.level AND u.code = i.code
                  AND (u.valid_from = i.valid_from
                       OR (u.valid_from < i.valid_from AND (u.valid_to IS NULL OR u.valid_to >= i.valid_from)
                           AND (u.name, u.unit_type, u.parent_code, u.province_code)
                               IS NOT DISTINCT FROM (i.name, i.unit_type, i.parent_code, i.province_code)))""");
        // A changed unit: the version in force ends the day before the new one starts.
        jdbc.update("""
                UPDATE unit u SET valid_to = i.valid_from - 1
                FROM unit_import i
                WHERE u.level = i.level AND u.code = i.code
                  AND u.valid_from < i.valid_from AND (u.valid_to IS NULL OR u.valid_to >= i.valid_from)""");
        int inserted = jdbc.update("""
                INSERT INTO unit (level, code, name, unit_type, parent_code, province_code, name_key, valid_from, valid_to, source)
                SELECT i.level, i.code, i.name, i.unit_type, i.parent_code, i.province_code, i.name_key, i.valid_from,
                       CASE WHEN nxt.first_day IS NOT NULL AND (i.valid_to IS NULL OR i.valid_to >= nxt.first_day)
                            THEN nxt.first_day - 1 ELSE i.valid_to END,
                       i.source
                FROM unit_import i
                LEFT JOIN LATERAL (SELECT min(u.valid_from) AS first_day FROM unit u
                                   WHERE u.level = i.level AND u.code = i.code AND u.valid_from > i.valid_from) nxt ON true""");
        jdbc.execute("DROP TABLE unit_import");
        return new ImportSummary(layout.name(), rows, inserted, updated, unchanged - updated, 0);
    }

    private record Mapping(String level, String oldCode, String newCode, String mergeType, int targets) {
    }

    private List<Mapping> communeMappings(List<Map<String, String>> rows) {
        List<Mapping> result = new ArrayList<>();
        for (Map<String, String> r : rows) {
            boolean district = "district".equalsIgnoreCase(r.get("old_level"));
            String oldCode = district ? code(r, "old_district_code", 3) : code(r, "old_commune_code", 5);
            result.add(new Mapping(district ? "district" : "commune", oldCode, code(r, "new_commune_code", 5),
                    mergeType(r), targets(r)));
        }
        return result;
    }

    private List<Mapping> provinceMappings(List<Map<String, String>> rows) {
        List<Mapping> result = new ArrayList<>();
        for (Map<String, String> r : rows) {
            result.add(new Mapping("province", code(r, "old_province_code", 2), code(r, "new_province_code", 2),
                    mergeType(r), targets(r)));
        }
        return result;
    }

    private static String mergeType(Map<String, String> row) {
        String type = row.getOrDefault("merge_type", "full").trim().toLowerCase(Locale.ROOT);
        return type.equals("partial") ? "partial" : "full";
    }

    private static int targets(Map<String, String> row) {
        String n = row.get("n_new_targets");
        return n == null || n.isBlank() ? 1 : Integer.parseInt(n.trim());
    }

    private ImportSummary mergeMappings(Layout layout, List<Mapping> mappings, int rows) {
        int[][] counts = jdbc.batchUpdate("""
                INSERT INTO unit_mapping (old_level, old_code, new_code, merge_type, n_new_targets) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (old_level, old_code, new_code)
                DO UPDATE SET merge_type = EXCLUDED.merge_type, n_new_targets = EXCLUDED.n_new_targets
                WHERE (unit_mapping.merge_type, unit_mapping.n_new_targets) IS DISTINCT FROM (EXCLUDED.merge_type, EXCLUDED.n_new_targets)""",
                mappings, 1000, (ps, m) -> {
                    ps.setString(1, m.level());
                    ps.setString(2, m.oldCode());
                    ps.setString(3, m.newCode());
                    ps.setString(4, m.mergeType());
                    ps.setInt(5, m.targets());
                });
        int changed = 0;
        for (int[] batch : counts) {
            for (int c : batch) {
                changed += Math.max(c, 0);
            }
        }
        return new ImportSummary(layout.name(), rows, changed, 0, mappings.size() - changed, mappings.size());
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new java.io.BufferedInputStream(in);
        buffered.mark(3);
        byte[] bom = buffered.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            buffered.reset();
        }
        return buffered;
    }
}
