-- Issue 7: a wide file's header of each indicator column is the same for every row, so it is stored once per file
-- (submission.source_columns: indicator code → the header as the clerk wrote it) rather than on each of the
-- year's 4.5 million values. value.source_column is now NULL where the value came from that column, and names
-- its column only where it came from another (a "6/6" under the villages-safe column also gives the number of
-- villages) or from a long-form file. Readers take coalesce(v.source_column, s.source_columns ->> v.indicator).
-- The header text was 60 % of the bytes COPYed into `value`. Values stored before keep their column.
ALTER TABLE submission ADD COLUMN source_columns jsonb;
