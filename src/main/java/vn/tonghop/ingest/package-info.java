/**
 * The ingest job: <em>scan</em> the inbox (hash and register every new file, recognise byte-identical
 * ones) → <em>read</em> each file, partitioned so both cores work (reader → normalise + validate →
 * COPY into staging) → <em>apply</em> (supersede and load, set-based) → <em>report</em> (each file's
 * {@code .ketqua} results, and the file moved to {@code archive/} or {@code rejected/}).
 */
package vn.tonghop.ingest;
