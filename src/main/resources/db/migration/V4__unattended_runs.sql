-- Running unattended (issue 5): which years must be aggregated again, and a guard against applying a
-- file twice.

-- A year whose reports changed since it was last aggregated. Written in the same transaction as the
-- reports (apply), removed in the same transaction as the year's new aggregates: a run killed at any
-- point leaves the year here, and the next run aggregates it.
CREATE TABLE aggregate_pending (
    form_code  text        NOT NULL,
    year       int         NOT NULL,
    since      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (form_code, year)
);

-- Years loaded before this migration whose aggregates were never built.
INSERT INTO aggregate_pending (form_code, year)
SELECT DISTINCT r.form_code, r.year FROM report r
WHERE NOT EXISTS (SELECT 1 FROM aggregate_value a WHERE a.form_code = r.form_code AND a.year = r.year);

-- A file gives at most one report per commune, form and period: applying the same file twice fails
-- instead of counting its values twice.
CREATE UNIQUE INDEX report_submission_key_idx ON report (submission_id, commune_code, form_code, period_code);
