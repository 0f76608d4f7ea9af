/**
 * Loading: submissions (one per file, with checksum and status), accepted rows streamed into staging
 * tables with PostgreSQL {@code COPY}, issues, and the set-based apply that supersedes earlier versions
 * of the same (commune, form, period) and moves staging into reports and values with their lineage.
 */
package vn.tonghop.load;
