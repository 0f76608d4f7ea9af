package vn.tonghop.aggregate;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tonghop.db.TableStatistics;
import vn.tonghop.form.FormCatalogSync;
import vn.tonghop.form.RateDefinition;
import vn.tonghop.form.ReportForm;
import vn.tonghop.registry.RegistryImporter;

/**
 * Rebuilds one year of {@code aggregate_today}: the year's commune figures ({@code aggregate_value}) re-keyed by
 * today's units (the registry's versions without an end) through the July 2025 reform mapping.
 *
 * <p>Each commune of the year is a <i>source</i>: every commune row of the year, and every commune the registry holds at
 * the year's end under a today's province that receives something, though its old province sent nothing (no row of
 * the year, no value: it counts as expected). A source is of one kind:
 * <ul>
 * <li>{@code same}: its version in the year began on or after the reform and it is still in force: it is its own
 *     today's unit;</li>
 * <li>{@code merged}: a pre-reform commune merged whole into one new commune ({@code full}, one target);</li>
 * <li>{@code split}: a pre-reform commune divided between new communes ({@code partial}): there are no weights, so
 *     it is never divided: the new communes it feeds are flagged ({@code exact = false}, no commune-level value)
 *     and its figures count at province level only, where the mapping is exact;</li>
 * <li>{@code unmapped}: no mapping (or a mapping to a code today's registry lacks): province level only;</li>
 * <li>{@code overlapped}: a pre-reform commune whose successor reported for the same year itself (2025, the year of
 *     the reform): the successor's own report covers the year, so the predecessor's is not added again.</li>
 * </ul>
 * A pre-reform province goes to the new province its {@code province} mapping names. Rates are recomputed from
 * summed parts, as in {@link Aggregator}. Delete and insert of the year in one transaction.
 */
@Component
public class TodayUnitsAggregator {

    private static final Logger log = LoggerFactory.getLogger(TodayUnitsAggregator.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ReportForm form;
    private final FormCatalogSync catalog;

    public TodayUnitsAggregator(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ReportForm form, FormCatalogSync catalog) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.form = form;
        this.catalog = catalog;
    }

    /** @return the number of rows written for the year (0 when the registry holds no units in force today) */
    public int rebuild(int year) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("form", form.code())
                .addValue("year", year)
                .addValue("yearStart", LocalDate.of(year - 1, 12, 15))
                .addValue("yearEnd", LocalDate.of(year, 12, 14))
                .addValue("reformDay", RegistryImporter.REFORM_DAY);
        Integer rows = tx.execute(status -> {
            // Several years may be rebuilt inside one outer transaction (the pack step): ON COMMIT DROP is not enough.
            jdbc.update(DROP_WORK_TABLES, p);
            catalog.sync();
            jdbc.update(TODAY_UNITS, p);
            // A temporary table has no statistics of its own: unknown, its 3,355 units were joined by nested loops.
            jdbc.getJdbcOperations().execute("ANALYZE today_unit");
            int removed = jdbc.update("DELETE FROM aggregate_today WHERE form_code = :form AND year = :year", p);
            Integer units = jdbc.queryForObject("SELECT count(*) FROM today_unit", p, Integer.class);
            if (units == null || units == 0) {
                jdbc.update(DROP_WORK_TABLES, p);
                return 0;   // a registry of pre-reform units only: nothing is in force today
            }
            jdbc.update(SOURCES, p);
            jdbc.update(OVERLAPPED, p);
            jdbc.update(MEMBERS, p);
            jdbc.update(TARGETS, p);
            jdbc.update("CREATE TEMP TABLE today_rate (code text, numerator text, denominator text, flag text) ON COMMIT DROP", p);
            for (RateDefinition rate : form.rates()) {
                jdbc.update("INSERT INTO today_rate VALUES (:code, :numerator, :denominator, :flag)", new MapSqlParameterSource()
                        .addValue("code", rate.code()).addValue("numerator", rate.numerator())
                        .addValue("denominator", rate.denominator()).addValue("flag", rate.flag()));
            }
            int written = jdbc.update(INDICATOR_ROWS, p);
            written += jdbc.update(RATE_ROWS, p);
            TableStatistics.refresh(jdbc.getJdbcOperations(), "aggregate_today", removed + written);
            Integer lost = jdbc.queryForObject("""
                    SELECT count(*) FROM today_source WHERE province_target IS NULL AND kind <> 'overlapped' AND reporting > 0""", p,
                    Integer.class);
            if (lost != null && lost > 0) {
                log.warn("{} {}: {} reporting commune(s) have no unit in force today, not even a province", form.code(), year, lost);
            }
            jdbc.update(DROP_WORK_TABLES, p);
            return written;
        });
        log.info("Aggregated {} {} in today's units: {} rows", form.code(), year, rows);
        return rows == null ? 0 : rows;
    }

    private static final String DROP_WORK_TABLES = "DROP TABLE IF EXISTS today_unit, today_source, today_member, today_target, today_rate";

    /** Today's units: the versions still open. */
    private static final String TODAY_UNITS = """
            CREATE TEMP TABLE today_unit ON COMMIT DROP AS
            SELECT level, code, name, province_code FROM unit
            WHERE valid_to IS NULL AND level IN ('commune', 'province')
            """;

    /**
     * Every commune of the year with its kind and where it goes: the year's commune rows, and the communes the registry
     * holds at the year's end that have none because their province sent nothing (the year's aggregation covers only
     * the provinces with a report) but that lie under a today's province receiving something: today's Thái Nguyên (19)
     * in 2024 expects the communes of old Thái Nguyên (19) as well as those of old Bắc Kạn (06), whichever of the two
     * reported. Those have no values, so the sums do not change. They are looked for only in the provinces that can feed
     * a receiving one (the provinces of the year's rows, where those went, the old provinces merged into them), not in
     * the whole country: a year with nothing to re-key costs nothing. The year's version of a code is the one the
     * Aggregator used (the latest in force during the year); it tells a pre-reform commune from a new one that reuses its
     * code (05467 was Cam Giá before the reform, Gia Sàng after).
     */
    private static final String SOURCES = """
            CREATE TEMP TABLE today_source ON COMMIT DROP AS
            WITH version AS (
                SELECT DISTINCT ON (code) code, valid_from FROM unit
                WHERE level = 'commune' AND valid_from <= :yearEnd AND (valid_to IS NULL OR valid_to >= :yearStart)
                ORDER BY code, valid_from DESC),
            aggregated AS (
                SELECT DISTINCT a.unit_code AS code, a.province_code, a.communes_reporting AS reporting, a.communes_expected AS expected
                FROM aggregate_value a
                WHERE a.form_code = :form AND a.year = :year AND a.level = 'commune'),
            mapped AS (
                SELECT m.old_code, count(*) AS targets, bool_and(m.merge_type = 'full' AND m.n_new_targets = 1) AS whole,
                       min(m.new_code) AS new_code, bool_and(t.code IS NOT NULL) AS known
                FROM unit_mapping m LEFT JOIN today_unit t ON t.level = 'commune' AND t.code = m.new_code
                WHERE m.old_level = 'commune' GROUP BY m.old_code),
            province_mapped AS (
                SELECT m.old_code, min(m.new_code) AS new_code FROM unit_mapping m
                JOIN today_unit t ON t.level = 'province' AND t.code = m.new_code
                WHERE m.old_level = 'province' GROUP BY m.old_code HAVING count(*) = 1 AND bool_and(m.merge_type = 'full')),
            reachable AS (  -- every today's province the year's rows may go to (a superset of where they go)
                SELECT DISTINCT a.province_code AS code FROM aggregated a
                UNION SELECT pm.new_code FROM aggregated a JOIN province_mapped pm ON pm.old_code = a.province_code
                UNION SELECT t.province_code FROM aggregated a JOIN today_unit t ON t.level = 'commune' AND t.code = a.code),
            registry AS (  -- the communes in force at the year's end that may go there, with no row of the year
                SELECT u.code, u.province_code, u.valid_from FROM unit u
                WHERE u.level = 'commune' AND u.valid_from <= :yearEnd AND (u.valid_to IS NULL OR u.valid_to >= :yearEnd)
                  AND (u.province_code IN (SELECT code FROM reachable)
                       OR u.province_code IN (SELECT pm.old_code FROM province_mapped pm JOIN reachable r ON r.code = pm.new_code)
                       OR u.code IN (SELECT t.code FROM today_unit t JOIN reachable r ON r.code = t.province_code WHERE t.level = 'commune'))
                  AND NOT EXISTS (SELECT 1 FROM aggregated a WHERE a.code = u.code)),
            src AS (
                SELECT a.code, a.province_code, a.reporting, a.expected, coalesce(v.valid_from < :reformDay, false) AS pre_reform,
                       false AS registry_only
                FROM aggregated a LEFT JOIN version v ON v.code = a.code
                UNION ALL
                SELECT r.code, r.province_code, 0, 1, r.valid_from < :reformDay, true FROM registry r),
            classified AS (
                SELECT s.code, s.province_code, s.reporting, s.expected, s.registry_only,
                       CASE WHEN NOT s.pre_reform AND tc.code IS NOT NULL THEN 'same'
                            WHEN s.pre_reform AND m.known AND m.whole AND m.targets = 1 THEN 'merged'
                            WHEN s.pre_reform AND m.known AND m.targets >= 1 THEN 'split'
                            ELSE 'unmapped' END AS kind,
                       CASE WHEN NOT s.pre_reform AND tc.code IS NOT NULL THEN tc.code
                            WHEN s.pre_reform AND m.known AND m.whole AND m.targets = 1 THEN m.new_code END AS commune_target,
                       CASE WHEN NOT s.pre_reform THEN coalesce(tc.province_code, tp.code) ELSE pm.new_code END AS province_target
                FROM src s
                LEFT JOIN today_unit tc ON tc.level = 'commune' AND tc.code = s.code
                LEFT JOIN today_unit tp ON tp.level = 'province' AND tp.code = s.province_code
                LEFT JOIN mapped m ON m.old_code = s.code
                LEFT JOIN province_mapped pm ON pm.old_code = s.province_code)
            SELECT c.code, c.province_code, c.reporting, c.expected, c.kind, c.commune_target, c.province_target
            FROM classified c
            WHERE NOT c.registry_only
               OR c.province_target IN (SELECT province_target FROM classified WHERE NOT registry_only)
            """;

    /** A predecessor whose successor reported the same year itself is not added again. */
    private static final String OVERLAPPED = """
            UPDATE today_source o SET kind = 'overlapped', commune_target = NULL
            WHERE o.kind IN ('merged', 'split', 'unmapped')
              AND EXISTS (SELECT 1 FROM unit_mapping m JOIN today_source n ON n.kind = 'same' AND n.code = m.new_code AND n.reporting > 0
                          WHERE m.old_level = 'commune' AND m.old_code = o.code)
            """;

    /** Which sources make up each of today's units. */
    private static final String MEMBERS = """
            CREATE TEMP TABLE today_member ON COMMIT DROP AS
            SELECT 'commune'::text AS level, commune_target AS unit_code, code AS source FROM today_source
            WHERE kind IN ('same', 'merged')
            UNION ALL
            SELECT 'province', province_target, code FROM today_source
            WHERE province_target IS NOT NULL AND kind <> 'overlapped'
            """;

    /**
     * Today's units that receive anything this year (every commune of a receiving province, reported or not),
     * with their sources, the split communes feeding them, and whether their figures are exact.
     */
    private static final String TARGETS = """
            CREATE TEMP TABLE today_target ON COMMIT DROP AS
            WITH provinces AS (SELECT DISTINCT province_target AS code FROM today_source WHERE province_target IS NOT NULL),
            counts AS (
                SELECT m.level, m.unit_code, sum(s.reporting) AS reporting, sum(s.expected) AS expected,
                       string_agg(DISTINCT CASE m.level WHEN 'commune' THEN s.code ELSE s.province_code END, ',') AS sources
                FROM today_member m JOIN today_source s ON s.code = m.source
                GROUP BY m.level, m.unit_code),
            splits AS (
                SELECT m.new_code AS unit_code, string_agg(DISTINCT s.code, ',') AS codes
                FROM today_source s JOIN unit_mapping m ON m.old_level = 'commune' AND m.old_code = s.code
                WHERE s.kind = 'split' GROUP BY m.new_code),
            straddling AS (  -- a mapped source whose new communes lie outside the province it is counted in
                SELECT DISTINCT s.province_target AS unit_code
                FROM today_source s JOIN unit_mapping m ON m.old_level = 'commune' AND m.old_code = s.code
                JOIN today_unit t ON t.level = 'commune' AND t.code = m.new_code
                WHERE s.kind IN ('merged', 'split') AND t.province_code <> s.province_target)
            SELECT u.level, u.code AS unit_code, u.name AS unit_name, u.province_code,
                   coalesce(c.reporting, 0) AS reporting, coalesce(c.expected, 0) AS expected, c.sources,
                   CASE u.level WHEN 'commune' THEN sp.codes END AS split_units,
                   CASE u.level WHEN 'commune' THEN sp.codes IS NULL ELSE st.unit_code IS NULL END AS exact
            FROM today_unit u
            JOIN provinces p ON p.code = u.province_code
            LEFT JOIN counts c ON c.level = u.level AND c.unit_code = u.code
            LEFT JOIN splits sp ON sp.unit_code = u.code
            LEFT JOIN straddling st ON st.unit_code = u.code
            """;

    private static final String INDICATOR_ROWS = """
            WITH sums AS (
                SELECT m.level, m.unit_code, a.indicator, sum(a.value) AS value
                FROM today_member m
                JOIN aggregate_value a ON a.form_code = :form AND a.year = :year AND a.level = 'commune' AND a.unit_code = m.source
                GROUP BY m.level, m.unit_code, a.indicator)
            INSERT INTO aggregate_today (level, unit_code, unit_name, province_code, form_code, year, indicator, value,
                                         communes_reporting, communes_expected, exact, source_units, split_units)
            SELECT t.level, t.unit_code, t.unit_name, t.province_code, :form, :year, fi.indicator,
                   CASE WHEN t.exact THEN s.value END, t.reporting, t.expected, t.exact, t.sources, t.split_units
            FROM today_target t
            JOIN form_indicator fi ON fi.form_code = :form
            LEFT JOIN sums s ON s.level = t.level AND s.unit_code = t.unit_code AND s.indicator = fi.indicator
            """;

    private static final String RATE_ROWS = """
            WITH source_value AS (
                SELECT a.unit_code AS source, a.indicator, a.value FROM aggregate_value a
                WHERE a.form_code = :form AND a.year = :year AND a.level = 'commune' AND a.value IS NOT NULL),
            parts AS (
                SELECT r.code AS rate, n.source, n.value AS numerator, d.value AS denominator
                FROM today_rate r
                JOIN source_value n ON n.indicator = r.numerator
                JOIN source_value d ON d.source = n.source AND d.indicator = r.denominator
                WHERE r.flag IS NULL
                UNION ALL
                SELECT r.code, f.source, f.value, 1
                FROM today_rate r JOIN source_value f ON f.indicator = r.flag
                WHERE r.flag IS NOT NULL),
            rates AS (
                SELECT m.level, m.unit_code, p.rate, round(sum(p.numerator) / nullif(sum(p.denominator), 0), 4) AS value
                FROM today_member m JOIN parts p ON p.source = m.source
                GROUP BY m.level, m.unit_code, p.rate)
            INSERT INTO aggregate_today (level, unit_code, unit_name, province_code, form_code, year, indicator, value,
                                         communes_reporting, communes_expected, exact, source_units, split_units)
            SELECT t.level, t.unit_code, t.unit_name, t.province_code, :form, :year, r.code,
                   CASE WHEN t.exact THEN x.value END, t.reporting, t.expected, t.exact, t.sources, t.split_units
            FROM today_target t
            CROSS JOIN today_rate r
            LEFT JOIN rates x ON x.level = t.level AND x.unit_code = t.unit_code AND x.rate = r.code
            """;
}
