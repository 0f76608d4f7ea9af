-- Issue 7: a value is COPYed once, by the read step, straight into `value`, under a report id the read step
-- draws from report's sequence; the staged report (logged now, in the same transaction as its values) is what
-- makes the values count once the apply step turns it into a `report` row. Until then no query sees them: every
-- reader of `value` joins it to `report`. Before, every value went into an unlogged staging table and was copied
-- again by an INSERT ... SELECT joined to its report (half of the apply step of a national year).
-- Staging of a run interrupted across this upgrade is dropped: its files are read again (rereadWhenStagingLost).
TRUNCATE staging_report;
DROP TABLE staging_value;
ALTER TABLE staging_report SET LOGGED;
ALTER TABLE staging_report ADD COLUMN report_id bigint NOT NULL;
CREATE UNIQUE INDEX staging_report_id_idx ON staging_report (report_id);
