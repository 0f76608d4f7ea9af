package vn.tonghop.export.pack;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.tonghop.export.pack.CommuneTimeliness.Status;
import vn.tonghop.form.RateDefinition;
import vn.tonghop.form.ReportForm;
import vn.tonghop.normalise.Period;
import vn.tonghop.normalise.PeriodType;

/**
 * Reads a province's pack from the aggregate tables ({@code aggregate_value}, {@code aggregate_today},
 * {@code completeness}) and from the issues and reports behind them (timeliness, standing warnings).
 */
@Component
public class PackRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final ReportForm form;
    private final DeadlineSettings deadlines;

    public PackRepository(NamedParameterJdbcTemplate jdbc, ReportForm form, DeadlineSettings deadlines) {
        this.jdbc = jdbc;
        this.form = form;
        this.deadlines = deadlines;
    }

    /** Provinces with a report for the year, in force at the year's end (new provinces from 2025 on). */
    public List<String> provincesWithData(int year) {
        return jdbc.queryForList("""
                SELECT DISTINCT a.unit_code FROM aggregate_value a
                JOIN unit u ON u.level = 'province' AND u.code = a.unit_code
                 AND u.valid_from <= :yearEnd AND (u.valid_to IS NULL OR u.valid_to >= :yearEnd)
                WHERE a.form_code = :form AND a.year = :year AND a.level = 'province' AND a.communes_reporting > 0
                ORDER BY a.unit_code""", params(year, null), String.class);
    }

    /** The latest year with province aggregates of the form, if any. */
    public java.util.Optional<Integer> latestYear() {
        return java.util.Optional.ofNullable(jdbc.queryForObject("""
                SELECT max(year) FROM aggregate_value WHERE form_code = :form AND level = 'province'""",
                new MapSqlParameterSource("form", form.code()), Integer.class));
    }

    public boolean hasData(int year, String province) {
        Integer rows = jdbc.queryForObject("""
                SELECT count(*) FROM aggregate_value WHERE form_code = :form AND year = :year AND level = 'province' AND unit_code = :province""",
                params(year, province), Integer.class);
        return rows != null && rows > 0;
    }

    /**
     * The version of the province's aggregates for the year (bumped by every aggregation that rewrote them), or
     * null when they were aggregated before versions were kept.
     */
    public Long version(int year, String province) {
        List<Long> found = jdbc.queryForList("""
                SELECT version FROM aggregate_province WHERE form_code = :form AND year = :year AND province_code = :province""",
                params(year, province), Long.class);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The aggregates' version the pack in {@code outDir} was last written from, or null when tonghop never wrote it there. */
    public Long writtenVersion(String outDir, int year, String province) {
        List<Long> found = jdbc.queryForList("""
                SELECT version FROM pack_written WHERE out_dir = :out AND form_code = :form AND year = :year AND province_code = :province""",
                params(year, province).addValue("out", outDir), Long.class);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Years with a province whose pack (one {@link #provincesWithData} would write) is behind its aggregates: written to
     * {@code outDir} from an older version, or written nowhere from the current one. A run that died between aggregating a
     * year and writing its packs leaves such years, no longer pending; a pack this folder never had but another folder
     * has from the current aggregates is not one of them (a new output folder is not filled with every year).
     */
    public List<Integer> yearsWithPacksBehind(String outDir) {
        return jdbc.queryForList("""
                SELECT DISTINCT v.year FROM aggregate_province v
                LEFT JOIN pack_written w ON w.out_dir = :out AND w.form_code = v.form_code AND w.year = v.year
                 AND w.province_code = v.province_code
                WHERE v.form_code = :form
                  AND (w.version <> v.version
                       OR w.version IS NULL AND NOT EXISTS (SELECT 1 FROM pack_written o WHERE o.form_code = v.form_code
                           AND o.year = v.year AND o.province_code = v.province_code AND o.version = v.version))
                  AND EXISTS (SELECT 1 FROM aggregate_value a
                              JOIN unit u ON u.level = 'province' AND u.code = a.unit_code
                               AND u.valid_from <= make_date(v.year, 12, 14)
                               AND (u.valid_to IS NULL OR u.valid_to >= make_date(v.year, 12, 14))
                              WHERE a.form_code = v.form_code AND a.year = v.year AND a.level = 'province'
                                AND a.unit_code = v.province_code AND a.communes_reporting > 0)
                ORDER BY v.year""", new MapSqlParameterSource("form", form.code()).addValue("out", outDir), Integer.class);
    }

    /** Records that the pack in {@code outDir} was written from {@code version} (null: aggregated before versions were kept). */
    public void recordWritten(String outDir, int year, String province, Long version) {
        jdbc.update("""
                INSERT INTO pack_written (out_dir, form_code, year, province_code, version) VALUES (:out, :form, :year, :province, :version)
                ON CONFLICT (out_dir, form_code, year, province_code) DO UPDATE SET version = excluded.version, written_at = now()""",
                params(year, province).addValue("out", outDir).addValue("version", version == null ? -1L : version));
    }

    public ConferencePack load(int year, String province, PackText text, LocalDate today) {
        MapSqlParameterSource p = params(year, province);
        Map<String, UnitFigures> figures = figures("aggregate_value", year, province);
        UnitFigures provinceRow = figures.get("province:" + province);
        if (provinceRow == null) {
            throw new IllegalStateException("no aggregates for province " + province + " in " + year);
        }
        boolean byDistrict = figures.keySet().stream().anyMatch(k -> k.startsWith("district:"));
        Map<String, String> districtNames = new LinkedHashMap<>();
        List<UnitFigures> districts = new ArrayList<>();
        List<UnitFigures> communes = new ArrayList<>();
        for (UnitFigures f : figures.values()) {
            if (f.level().equals("district")) {
                districts.add(f);
                districtNames.put(f.code(), f.name());
            } else if (f.level().equals("commune")) {
                communes.add(f);
            }
        }
        districts.sort(Comparator.comparing(UnitFigures::code));
        communes.sort(Comparator.comparing((UnitFigures f) -> f.parentCode() == null ? "" : f.parentCode()).thenComparing(UnitFigures::code));
        boolean todayUnits = !byDistrict && isTodayProvince(province);
        List<YearFigures> earlier = new ArrayList<>();
        for (int back = 1; back <= 2; back++) {
            earlier.add(earlierYear(year - back, province, byDistrict, todayUnits));
        }
        Map<String, String> provinceInfo = jdbc.query("""
                SELECT name, coalesce(unit_type, '') FROM unit WHERE level = 'province' AND code = :province
                ORDER BY (valid_from <= :yearEnd AND (valid_to IS NULL OR valid_to >= :yearEnd)) DESC, valid_from DESC LIMIT 1""", p,
                rs -> rs.next() ? Map.of("name", rs.getString(1), "type", rs.getString(2)) : Map.of("name", provinceRow.name(), "type", ""));
        String name = provinceInfo.get("name");
        String title = text.get(provinceInfo.get("type").startsWith("Thành phố") ? "province.city" : "province.province", name);
        return new ConferencePack(form.code(), province, name, title, year, byDistrict, provinceRow, byDistrict ? districts : communes, communes,
                districtNames, earlier, todayUnits, timeliness(p), warnings(p), today);
    }

    private MapSqlParameterSource params(int year, String province) {
        return new MapSqlParameterSource()
                .addValue("form", form.code())
                .addValue("year", year)
                .addValue("yearText", Integer.toString(year))
                .addValue("yearEnd", LocalDate.of(year, 12, 14))
                .addValue("province", province);
    }

    /** True when the province is one of today's units (the registry's version of it has no end). */
    private boolean isTodayProvince(String province) {
        Integer open = jdbc.queryForObject("SELECT count(*) FROM unit WHERE level = 'province' AND code = :province AND valid_to IS NULL",
                new MapSqlParameterSource("province", province), Integer.class);
        return open != null && open > 0;
    }

    private YearFigures earlierYear(int year, String province, boolean byDistrict, boolean todayUnits) {
        Map<String, UnitFigures> figures = todayUnits ? figures("aggregate_today", year, province) : figures("aggregate_value", year, province);
        String unitLevel = byDistrict ? "district" : "commune";
        Map<String, UnitFigures> units = new HashMap<>();
        figures.values().stream().filter(f -> f.level().equals(unitLevel)).forEach(f -> units.put(f.code(), f));
        Map<String, String> names = todayUnits ? sourceNames(year, figures.values()) : Map.of();
        return new YearFigures(year, figures.get("province:" + province), units, names);
    }

    /**
     * The names of the year's units that today's units were made of, from the registry's version of each during the year
     * (the one the aggregation names it by): a source whose province sent nothing has no aggregate row to take it from.
     */
    private Map<String, String> sourceNames(int year, Collection<UnitFigures> figures) {
        Set<String> codes = new TreeSet<>();
        figures.forEach(f -> {
            codes.addAll(f.sources());
            codes.addAll(f.splitSources());
        });
        Map<String, String> names = new HashMap<>();
        if (codes.isEmpty()) {
            return names;
        }
        jdbc.query("""
                SELECT DISTINCT ON (level, code) level, code, name FROM unit
                WHERE level IN ('commune', 'province') AND code IN (:codes)
                  AND valid_from <= :yearEnd AND (valid_to IS NULL OR valid_to >= :yearStart)
                ORDER BY level, code, valid_from DESC""",
                params(year, null).addValue("codes", codes).addValue("yearStart", LocalDate.of(year - 1, 12, 15)),
                rs -> {
                    names.put(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
                });
        return names;
    }

    /**
     * Every unit's figures of one year in the province, keyed "level:code", in no particular order (the callers sort the
     * districts and communes they list): sorting a province's 20,000 rows by unit and indicator was most of the query.
     */
    private Map<String, UnitFigures> figures(String table, int year, String province) {
        boolean today = table.equals("aggregate_today");
        String sql = today ? """
                SELECT level, unit_code, unit_name, NULL AS parent_code, indicator, value, communes_reporting, communes_expected,
                       exact, source_units, split_units
                FROM aggregate_today WHERE form_code = :form AND year = :year AND province_code = :province"""
                : """
                SELECT level, unit_code, unit_name, parent_code, indicator, value, communes_reporting, communes_expected,
                       true AS exact, NULL AS source_units, NULL AS split_units
                FROM aggregate_value WHERE form_code = :form AND year = :year AND province_code = :province""";
        Map<String, Builder> builders = new LinkedHashMap<>();
        jdbc.query(sql, params(year, province), rs -> {
            String key = rs.getString(1) + ":" + rs.getString(2);
            Builder b = builders.computeIfAbsent(key, k -> Builder.of(rs));
            BigDecimal value = rs.getBigDecimal(6);
            if (value != null) {
                b.values.put(rs.getString(5), value);
            }
        });
        Map<String, UnitFigures> result = new LinkedHashMap<>();
        builders.forEach((k, b) -> result.put(k, b.build(form.rates())));
        return result;
    }

    /** Collects one unit's rows. */
    private static final class Builder {
        private String level;
        private String code;
        private String name;
        private String parent;
        private int reporting;
        private int expected;
        private boolean exact;
        private List<String> sources;
        private List<String> splits;
        private final Map<String, BigDecimal> values = new HashMap<>();

        static Builder of(ResultSet rs) {
            try {
                Builder b = new Builder();
                b.level = rs.getString(1);
                b.code = rs.getString(2);
                b.name = rs.getString(3);
                b.parent = rs.getString(4);
                b.reporting = rs.getInt(7);
                b.expected = rs.getInt(8);
                b.exact = rs.getBoolean(9);
                b.sources = codes(rs.getString(10));
                b.splits = codes(rs.getString(11));
                return b;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        UnitFigures build(List<RateDefinition> rates) {
            Map<String, BigDecimal> unrounded = new HashMap<>();
            for (RateDefinition rate : rates) {
                BigDecimal exactRate = rate.unrounded(values.get(rate.code()), values::get);
                if (exactRate != null) {
                    unrounded.put(rate.code(), exactRate);
                }
            }
            return new UnitFigures(level, code, name, parent, reporting, expected, values, exact, sources, splits, unrounded);
        }

        private static List<String> codes(String text) {
            return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).sorted().toList();
        }
    }

    /**
     * Each commune of the province for the year: missing, on time or late, judged on the reports that count for the year
     * (the annual report where the commune sent one, as the aggregates use it; otherwise every sub-period report), each
     * by its own deadline. A report's arrival is the earliest version received for its period (a later correction does
     * not make it late); a version's arrival is when the file was written into the inbox (its modification time), never
     * later than when tonghop registered it.
     */
    private List<CommuneTimeliness> timeliness(MapSqlParameterSource p) {
        record Line(String code, String name, String district, boolean expected, boolean reported, String periodCode,
                    String periodType, LocalDate periodEnd, OffsetDateTime arrived) {
        }
        // Every version of the province's communes' reports, fetched by commune through the index (not the year's
        // reports scanned for each province); a period's arrival is its earliest version's, the rows kept are those in force
        // that count for the year: the annual report where the aggregation found one (annual_reported), else every period.
        List<Line> lines = jdbc.query("""
                WITH communes AS (
                    SELECT commune_code, commune_name, parent_code, expected, reported, annual_reported FROM completeness
                    WHERE form_code = :form AND year = :year AND province_code = :province),
                versions AS (
                    SELECT c.commune_code, c.commune_name, c.parent_code, c.expected, c.reported, c.annual_reported,
                           r.period_code, r.period_type, r.period_end, r.period_start, r.superseded_by,
                           min(least(s.received_at, coalesce(s.file_modified_at, s.received_at)))
                               OVER (PARTITION BY c.commune_code, r.period_code) AS arrived
                    FROM communes c
                    LEFT JOIN LATERAL (SELECT * FROM report r WHERE r.commune_code = c.commune_code AND r.form_code = :form
                                       AND r.year = :year OFFSET 0) r ON true
                    LEFT JOIN submission s ON s.id = r.submission_id)
                SELECT commune_code, commune_name, parent_code, expected, reported, period_code, period_type, period_end, arrived
                FROM versions c WHERE superseded_by IS NULL AND (NOT annual_reported OR period_type = 'YEAR')
                ORDER BY c.parent_code NULLS FIRST, c.commune_code, c.period_end, c.period_start""", p,
                (rs, i) -> new Line(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                        rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, OffsetDateTime.class)));
        Map<String, String> rejected = rejectedRows(p);
        ZoneId zone = deadlines.zoneId();
        Map<String, List<Line>> byCommune = new LinkedHashMap<>();
        lines.forEach(l -> byCommune.computeIfAbsent(l.code(), k -> new ArrayList<>()).add(l));
        List<CommuneTimeliness> result = new ArrayList<>();
        for (List<Line> commune : byCommune.values()) {
            Line first = commune.get(0);
            if (!first.reported() || first.periodCode() == null) {
                result.add(new CommuneTimeliness(first.code(), first.name(), first.district(), first.expected(), Status.MISSING,
                        List.of(), rejected.get(first.code())));
                continue;
            }
            List<CommuneTimeliness.Report> reports = commune.stream()
                    .map(l -> new CommuneTimeliness.Report(Period.fromCode(l.periodCode()).vietnameseLabel(),
                            l.arrived().atZoneSameInstant(zone).toLocalDate(),
                            deadlines.of(PeriodType.valueOf(l.periodType())).due(l.periodEnd())))
                    .toList();
            result.add(new CommuneTimeliness(first.code(), first.name(), first.district(), first.expected(),
                    CommuneTimeliness.of(reports), reports, null));
        }
        return result;
    }

    /** For communes with no report in force: the rows of theirs that were rejected, with the file and the reason. */
    private Map<String, String> rejectedRows(MapSqlParameterSource p) {
        Map<String, String> notes = new HashMap<>();
        jdbc.query("""
                SELECT i.commune_code, s.inbox_path, i.row_number, i.message
                FROM issue i JOIN submission s ON s.id = i.submission_id
                JOIN completeness c ON c.form_code = :form AND c.year = :year AND c.commune_code = i.commune_code
                     AND c.province_code = :province AND NOT c.reported
                WHERE i.severity = 'error' AND split_part(s.period_code, '-', 1) = :yearText
                ORDER BY i.commune_code, s.id, i.row_number, i.id""", p, rs -> {
            String line = rs.getString(2) + (rs.getObject(3) == null ? "" : " (" + rs.getInt(3) + ")") + ": " + rs.getString(4);
            notes.merge(rs.getString(1), line, (a, b) -> a + "; " + b);
        });
        return notes;
    }

    /**
     * Warnings on reports still in force, and warnings on whole files that still count for the province: found from
     * the province's reports in force, so the cost follows the province, not the whole issue table.
     */
    private List<StandingWarning> warnings(MapSqlParameterSource p) {
        return jdbc.query("""
                WITH province_reports AS MATERIALIZED (
                    SELECT r.submission_id, r.commune_code FROM completeness c
                    CROSS JOIN LATERAL (SELECT submission_id, commune_code FROM report r WHERE r.commune_code = c.commune_code
                                        AND r.form_code = :form AND r.year = :year AND r.superseded_by IS NULL OFFSET 0) r
                    WHERE c.form_code = :form AND c.year = :year AND c.province_code = :province),
                files AS (SELECT DISTINCT submission_id FROM province_reports)
                SELECT i.commune_code, c.commune_name, c.parent_code, s.inbox_path, i.sheet, i.row_number, i.column_name, i.cell_value, i.message
                FROM files f
                JOIN issue i ON i.submission_id = f.submission_id AND i.severity = 'warning'
                JOIN submission s ON s.id = i.submission_id
                LEFT JOIN completeness c ON c.form_code = :form AND c.year = :year AND c.commune_code = i.commune_code
                WHERE i.commune_code IS NULL
                   OR EXISTS (SELECT 1 FROM province_reports p WHERE p.submission_id = i.submission_id AND p.commune_code = i.commune_code)
                ORDER BY c.parent_code NULLS FIRST, i.commune_code NULLS FIRST, s.inbox_path, i.row_number NULLS FIRST, i.id""", p,
                (rs, i) -> new StandingWarning(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        (Integer) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getString(9)));
    }
}
