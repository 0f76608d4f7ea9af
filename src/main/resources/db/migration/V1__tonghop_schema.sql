-- tonghop's own tables. Spring Batch's job repository is migration 2 (BatchSchemaMigration).

-- Unit registry, effective-dated: one row per version of a unit (valid_to inclusive, NULL = still valid).
CREATE TABLE unit (
    level          text    NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    code           text    NOT NULL,
    name           text    NOT NULL,
    unit_type      text,
    parent_code    text,                 -- district of a pre-2025 commune; province otherwise
    province_code  text    NOT NULL,
    name_key       text    NOT NULL,     -- name without prefix, diacritics and case, for matching
    valid_from     date    NOT NULL,
    valid_to       date,
    source         text,                 -- file the version was imported from
    PRIMARY KEY (level, code, valid_from)
);
CREATE INDEX unit_parent_idx ON unit (parent_code);

-- Old -> new units of the July 2025 reform (many-to-many for split communes).
CREATE TABLE unit_mapping (
    old_level      text NOT NULL,
    old_code       text NOT NULL,
    new_code       text NOT NULL,
    merge_type     text NOT NULL CHECK (merge_type IN ('full', 'partial')),
    n_new_targets  int  NOT NULL DEFAULT 1,
    PRIMARY KEY (old_level, old_code, new_code)
);

-- The indicators of each form, mirrored from jobs/*.yaml at start so SQL can join on their kind.
CREATE TABLE form_indicator (
    form_code   text NOT NULL,
    indicator   text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('flow', 'stock', 'flag')),
    header      text NOT NULL,
    position    int  NOT NULL,
    PRIMARY KEY (form_code, indicator)
);

-- One row per file that reached the inbox.
CREATE TABLE submission (
    id               bigserial PRIMARY KEY,
    run_id           bigint,                    -- Spring Batch job execution that registered it
    office_code      text,                      -- inbox/<office-code>/, NULL at the inbox root
    file_name        text        NOT NULL,
    inbox_path       text        NOT NULL,      -- path relative to the inbox
    sha256           text        NOT NULL,
    size_bytes       bigint      NOT NULL,
    file_modified_at timestamptz,
    received_at      timestamptz NOT NULL DEFAULT now(),
    status           text        NOT NULL CHECK (status IN ('registered', 'read', 'applied', 'rejected', 'duplicate')),
    duplicate_of     bigint REFERENCES submission (id),
    form_code        text,
    format           text,
    encoding         text,
    sheet            text,
    period_code      text,
    rows_read        int NOT NULL DEFAULT 0,
    rows_accepted    int NOT NULL DEFAULT 0,
    rows_rejected    int NOT NULL DEFAULT 0,
    errors           int NOT NULL DEFAULT 0,
    warnings         int NOT NULL DEFAULT 0,
    reports_superseded int NOT NULL DEFAULT 0,
    reject_reason    text,
    moved_to         text,                      -- where the file went (archive/... or rejected/...)
    finished_at      timestamptz
);
CREATE INDEX submission_sha_idx ON submission (sha256);
CREATE INDEX submission_run_idx ON submission (run_id);

-- One commune's report of one form for one period, from one file row: the unit of acceptance and of
-- versioning. A later report for the same key supersedes it; the old one stays for history.
CREATE TABLE report (
    id             bigserial PRIMARY KEY,
    submission_id  bigint NOT NULL REFERENCES submission (id),
    commune_code   text   NOT NULL,
    form_code      text   NOT NULL,
    period_code    text   NOT NULL,
    period_type    text   NOT NULL,
    year           int    NOT NULL,
    period_start   date   NOT NULL,
    period_end     date   NOT NULL,
    sheet          text,
    source_row     int    NOT NULL,
    superseded_by  bigint REFERENCES submission (id),   -- the later file that replaced it
    superseded_at  timestamptz
);
CREATE UNIQUE INDEX report_active_key_idx ON report (commune_code, form_code, period_code) WHERE superseded_by IS NULL;
CREATE INDEX report_year_idx ON report (year, form_code) WHERE superseded_by IS NULL;
CREATE INDEX report_submission_idx ON report (submission_id);

CREATE TABLE value (
    report_id      bigint  NOT NULL REFERENCES report (id),
    indicator      text    NOT NULL,
    value          numeric NOT NULL,
    source_row     int,                 -- the file row of this value (long-form files: one row per value)
    source_column  text,
    PRIMARY KEY (report_id, indicator)
);

-- Errors and warnings, with where they were found, in the clerk's language.
CREATE TABLE issue (
    id             bigserial PRIMARY KEY,
    submission_id  bigint NOT NULL REFERENCES submission (id),
    severity       text   NOT NULL CHECK (severity IN ('error', 'warning')),
    code           text   NOT NULL,
    sheet          text,
    row_number     int,
    column_name    text,
    cell_value     text,
    commune_code   text,
    message        text   NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX issue_submission_idx ON issue (submission_id);

-- Accepted rows of files being read, before they are applied (unlogged: rebuilt from the file on restart).
CREATE UNLOGGED TABLE staging_report (
    submission_id  bigint NOT NULL,
    sheet          text,
    source_row     int    NOT NULL,
    commune_code   text   NOT NULL,
    form_code      text   NOT NULL,
    period_code    text   NOT NULL,
    period_type    text   NOT NULL,
    year           int    NOT NULL,
    period_start   date   NOT NULL,
    period_end     date   NOT NULL
);
CREATE INDEX staging_report_submission_idx ON staging_report (submission_id);

CREATE UNLOGGED TABLE staging_value (
    submission_id  bigint  NOT NULL,
    report_row     int     NOT NULL,     -- staging_report.source_row of the commune's row
    source_row     int     NOT NULL,
    indicator      text    NOT NULL,
    value          numeric NOT NULL,
    source_column  text
);
CREATE INDEX staging_value_submission_idx ON staging_value (submission_id);

-- Aggregates by level x unit x year x indicator (rates included), rebuilt per year in one transaction.
CREATE TABLE aggregate_value (
    level               text    NOT NULL CHECK (level IN ('commune', 'district', 'province')),
    unit_code           text    NOT NULL,
    unit_name           text    NOT NULL,
    parent_code         text,
    province_code       text    NOT NULL,
    form_code           text    NOT NULL,
    year                int     NOT NULL,
    indicator           text    NOT NULL,
    value               numeric,
    communes_reporting  int     NOT NULL,
    communes_expected   int     NOT NULL,
    PRIMARY KEY (form_code, year, level, unit_code, indicator)
);

-- Completeness and timeliness per commune and year (who reported, with which periods, when).
CREATE TABLE completeness (
    form_code       text    NOT NULL,
    year            int     NOT NULL,
    commune_code    text    NOT NULL,
    commune_name    text    NOT NULL,
    parent_code     text,
    province_code   text    NOT NULL,
    expected        boolean NOT NULL,
    reported        boolean NOT NULL,
    annual_reported boolean NOT NULL,
    periods         text,                 -- period codes with an active report, e.g. "2023-Q1,2023-Q2"
    first_received  timestamptz,
    last_received   timestamptz,
    PRIMARY KEY (form_code, year, commune_code)
);
