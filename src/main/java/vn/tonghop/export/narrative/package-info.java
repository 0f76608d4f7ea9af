/**
 * The year-end narrative report (báo cáo tổng kết) drafted from the aggregate tables: Vietnamese sentences
 * per indicator group of the form, the units that stood out, the gaps, and the key tables, written as a
 * Word file. The wording is data ({@code jobs/<form>-narrative.yaml}); every figure comes from
 * {@code aggregate_value}, the same rows as {@code aggregates.csv}.
 */
package vn.tonghop.export.narrative;
