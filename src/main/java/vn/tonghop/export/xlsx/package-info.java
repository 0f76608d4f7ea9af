/**
 * The SpreadsheetML (Office Open XML) that tonghop writes itself, for the clerks' result workbooks and the conference
 * packs: a clerk's {@code .xlsx} patched part by part without being rebuilt ({@link vn.tonghop.export.xlsx.WorkbookPatch},
 * {@link vn.tonghop.export.xlsx.SheetMarker}), new workbooks written sheet after sheet, streamed or from a sheet built
 * in memory ({@link vn.tonghop.export.xlsx.NewWorkbook}, {@link vn.tonghop.export.xlsx.WorksheetWriter},
 * {@link vn.tonghop.export.xlsx.BufferedSheet}), with their styles, comments and native charts. POI's usermodel, which
 * builds every part as XMLBeans objects, cost ten times as much per file; it remains for {@code .xls} files and the
 * workbooks the patch declines.
 */
package vn.tonghop.export.xlsx;
