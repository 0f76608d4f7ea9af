/**
 * The conference pack (<i>hội nghị tổng kết</i>, the year-end review conference): a province's year read once from
 * the aggregate tables ({@link vn.tonghop.export.pack.PackRepository}) into a
 * {@link vn.tonghop.export.pack.ConferencePack}, written as a print-ready Vietnamese workbook with native charts
 * ({@code tonghop-<province>-<year>.xlsx}) and a one-page HTML summary with inline SVG charts
 * ({@code tonghop-<province>-<year>.html}). After the 2025 reform, earlier years come in today's units from
 * {@code aggregate_today}.
 */
package vn.tonghop.export.pack;
