/**
 * Reading a clerk's file as raw tables, knowing nothing of the report form. {@link vn.tonghop.read.TableFiles}
 * opens a CSV, .xlsx or .xls file by its content (not its name) and gives its sheets and, for each, its rows of
 * text cells with the row numbers the clerk sees. Every format renders cells alike (NFC text, numbers as
 * {@code 1800} / {@code 2,5}, dates as {@code 2023-12-14}, booleans as {@code Có}/{@code Không}, formula errors
 * as their code {@code #DIV/0!}), so the
 * normaliser downstream meets one convention. CSV encodings are detected, the legacy TCVN3 (ABC) and VNI font
 * encodings of old offices included, and a workbook typed in those fonts is read as Unicode too
 * ({@link vn.tonghop.read.LegacyFontWorkbook}); .xlsx sheets are streamed in bounded memory, after every part of the zip
 * was checked against its checksum and declared size ({@link vn.tonghop.read.ZipIntegrity}: damage, zip bombs).
 * A file that cannot be read at all is refused with an {@link vn.tonghop.read.UnreadableFileException} carrying
 * one Vietnamese reason ({@link vn.tonghop.read.UnreadableReason}).
 */
package vn.tonghop.read;
