package vn.tonghop.export.narrative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import vn.tonghop.export.narrative.NarrativeFigures.MissingCommune;
import vn.tonghop.form.ReportForm;

/**
 * Reads the narrative's figures from {@code aggregate_value} — the rows {@code aggregates.csv} is written
 * from, so text, CSV and pack cannot disagree — and the communes that did not report from
 * {@code completeness}. The registry is read only for the unit types that go before names.
 */
@Repository
class NarrativeFiguresRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final ReportForm form;

    NarrativeFiguresRepository(NamedParameterJdbcTemplate jdbc, ReportForm form) {
        this.jdbc = jdbc;
        this.form = form;
    }

    /** The provinces with aggregates for the year, in code order. */
    List<String> provinces(int year) {
        return jdbc.queryForList("""
                SELECT DISTINCT unit_code FROM aggregate_value
                WHERE form_code = :form AND year = :year AND level = 'province' ORDER BY unit_code""",
                params(year, null), String.class);
    }

    /** This year, last year and the missing communes; empty when the province has no aggregates for the year. */
    Optional<NarrativeFigures> load(int year, String province) {
        return provinceYear(year, province).map(current -> new NarrativeFigures(current, provinceYear(year - 1, province),
                notReported(year, province)));
    }

    private Optional<ProvinceYear> provinceYear(int year, String province) {
        Map<String, Map<String, BigDecimal>> valuesByUnit = new HashMap<>();
        Map<String, UnitFigures> units = new LinkedHashMap<>();
        jdbc.query(UNIT_ROWS, params(year, province), rs -> {
            String key = rs.getString("level") + "|" + rs.getString("unit_code");
            UnitFigures unit = units.get(key);
            if (unit == null) {
                    unit = new UnitFigures(rs.getString("level"), rs.getString("unit_code"), rs.getString("unit_name"),
                        rs.getString("unit_type"), rs.getString("parent_code"), rs.getInt("communes_reporting"),
                        rs.getInt("communes_expected"), Map.of());
                units.put(key, unit);
                valuesByUnit.put(key, new HashMap<>());
            }
            BigDecimal value = rs.getBigDecimal("value");
            if (value != null) {
                valuesByUnit.get(key).put(rs.getString("indicator"), value);
            }
        });
        UnitFigures provinceUnit = null;
        List<UnitFigures> districts = new ArrayList<>();
        List<UnitFigures> communes = new ArrayList<>();
        for (Map.Entry<String, UnitFigures> entry : units.entrySet()) {
            UnitFigures unit = entry.getValue().withValues(valuesByUnit.get(entry.getKey()));
            switch (unit.level()) {
                case "province" -> provinceUnit = unit;
                case "district" -> districts.add(unit);
                default -> communes.add(unit);
            }
        }
        return provinceUnit == null ? Optional.empty() : Optional.of(new ProvinceYear(year, provinceUnit, districts, communes));
    }

    private List<MissingCommune> notReported(int year, String province) {
        return jdbc.query(NOT_REPORTED, params(year, province), (rs, i) -> new MissingCommune(rs.getString("commune_code"),
                UnitFigures.fullName(rs.getString("unit_type"), rs.getString("commune_name")), rs.getString("parent_code")));
    }

    private MapSqlParameterSource params(int year, String province) {
        return new MapSqlParameterSource().addValue("form", form.code()).addValue("year", year).addValue("province", province)
                .addValue("yearEnd", LocalDate.of(year, 12, 14));
    }

    /** The type of every unit of the province as the registry holds it at the year's end. */
    private static final String UNIT_TYPES = """
            unit_types AS (
                SELECT DISTINCT ON (u.level, u.code) u.level, u.code, u.unit_type
                FROM unit u WHERE u.province_code = :province AND u.valid_from <= :yearEnd
                ORDER BY u.level, u.code, u.valid_from DESC)
            """;

    private static final String UNIT_ROWS = "WITH " + UNIT_TYPES + """
            SELECT a.level, a.unit_code, a.unit_name, a.parent_code, a.indicator, a.value, a.communes_reporting,
                   a.communes_expected, t.unit_type
            FROM aggregate_value a
            LEFT JOIN unit_types t ON t.level = a.level AND t.code = a.unit_code
            WHERE a.form_code = :form AND a.year = :year AND a.province_code = :province
            ORDER BY CASE a.level WHEN 'province' THEN 1 WHEN 'district' THEN 2 ELSE 3 END, a.unit_code COLLATE "C"
            """;

    private static final String NOT_REPORTED = "WITH " + UNIT_TYPES + """
            SELECT c.commune_code, c.commune_name, c.parent_code, t.unit_type
            FROM completeness c
            LEFT JOIN unit_types t ON t.level = 'commune' AND t.code = c.commune_code
            WHERE c.form_code = :form AND c.year = :year AND c.province_code = :province AND c.expected AND NOT c.reported
            ORDER BY c.parent_code COLLATE "C", c.commune_code COLLATE "C"
            """;
}
