-- Issue 7: a nightly run with a few new files rewrites only the conference packs whose figures changed.
-- Every time the aggregation rewrites a province's rows it gives them a new version; a pack written to an
-- output folder records the version it was written from, and `run` skips a pack whose version is current and
-- whose files are still there. `export` always writes the packs it is asked for.
CREATE SEQUENCE aggregate_version_seq;

CREATE TABLE aggregate_province (
    form_code      text   NOT NULL,
    year           int    NOT NULL,
    province_code  text   NOT NULL,
    version        bigint NOT NULL,
    PRIMARY KEY (form_code, year, province_code)
);

CREATE TABLE pack_written (
    out_dir        text        NOT NULL,   -- the output folder, absolute
    form_code      text        NOT NULL,
    year           int         NOT NULL,
    province_code  text        NOT NULL,
    version        bigint      NOT NULL,   -- aggregate_province.version the pack was written from
    written_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (out_dir, form_code, year, province_code)
);
