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

-- A counter bumped by every change to the unit registry: the in-memory registry is reloaded when it moves,
-- and checking it is one row read per file instead of a checksum over every unit.
CREATE TABLE registry_version (
    version bigint NOT NULL
);
INSERT INTO registry_version VALUES (0);

CREATE FUNCTION bump_registry_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE registry_version SET version = version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER unit_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON unit
    FOR EACH STATEMENT EXECUTE FUNCTION bump_registry_version();

-- Spring Batch's own schema indexes nothing but primary keys. Every partition of the read step (one per file)
-- looks up the previous executions of its step by job instance and step name; without these indexes each
-- lookup reads every step execution ever recorded, and a run of n files costs n² row visits.
CREATE INDEX batch_step_execution_job_step_idx ON batch_step_execution (job_execution_id, step_name);
CREATE INDEX batch_job_execution_instance_idx ON batch_job_execution (job_instance_id);

-- value.report_id pointed at report(id) with a foreign key: a per-row trigger that looks the report up and
-- locks it (FOR KEY SHARE), for every one of the millions of values a year brings. Values are only ever
-- inserted by the apply step, in the same statement batch that inserts their reports (load/SubmissionApplier),
-- so the check buys nothing there and costs most of the load; the index serving the join stays (the primary key).
ALTER TABLE value DROP CONSTRAINT value_report_id_fkey;
