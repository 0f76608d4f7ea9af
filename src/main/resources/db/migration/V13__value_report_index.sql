-- Issue 7: value's primary key (report_id, indicator) was the costliest part of loading a year. Every one of a national
-- year's 4.45 million values added its own entry to it as the read step COPYed it in: 486 MB of WAL against the rows'
-- own 188 MB, a 210-300 MB index, and a COPY of the year's values 8.9-10.5 s against 2.5-2.7 s without it (psql, local
-- server). The key guarded nothing the writer does not: a report's values are written once, from one map keyed by
-- indicator, under a report id just drawn from report's sequence, in the transaction that stages the report (a read
-- that fails rolls both back; a file read again draws new ids). What the key also gave, lookups by report, a plain
-- index gives at a fraction of the cost: PostgreSQL keeps a report's 35 entries as one (deduplication), 37 MB for the
-- year, and the same COPY took 6.3-7.0 s with it.
-- (A logical-replication publication of `value` would now need REPLICA IDENTITY FULL for the apply step's deletions.)
ALTER TABLE value DROP CONSTRAINT value_pkey;
CREATE INDEX value_report_idx ON value (report_id);
