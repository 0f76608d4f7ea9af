-- Issue 7: what each year's aggregates were last built from, so that a run with a few new files rebuilds only
-- the communes they touched (and their district and province) instead of the whole year.
CREATE TABLE aggregate_state (
    form_code       text        NOT NULL,
    year            int         NOT NULL,
    last_report_id  bigint      NOT NULL,   -- reports with a higher id came after the last build
    basis           text        NOT NULL,   -- fingerprint of the registry and the form; a change means a full rebuild
    built_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (form_code, year)
);
