package vn.tonghop.aggregate;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tonghop.form.FormCatalogSync;
import vn.tonghop.form.RateDefinition;
import vn.tonghop.form.ReportForm;

/**
 * Rebuilds one year's aggregates. The year Y runs from 15 Dec Y-1 to 14 Dec Y (Decree 09/2019/NĐ-CP).
 *
 * <p>Per commune: the annual report where there is one; otherwise its sub-period reports, flows summed
 * over a chain of non-overlapping periods (earliest first, the longest report at each point) and
 * stocks and flags taken from the latest report that gives them. Over units: sums; a flag counts the
 * communes answering yes; rates are recomputed from summed numerators and denominators of the
 * communes that reported both.
 */
@Component
public class Aggregator {

    private static final Logger log = LoggerFactory.getLogger(Aggregator.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ReportForm form;
    private final FormCatalogSync catalog;

    public Aggregator(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ReportForm form, FormCatalogSync catalog) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.form = form;
        this.catalog = catalog;
    }

    /** @return the number of aggregate rows written for the year */
    public int rebuild(int year) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("form", form.code())
                .addValue("year", year)
                .addValue("yearStart", LocalDate.of(year - 1, 12, 15))
                .addValue("yearEnd", LocalDate.of(year, 12, 14));
        Integer rows = tx.execute(status -> {
            catalog.sync();
            jdbc.update(COMMUNE_VALUES, p);
            jdbc.update(YEAR_UNITS, p);
            jdbc.update(SCOPE_COMMUNES, p);
            jdbc.update(MEMBERS, p);
            jdbc.update("CREATE TEMP TABLE agg_rate (code text, numerator text, denominator text, flag text) ON COMMIT DROP", p);
            for (RateDefinition rate : form.rates()) {
                jdbc.update("INSERT INTO agg_rate VALUES (:code, :numerator, :denominator, :flag)", new MapSqlParameterSource()
                        .addValue("code", rate.code()).addValue("numerator", rate.numerator())
                        .addValue("denominator", rate.denominator()).addValue("flag", rate.flag()));
            }
            jdbc.update("DELETE FROM aggregate_value WHERE form_code = :form AND year = :year", p);
            int written = jdbc.update(INDICATOR_ROWS, p);
            written += jdbc.update(RATE_ROWS, p);
            jdbc.update("DELETE FROM completeness WHERE form_code = :form AND year = :year", p);
            jdbc.update(COMPLETENESS, p);
            return written;
        });
        log.info("Aggregated {} {}: {} rows", form.code(), year, rows);
        return rows == null ? 0 : rows;
    }

    /** One value per commune and indicator for the year. */
    private static final String COMMUNE_VALUES = """
            CREATE TEMP TABLE agg_commune ON COMMIT DROP AS
            WITH RECURSIVE
            active AS (
                SELECT r.id, r.commune_code, r.period_type, r.period_start, r.period_end
                FROM report r WHERE r.superseded_by IS NULL AND r.form_code = :form AND r.year = :year),
            annual AS (SELECT * FROM active WHERE period_type = 'YEAR'),
            sub AS (
                SELECT a.* FROM active a
                WHERE a.period_type <> 'YEAR' AND NOT EXISTS (SELECT 1 FROM annual n WHERE n.commune_code = a.commune_code)),
            chain AS (
                SELECT f.commune_code, f.id, f.period_end FROM (
                    SELECT DISTINCT ON (commune_code) commune_code, id, period_end
                    FROM sub ORDER BY commune_code, period_start, period_end DESC) f
                UNION ALL
                SELECT c.commune_code, nx.id, nx.period_end
                FROM chain c
                CROSS JOIN LATERAL (
                    SELECT s.id, s.period_end FROM sub s
                    WHERE s.commune_code = c.commune_code AND s.period_start > c.period_end
                    ORDER BY s.period_start, s.period_end DESC LIMIT 1) nx)
            SELECT a.commune_code, v.indicator, v.value
            FROM annual a JOIN value v ON v.report_id = a.id
            UNION ALL
            SELECT c.commune_code, v.indicator, sum(v.value)
            FROM chain c JOIN value v ON v.report_id = c.id
            JOIN form_indicator fi ON fi.form_code = :form AND fi.indicator = v.indicator AND fi.kind = 'flow'
            GROUP BY c.commune_code, v.indicator
            UNION ALL
            SELECT * FROM (
                SELECT DISTINCT ON (s.commune_code, v.indicator) s.commune_code, v.indicator, v.value
                FROM sub s JOIN value v ON v.report_id = s.id
                JOIN form_indicator fi ON fi.form_code = :form AND fi.indicator = v.indicator AND fi.kind <> 'flow'
                ORDER BY s.commune_code, v.indicator, s.period_end DESC, s.period_start DESC) latest
            """;

    /** The version of every unit in force during the year (the latest when it changed within the year). */
    private static final String YEAR_UNITS = """
            CREATE TEMP TABLE agg_unit ON COMMIT DROP AS
            SELECT DISTINCT ON (level, code) level, code, parent_code, province_code,
                   name AS unit_name,
                   (valid_from <= :yearEnd AND (valid_to IS NULL OR valid_to >= :yearEnd)) AS in_force_at_end
            FROM unit
            WHERE valid_from <= :yearEnd AND (valid_to IS NULL OR valid_to >= :yearStart)
            ORDER BY level, code, valid_from DESC
            """;

    /**
     * Communes counted for the year: those the registry holds at the year's end (expected) and those
     * that reported, in every province with at least one report.
     */
    private static final String SCOPE_COMMUNES = """
            CREATE TEMP TABLE agg_scope ON COMMIT DROP AS
            WITH reporting AS (
                SELECT DISTINCT commune_code FROM report
                WHERE superseded_by IS NULL AND form_code = :form AND year = :year),
            provinces AS (
                SELECT DISTINCT u.province_code FROM reporting r JOIN agg_unit u ON u.level = 'commune' AND u.code = r.commune_code)
            SELECT u.code, u.parent_code, u.province_code, u.in_force_at_end AS expected,
                   (r.commune_code IS NOT NULL) AS reporting
            FROM agg_unit u
            JOIN provinces p ON p.province_code = u.province_code
            LEFT JOIN reporting r ON r.commune_code = u.code
            WHERE u.level = 'commune' AND (u.in_force_at_end OR r.commune_code IS NOT NULL)
            """;

    /** Which communes make up each unit: a commune itself, its district, its province. */
    private static final String MEMBERS = """
            CREATE TEMP TABLE agg_member ON COMMIT DROP AS
            SELECT 'commune'::text AS level, s.code AS unit_code, s.code AS commune_code FROM agg_scope s
            UNION ALL
            SELECT 'district', s.parent_code, s.code FROM agg_scope s
            JOIN agg_unit d ON d.level = 'district' AND d.code = s.parent_code
            UNION ALL
            SELECT 'province', s.province_code, s.code FROM agg_scope s
            """;

    private static final String INDICATOR_ROWS = """
            WITH counts AS (
                SELECT m.level, m.unit_code, count(*) FILTER (WHERE s.reporting) AS reporting,
                       count(*) FILTER (WHERE s.expected) AS expected
                FROM agg_member m JOIN agg_scope s ON s.code = m.commune_code
                GROUP BY m.level, m.unit_code),
            sums AS (
                SELECT m.level, m.unit_code, c.indicator, sum(c.value) AS value
                FROM agg_member m JOIN agg_commune c ON c.commune_code = m.commune_code
                GROUP BY m.level, m.unit_code, c.indicator)
            INSERT INTO aggregate_value (level, unit_code, unit_name, parent_code, province_code, form_code, year, indicator, value,
                                         communes_reporting, communes_expected)
            SELECT n.level, n.unit_code, u.unit_name, u.parent_code, u.province_code, :form, :year, fi.indicator, s.value,
                   n.reporting, n.expected
            FROM counts n
            JOIN agg_unit u ON u.level = n.level AND u.code = n.unit_code
            JOIN form_indicator fi ON fi.form_code = :form
            LEFT JOIN sums s ON s.level = n.level AND s.unit_code = n.unit_code AND s.indicator = fi.indicator
            """;

    private static final String RATE_ROWS = """
            WITH parts AS (
                SELECT r.code AS rate, n.commune_code, n.value AS numerator, d.value AS denominator
                FROM agg_rate r
                JOIN agg_commune n ON n.indicator = r.numerator
                JOIN agg_commune d ON d.commune_code = n.commune_code AND d.indicator = r.denominator
                WHERE r.flag IS NULL
                UNION ALL
                SELECT r.code, f.commune_code, f.value, 1
                FROM agg_rate r JOIN agg_commune f ON f.indicator = r.flag
                WHERE r.flag IS NOT NULL),
            rates AS (
                SELECT m.level, m.unit_code, p.rate,
                       round(sum(p.numerator) / nullif(sum(p.denominator), 0), 4) AS value
                FROM agg_member m JOIN parts p ON p.commune_code = m.commune_code
                GROUP BY m.level, m.unit_code, p.rate)
            INSERT INTO aggregate_value (level, unit_code, unit_name, parent_code, province_code, form_code, year, indicator, value,
                                         communes_reporting, communes_expected)
            SELECT a.level, a.unit_code, a.unit_name, a.parent_code, a.province_code, :form, :year, r.code, x.value,
                   a.communes_reporting, a.communes_expected
            FROM (SELECT DISTINCT level, unit_code, unit_name, parent_code, province_code, communes_reporting, communes_expected
                  FROM aggregate_value WHERE form_code = :form AND year = :year) a
            CROSS JOIN agg_rate r
            LEFT JOIN rates x ON x.level = a.level AND x.unit_code = a.unit_code AND x.rate = r.code
            """;

    private static final String COMPLETENESS = """
            INSERT INTO completeness (form_code, year, commune_code, commune_name, parent_code, province_code, expected, reported,
                                      annual_reported, periods, first_received, last_received)
            SELECT :form, :year, s.code, u.unit_name, s.parent_code, s.province_code, s.expected, s.reporting,
                   coalesce(bool_or(r.period_type = 'YEAR'), false),
                   string_agg(r.period_code, ',' ORDER BY r.period_start, r.period_end),
                   min(sub.received_at), max(sub.received_at)
            FROM agg_scope s
            JOIN agg_unit u ON u.level = 'commune' AND u.code = s.code
            LEFT JOIN report r ON r.commune_code = s.code AND r.form_code = :form AND r.year = :year AND r.superseded_by IS NULL
            LEFT JOIN submission sub ON sub.id = r.submission_id
            GROUP BY s.code, u.unit_name, s.parent_code, s.province_code, s.expected, s.reporting
            """;
}
