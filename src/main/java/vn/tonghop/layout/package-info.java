/**
 * Finds the report table inside a file (which sheet, which header row, which column holds what) using
 * the form's aliases, and turns its rows into {@link vn.tonghop.layout.SubmittedRow}s: one commune's
 * cells for one period, still as the clerk typed them. Title rows, column-number rows, notes and
 * signatures are skipped; total rows are marked, never loaded. Wide and long shapes (SPEC §4); a long
 * table is grouped by unit and period in bounded memory ({@link vn.tonghop.layout.LongTableGrouper}).
 */
package vn.tonghop.layout;
