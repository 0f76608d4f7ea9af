-- Aggregates in today's units (issue 6): a year's figures re-keyed by the units the registry holds now (versions
-- with no valid_to), so a 2026 conference can compare 2026 with 2024 across the July 2025 reform.
-- Rebuilt per year from aggregate_value's commune rows and unit_mapping by TodayUnitsAggregator:
--   * a commune still in force today keeps its figures;
--   * an old commune merged whole into one new commune (merge_type full, one target) adds its figures to it;
--   * an old commune split between several new communes (partial) is never divided: the new communes it feeds
--     get exact = false and no commune-level value; its figures count at province level only;
--   * an old province adds its figures to the new province it merged into (every old province merged whole).
-- aggregates.csv does not read this table.
CREATE TABLE aggregate_today (
    level               text    NOT NULL CHECK (level IN ('commune', 'province')),
    unit_code           text    NOT NULL,          -- today's code
    unit_name           text    NOT NULL,          -- today's name
    province_code       text    NOT NULL,          -- today's province
    form_code           text    NOT NULL,
    year                int     NOT NULL,
    indicator           text    NOT NULL,          -- indicators and rate_* as in aggregate_value
    value               numeric,                   -- NULL: nothing reported, or not exact at commune level
    communes_reporting  int     NOT NULL,          -- the year's communes counted here that reported
    communes_expected   int     NOT NULL,          -- the year's communes counted here that the registry expected
    exact               boolean NOT NULL,          -- false: part of a split old commune belongs here (commune level)
    source_units        text,                      -- codes of the year's units counted here (communes; provinces at province level)
    split_units         text,                      -- codes of split old communes feeding the unit, not attributed
    PRIMARY KEY (form_code, year, level, unit_code, indicator)
);
CREATE INDEX aggregate_today_province_idx ON aggregate_today (form_code, year, province_code);
