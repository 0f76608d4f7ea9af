package vn.tonghop.aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import vn.tonghop.load.IssueRepository;
import vn.tonghop.load.SubmissionRepository;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.Messages;
import vn.tonghop.validate.RowValidator;
import vn.tonghop.validate.Severity;

/**
 * Rebuilds one year's aggregates. The year Y runs from 15 Dec Y-1 to 14 Dec Y (Decree 09/2019/NĐ-CP).
 *
 * <p>Per commune: the annual report where there is one; otherwise its sub-period reports, flows summed
 * over a chain of non-overlapping periods (earliest first, the longest report at each point) and
 * stocks and flags taken from the latest report that gives them. Over units: sums; a flag counts the
 * communes answering yes; rates are recomputed from summed numerators and denominators of the
 * communes that reported both.
 *
 * <p>A build is incremental when it can be: only the communes with reports newer than the last build, their
 * districts and their provinces are recomputed (the other communes' values are taken from their stored commune
 * rows), so a nightly run with a few new files costs in proportion to them, not to the year.
 */
@Component
public class Aggregator {

    private static final Logger log = LoggerFactory.getLogger(Aggregator.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ReportForm form;
    private final FormCatalogSync catalog;
    private final IssueRepository issues;
    private final SubmissionRepository submissions;
    private final Messages messages;

    public Aggregator(NamedParameterJdbcTemplate jdbc, TransactionTemplate tx, ReportForm form, FormCatalogSync catalog,
                      IssueRepository issues, SubmissionRepository submissions, Messages messages) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.form = form;
        this.catalog = catalog;
        this.issues = issues;
        this.submissions = submissions;
        this.messages = messages;
    }

    /**
     * Warns where a commune's annual report disagrees with the sum of its sub-period reports covering
     * the whole year (flows only). Replaces the warnings of an earlier aggregation of the year.
     *
     * @return the files whose warnings changed (found now, or found by the earlier aggregation), to be recounted
     */
    private java.util.SortedSet<Long> crossCheckAnnual(MapSqlParameterSource p) {
        java.util.SortedSet<Long> changed = new java.util.TreeSet<>(jdbc.queryForList("""
                DELETE FROM issue WHERE code = 'annual.mismatch'
                  AND submission_id IN (SELECT submission_id FROM agg_active WHERE period_type = 'YEAR')
                  AND commune_code IN (SELECT code FROM agg_target)
                RETURNING submission_id""", p, Long.class));
        Map<Long, List<Issue>> bySubmission = new java.util.LinkedHashMap<>();
        int[] found = {0};
        jdbc.query(ANNUAL_MISMATCHES, p, rs -> {
            String header = form.indicator(rs.getString(5)).map(i -> i.header()).orElse(rs.getString(5));
            Issue issue = new Issue(Severity.WARNING, "annual.mismatch", rs.getString(2), rs.getInt(3), rs.getString(4),
                    RowValidator.plain(rs.getBigDecimal(6)), rs.getString(8), messages.get("annual.mismatch", rs.getString(9), header,
                    RowValidator.plain(rs.getBigDecimal(6)), RowValidator.plain(rs.getBigDecimal(7))));
            bySubmission.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(issue);
            found[0]++;
        });
        bySubmission.forEach(issues::insert);
        changed.addAll(bySubmission.keySet());
        if (found[0] > 0) {
            log.info("{} annual figure(s) disagree with their sub-periods", found[0]);
        }
        return changed;
    }

    /**
     * Brings the year's aggregates up to date: the communes whose reports arrived since the last build (and
     * their district and province), or the whole year when it was never built or the registry or the form
     * changed since. Either way the result is the same as a rebuild from scratch.
     *
     * @return the number of aggregate rows written
     */
    public int rebuild(int year) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("form", form.code())
                .addValue("year", year)
                .addValue("yearStart", LocalDate.of(year - 1, 12, 15))
                .addValue("yearEnd", LocalDate.of(year, 12, 14))
                .addValue("rates", form.rates().toString());
        long started = System.nanoTime();
        String[] mode = {"full"};
        StringBuilder phases = new StringBuilder();
        long[] last = {started};
        java.util.function.Consumer<String> mark = phase -> {
            long now = System.nanoTime();
            phases.append(phases.isEmpty() ? "" : ", ").append(phase).append(' ').append((now - last[0]) / 1_000_000).append(" ms");
            last[0] = now;
        };
        Integer rows = tx.execute(status -> {
            // The year's hash aggregates and sorts stay in memory (the default 4 MB spilled a national year's to disk);
            // the setting ends with the transaction.
            jdbc.getJdbcOperations().execute("SET LOCAL work_mem = '128MB'");
            catalog.sync();
            String basis = jdbc.queryForObject(BASIS, p, String.class);
            long lastReport = jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM report", p, Long.class);
            p.addValue("lastReport", lastReport).addValue("basis", basis);
            List<Long> state = jdbc.queryForList("""
                    SELECT last_report_id FROM aggregate_state WHERE form_code = :form AND year = :year AND basis = :basis""", p, Long.class);
            boolean built = !state.isEmpty() && state.get(0) <= lastReport && Boolean.TRUE.equals(jdbc.queryForObject("""
                    SELECT EXISTS (SELECT 1 FROM aggregate_value WHERE form_code = :form AND year = :year AND level = 'province')""",
                    p, Boolean.class));
            jdbc.update(YEAR_UNITS, p);
            analyze("agg_unit");
            if (built) {
                p.addValue("builtUpTo", state.get(0));
                mode[0] = "incremental";
                jdbc.update(TOUCHED_COMMUNES, p);
            } else {
                jdbc.update(ALL_REPORTING_COMMUNES, p);
            }
            analyze("agg_touched");
            jdbc.update(SCOPE_COMMUNES, p);
            analyze("agg_scope");
            jdbc.update(built ? TARGETS_TOUCHED : TARGETS_ALL, p);
            analyze("agg_target");
            mark.accept("scope");
            int written = 0;
            java.util.SortedSet<Long> recount = new java.util.TreeSet<>();
            if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM agg_target)", p, Boolean.class))) {
                jdbc.update(ACTIVE_REPORTS, p);
                analyze("agg_active");
                jdbc.update(SUB_PERIODS, p);
                jdbc.getJdbcOperations().execute("CREATE INDEX ON agg_sub (commune_code, period_start, period_end DESC)");
                analyze("agg_sub");
                jdbc.update(SUB_PERIOD_CHAIN, p);
                analyze("agg_chain");
                jdbc.update(CHAIN_SUMS, p);
                analyze("agg_chain_sum");
                mark.accept("chain");
                jdbc.update(ANNUAL_REPORTS, p);
                analyze("agg_annual");
                jdbc.update(SUB_PERIODS_ONLY, p);
                analyze("agg_sub_only");
                jdbc.update(COMMUNE_VALUES, p);
                analyze("agg_commune");
                mark.accept("commune values");
                recount.addAll(crossCheckAnnual(p));
                mark.accept("annual check");
                if (built) {
                    jdbc.update(STORED_COMMUNE_VALUES, p);
                    analyze("agg_commune");
                }
                jdbc.update(MEMBERS, p);
                analyze("agg_member");
                jdbc.update(COUNTED_UNITS, p);
                analyze("agg_counted");
                jdbc.update("CREATE TEMP TABLE agg_rate (code text, numerator text, denominator text, flag text) ON COMMIT DROP", p);
                for (RateDefinition rate : form.rates()) {
                    jdbc.update("INSERT INTO agg_rate VALUES (:code, :numerator, :denominator, :flag)", new MapSqlParameterSource()
                            .addValue("code", rate.code()).addValue("numerator", rate.numerator())
                            .addValue("denominator", rate.denominator()).addValue("flag", rate.flag()));
                }
                int removed;
                int completenessRemoved;
                if (built) {
                    removed = jdbc.update("""
                            DELETE FROM aggregate_value a USING (SELECT DISTINCT level, unit_code FROM agg_member) m
                            WHERE a.form_code = :form AND a.year = :year AND a.level = m.level AND a.unit_code = m.unit_code""", p);
                    completenessRemoved = jdbc.update("""
                            DELETE FROM completeness c USING agg_target t
                            WHERE c.form_code = :form AND c.year = :year AND c.commune_code = t.code""", p);
                } else {
                    removed = jdbc.update("DELETE FROM aggregate_value WHERE form_code = :form AND year = :year", p);
                    completenessRemoved = jdbc.update("DELETE FROM completeness WHERE form_code = :form AND year = :year", p);
                }
                mark.accept("members");
                written = jdbc.update(INDICATOR_ROWS, p);
                written += jdbc.update(RATE_ROWS, p);
                mark.accept("rows");
                int completeness = jdbc.update(COMPLETENESS, p);
                TableStatistics.refresh(jdbc.getJdbcOperations(), "aggregate_value", removed + written);
                TableStatistics.refresh(jdbc.getJdbcOperations(), "completeness", completenessRemoved + completeness);
                jdbc.update(PROVINCE_VERSIONS, p);
                mark.accept("completeness");
            }
            // The files' warning counts last, just before the commit: a report step running beside the aggregation (in
            // `run`) records its files' moves in the same table, and waits for these rows only this long.
            submissions.countIssues(recount);
            // the year is up to date, in the same transaction as its new aggregates
            jdbc.update("DELETE FROM aggregate_pending WHERE form_code = :form AND year = :year", p);
            jdbc.update("""
                    INSERT INTO aggregate_state (form_code, year, last_report_id, basis) VALUES (:form, :year, :lastReport, :basis)
                    ON CONFLICT (form_code, year) DO UPDATE SET last_report_id = excluded.last_report_id, basis = excluded.basis,
                                                                built_at = now()""", p);
            return written;
        });
        log.info("Aggregated {} {} ({}): {} rows in {} ms ({})", form.code(), year, mode[0], rows, (System.nanoTime() - started) / 1_000_000,
                phases);
        return rows == null ? 0 : rows;
    }

    /**
     * Temporary tables get no statistics by themselves (autovacuum cannot see them): without these the
     * planner guesses their size and may join ten thousand communes by nested loops.
     */
    private void analyze(String table) {
        jdbc.getJdbcOperations().execute("ANALYZE " + table);
    }

    /** What the aggregates depend on besides the reports: the registry (its version, bumped on every change) and the form. */
    private static final String BASIS = """
            SELECT md5((SELECT version FROM registry_version)
                       || '|' || (SELECT coalesce(string_agg(indicator || ':' || kind, ',' ORDER BY indicator), '')
                                  FROM form_indicator WHERE form_code = :form)
                       || '|' || :rates)
            """;


    /** The communes with a report of the year that came after the last build (a correction brings a new report too). */
    private static final String TOUCHED_COMMUNES = """
            CREATE TEMP TABLE agg_touched ON COMMIT DROP AS
            SELECT DISTINCT commune_code FROM report WHERE id > :builtUpTo AND form_code = :form AND year = :year
            """;

    /** For a full build: every commune with an active report of the year. */
    private static final String ALL_REPORTING_COMMUNES = """
            CREATE TEMP TABLE agg_touched ON COMMIT DROP AS
            SELECT DISTINCT commune_code FROM report WHERE superseded_by IS NULL AND form_code = :form AND year = :year
            """;

    /** The communes to compute afresh: all of them in a full build. */
    private static final String TARGETS_ALL = """
            CREATE TEMP TABLE agg_target ON COMMIT DROP AS SELECT code FROM agg_scope
            """;

    /**
     * The communes to compute afresh in an incremental build: those touched, and every commune of a province
     * that had no aggregates for the year yet (its communes that never reported get their rows too).
     */
    private static final String TARGETS_TOUCHED = """
            CREATE TEMP TABLE agg_target ON COMMIT DROP AS
            SELECT s.code FROM agg_scope s
            WHERE EXISTS (SELECT 1 FROM agg_touched t WHERE t.commune_code = s.code)
               OR NOT EXISTS (SELECT 1 FROM aggregate_value a WHERE a.form_code = :form AND a.year = :year AND a.level = 'province'
                                                               AND a.unit_code = s.province_code)
            """;

    /**
     * Commune values kept from the last build, for the communes not computed afresh in the provinces being summed: each
     * commune's rows fetched through the primary key (form, level, unit, …), not the whole year's commune rows scanned
     * (a national nightly build: 420,771 rows read for the 53,000 of five provinces, 158 ms).
     */
    private static final String STORED_COMMUNE_VALUES = """
            INSERT INTO agg_commune (commune_code, indicator, value)
            SELECT a.unit_code, a.indicator, a.value
            FROM agg_scope s
            CROSS JOIN LATERAL (SELECT a.unit_code, a.indicator, a.value FROM aggregate_value a
                                WHERE a.form_code = :form AND a.level = 'commune' AND a.unit_code = s.code AND a.year = :year
                                  AND a.value IS NOT NULL OFFSET 0) a
            JOIN form_indicator fi ON fi.form_code = :form AND fi.indicator = a.indicator
            WHERE NOT EXISTS (SELECT 1 FROM agg_target t WHERE t.code = s.code)
            """;

    /** The active reports of the form for the year. */
    private static final String ACTIVE_REPORTS = """
            CREATE TEMP TABLE agg_active ON COMMIT DROP AS
            SELECT r.id, r.submission_id, r.commune_code, r.period_type, r.period_start, r.period_end, r.sheet, r.source_row
            FROM report r JOIN agg_target t ON t.code = r.commune_code
            WHERE r.superseded_by IS NULL AND r.form_code = :form AND r.year = :year
            """;

    /** The sub-period reports, indexed for the chain's step from one report to the next. */
    private static final String SUB_PERIODS = """
            CREATE TEMP TABLE agg_sub ON COMMIT DROP AS
            SELECT id, commune_code, period_start, period_end FROM agg_active WHERE period_type <> 'YEAR'
            """;

    /**
     * Per commune, a chain of non-overlapping sub-period reports: the earliest first (the longest when
     * several start together), then the next one starting after it ends, and so on. Monthly, quarterly,
     * 6- and 9-month reports of one year never count the same month twice.
     */
    private static final String SUB_PERIOD_CHAIN = """
            CREATE TEMP TABLE agg_chain ON COMMIT DROP AS
            WITH RECURSIVE
            chain AS (
                SELECT f.commune_code, f.id, f.period_end FROM (
                    SELECT DISTINCT ON (commune_code) commune_code, id, period_end
                    FROM agg_sub ORDER BY commune_code, period_start, period_end DESC) f
                UNION ALL
                SELECT c.commune_code, nx.id, nx.period_end
                FROM chain c
                CROSS JOIN LATERAL (
                    SELECT s.id, s.period_end FROM agg_sub s
                    WHERE s.commune_code = c.commune_code AND s.period_start > c.period_end
                    ORDER BY s.period_start, s.period_end DESC LIMIT 1) nx)
            SELECT commune_code, id FROM chain
            """;

    /** Flows summed over each commune's chain: the sub-period figure, and what an annual report is checked against. */
    private static final String CHAIN_SUMS = """
            CREATE TEMP TABLE agg_chain_sum ON COMMIT DROP AS
            SELECT c.commune_code, v.indicator, sum(v.value) AS total, count(*) AS n
            FROM agg_chain c JOIN value v ON v.report_id = c.id
            JOIN form_indicator fi ON fi.form_code = :form AND fi.indicator = v.indicator AND fi.kind = 'flow'
            GROUP BY c.commune_code, v.indicator
            """;

    /** The annual reports (at most one a commune: the active key is commune, form and period). */
    private static final String ANNUAL_REPORTS = """
            CREATE TEMP TABLE agg_annual ON COMMIT DROP AS SELECT * FROM agg_active WHERE period_type = 'YEAR'
            """;

    /**
     * The sub-period reports of the communes without an annual report: where their stocks and flags come from. A table
     * of its own, analysed, so that the planner knows how few they are (a national year: 1,798 of 118,581) and fetches
     * their values by the key instead of scanning the year's 4.4 million values (1.5 s).
     */
    private static final String SUB_PERIODS_ONLY = """
            CREATE TEMP TABLE agg_sub_only ON COMMIT DROP AS
            SELECT a.id, a.commune_code, a.period_start, a.period_end FROM agg_active a
            WHERE a.period_type <> 'YEAR' AND NOT EXISTS (SELECT 1 FROM agg_annual n WHERE n.commune_code = a.commune_code)
            """;

    /**
     * One value per commune and indicator: the annual report's where there is one; otherwise flows
     * summed over the chain, stocks and flags from the latest sub-period report that gives them. A report's values are
     * fetched through the key, report by report ({@code LATERAL ... OFFSET 0}): cheaper than a hash join over the whole
     * value table, which the planner would pick for ten thousand annual reports (0.26 s against 0.89 s).
     */
    private static final String COMMUNE_VALUES = """
            CREATE TEMP TABLE agg_commune ON COMMIT DROP AS
            SELECT a.commune_code, v.indicator, v.value
            FROM agg_annual a
            CROSS JOIN LATERAL (SELECT v.indicator, v.value FROM value v WHERE v.report_id = a.id OFFSET 0) v
            UNION ALL
            SELECT c.commune_code, c.indicator, c.total
            FROM agg_chain_sum c
            WHERE NOT EXISTS (SELECT 1 FROM agg_annual n WHERE n.commune_code = c.commune_code)
            UNION ALL
            SELECT * FROM (
                SELECT DISTINCT ON (s.commune_code, v.indicator) s.commune_code, v.indicator, v.value
                FROM agg_sub_only s
                CROSS JOIN LATERAL (SELECT v.indicator, v.value FROM value v WHERE v.report_id = s.id OFFSET 0) v
                JOIN form_indicator fi ON fi.form_code = :form AND fi.indicator = v.indicator AND fi.kind <> 'flow'
                ORDER BY s.commune_code, v.indicator, s.period_end DESC, s.period_start DESC) latest
            """;

    /**
     * Flows where an annual report and a chain of sub-periods covering the whole year (every report of
     * the chain giving the indicator) disagree. The annual figures are the commune values just computed (a commune with
     * an annual report takes its figures from it); the value rows are read only for the figures that disagree, for the
     * cell they came from (a national year: 0.6 s, against 1.7 s looking up each of 181,820 annual figures).
     */
    private static final String ANNUAL_MISMATCHES = """
            WITH full_chain AS (
                SELECT c.commune_code, count(*) AS n FROM agg_chain c JOIN agg_active a ON a.id = c.id
                GROUP BY c.commune_code
                HAVING min(a.period_start) = :yearStart AND max(a.period_end) = :yearEnd
                   AND sum(a.period_end - a.period_start + 1) = (CAST(:yearEnd AS date) - CAST(:yearStart AS date) + 1)),
            mismatch AS (
                SELECT a.id, a.submission_id, a.sheet, a.source_row, a.commune_code, c.indicator, c.value, s.total
                FROM agg_annual a
                JOIN agg_commune c ON c.commune_code = a.commune_code
                JOIN full_chain f ON f.commune_code = a.commune_code
                JOIN agg_chain_sum s ON s.commune_code = a.commune_code AND s.indicator = c.indicator AND s.n = f.n
                WHERE c.value <> s.total)
            SELECT m.submission_id, m.sheet, m.source_row, coalesce(v.source_column, sb.source_columns ->> m.indicator), m.indicator,
                   m.value, m.total, m.commune_code,
                   coalesce((SELECT u.unit_type || ' ' || u.name FROM unit u WHERE u.level = 'commune' AND u.code = m.commune_code
                             ORDER BY u.valid_from DESC LIMIT 1), m.commune_code)
            FROM mismatch m
            JOIN value v ON v.report_id = m.id AND v.indicator = m.indicator
            JOIN submission sb ON sb.id = m.submission_id
            ORDER BY m.submission_id, m.source_row, m.indicator
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
     * Communes counted for the year in the provinces being built: those the registry holds at the year's end
     * (expected) and those that reported. A full build covers every province with at least one report. Whether a
     * commune reported is one index probe per commune of those provinces: as an {@code EXISTS}, PostgreSQL hashed the
     * year's active reports instead (a national year's 128,464 read for a nightly run's five provinces, 130 of its
     * 180 ms; the probes 7 ms).
     */
    private static final String SCOPE_COMMUNES = """
            CREATE TEMP TABLE agg_scope ON COMMIT DROP AS
            WITH provinces AS (
                SELECT DISTINCT u.province_code FROM agg_touched t JOIN agg_unit u ON u.level = 'commune' AND u.code = t.commune_code),
            candidates AS (
                SELECT u.code, u.parent_code, u.province_code, u.in_force_at_end, r.commune_code IS NOT NULL AS reporting
                FROM agg_unit u JOIN provinces p ON p.province_code = u.province_code
                LEFT JOIN LATERAL (SELECT r.commune_code FROM report r
                                   WHERE r.commune_code = u.code AND r.form_code = :form AND r.year = :year AND r.superseded_by IS NULL
                                   LIMIT 1) r ON true
                WHERE u.level = 'commune')
            SELECT code, parent_code, province_code, in_force_at_end AS expected, reporting
            FROM candidates WHERE in_force_at_end OR reporting
            """;

    /**
     * Which communes make up each unit being built: a commune computed afresh, the districts holding one
     * (all their communes), the provinces being built (all their communes).
     */
    private static final String MEMBERS = """
            CREATE TEMP TABLE agg_member ON COMMIT DROP AS
            SELECT 'commune'::text AS level, t.code AS unit_code, t.code AS commune_code FROM agg_target t
            UNION ALL
            SELECT 'district', s.parent_code, s.code FROM agg_scope s
            JOIN agg_unit d ON d.level = 'district' AND d.code = s.parent_code
            WHERE s.parent_code IN (SELECT s2.parent_code FROM agg_scope s2 JOIN agg_target t ON t.code = s2.code)
            UNION ALL
            SELECT 'province', s.province_code, s.code FROM agg_scope s
            """;

    /** Each province whose rows were just rewritten gets a new version: its conference packs are out of date. */
    private static final String PROVINCE_VERSIONS = """
            INSERT INTO aggregate_province (form_code, year, province_code, version)
            SELECT :form, :year, p.unit_code, nextval('aggregate_version_seq')
            FROM (SELECT DISTINCT unit_code FROM agg_member WHERE level = 'province') p
            ON CONFLICT (form_code, year, province_code) DO UPDATE SET version = excluded.version
            """;

    /** Every unit being rebuilt, with what each of its rows says of it: its names and its communes' counts. */
    private static final String COUNTED_UNITS = """
            CREATE TEMP TABLE agg_counted ON COMMIT DROP AS
            SELECT n.level, n.unit_code, u.unit_name, u.parent_code, u.province_code, n.reporting, n.expected
            FROM (SELECT m.level, m.unit_code, count(*) FILTER (WHERE s.reporting) AS reporting,
                         count(*) FILTER (WHERE s.expected) AS expected
                  FROM agg_member m JOIN agg_scope s ON s.code = m.commune_code
                  GROUP BY m.level, m.unit_code) n
            JOIN agg_unit u ON u.level = n.level AND u.code = n.unit_code
            """;

    /**
     * Inserted in the primary key's order: the index is filled page after page (a fifth faster than in join order). A
     * commune's own row is its one value (agg_commune holds one per commune and indicator), not a sum of one: grouping
     * the 351,000 commune values of a national year took a fifth of the statement. Only the communes computed afresh
     * are written at their own level: in an incremental build agg_commune also holds the stored values of the other
     * communes of their provinces, summed into the districts and provinces but not sorted into the join (a nightly run
     * of five provinces: 56,420 rows sorted for the 3,080 written, 74 of the statement's 150 ms).
     */
    private static final String INDICATOR_ROWS = """
            WITH sums AS (
                SELECT 'commune'::text AS level, c.commune_code AS unit_code, c.indicator, c.value
                FROM agg_commune c JOIN agg_target t ON t.code = c.commune_code
                UNION ALL
                SELECT m.level, m.unit_code, c.indicator, sum(c.value)
                FROM agg_member m JOIN agg_commune c ON c.commune_code = m.commune_code
                WHERE m.level <> 'commune'
                GROUP BY m.level, m.unit_code, c.indicator)
            INSERT INTO aggregate_value (level, unit_code, unit_name, parent_code, province_code, form_code, year, indicator, value,
                                         communes_reporting, communes_expected)
            SELECT n.level, n.unit_code, n.unit_name, n.parent_code, n.province_code, :form, :year, fi.indicator, s.value,
                   n.reporting, n.expected
            FROM agg_counted n
            JOIN form_indicator fi ON fi.form_code = :form
            LEFT JOIN sums s ON s.level = n.level AND s.unit_code = n.unit_code AND s.indicator = fi.indicator
            ORDER BY n.level, n.unit_code, fi.indicator
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
                   a.reporting, a.expected
            FROM agg_counted a
            CROSS JOIN agg_rate r
            LEFT JOIN rates x ON x.level = a.level AND x.unit_code = a.unit_code AND x.rate = r.code
            ORDER BY a.level, a.unit_code, r.code
            """;

    private static final String COMPLETENESS = """
            INSERT INTO completeness (form_code, year, commune_code, commune_name, parent_code, province_code, expected, reported,
                                      annual_reported, periods, first_received, last_received)
            SELECT :form, :year, s.code, u.unit_name, s.parent_code, s.province_code, s.expected, s.reporting,
                   coalesce(bool_or(r.period_type = 'YEAR'), false),
                   string_agg(r.period_code, ',' ORDER BY r.period_start, r.period_end),
                   min(sub.received_at), max(sub.received_at)
            FROM agg_scope s
            JOIN agg_target t ON t.code = s.code
            JOIN agg_unit u ON u.level = 'commune' AND u.code = s.code
            LEFT JOIN report r ON r.commune_code = s.code AND r.form_code = :form AND r.year = :year AND r.superseded_by IS NULL
            LEFT JOIN submission sub ON sub.id = r.submission_id
            GROUP BY s.code, u.unit_name, s.parent_code, s.province_code, s.expected, s.reporting
            """;
}
