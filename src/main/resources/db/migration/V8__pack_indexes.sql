-- Issue 7: the conference pack reads one province at a time. Without these, every province's timeliness and
-- warnings read every report of the year, and its figures every aggregate row of the year (63 provinces: the
-- pack step was mostly these scans).
-- Every version of a commune's reports of a year (the earliest arrival of each period counts for timeliness).
CREATE INDEX report_commune_year_idx ON report (commune_code, form_code, year);
-- A province's aggregate rows of a year.
CREATE INDEX aggregate_value_province_idx ON aggregate_value (form_code, year, province_code);
-- The rejected rows of a province's communes that did not report (a few communes, never the whole issue table).
CREATE INDEX issue_error_commune_idx ON issue (commune_code) WHERE severity = 'error';
