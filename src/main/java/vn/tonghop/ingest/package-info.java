/**
 * The ingest job: <em>scan</em> the inbox (hash and register every new file, recognise byte-identical
 * ones) → <em>read</em> the files, in partitions of many files so both cores work without a step execution
 * per file (reader → normalise + validate → COPY into staging, a file marked read with its last rows) →
 * <em>apply</em> (the run's files together: supersede and load, set-based) → <em>report</em> (each file's
 * {@code .ketqua} results, and the file moved to {@code archive/} or {@code rejected/}).
 */
package vn.tonghop.ingest;
