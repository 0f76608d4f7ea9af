package vn.tonghop.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A clerk's file opened as raw tables: the sheets it holds and, for each, its rows of text cells. Knows
 * nothing of the report form; finding the header, the communes and the values is the caller's work.
 */
public interface TableFile extends Closeable {

    /** Every worksheet in workbook order, hidden ones included; a CSV file has exactly one. */
    List<SheetRef> sheets();

    /**
     * Streams the non-empty rows of a sheet, in order. May be called more than once per sheet (to scan for
     * the header, then to read); each call starts from the top. Close the iterator when done.
     *
     * @throws IllegalArgumentException if the sheet is not one of {@link #sheets()}
     */
    CloseableIterator<RawRow> rows(SheetRef sheet) throws IOException;

    /** {@code "csv"}, {@code "xlsx"} or {@code "xls"}: what the content is, whatever the file is called. */
    String format();

    /**
     * For CSV, the detected text encoding, e.g. {@code "UTF-8 (BOM)"}, {@code "UTF-16LE"},
     * {@code "windows-1258"}, {@code "TCVN3"}, {@code "VNI"}; for Excel, the legacy font its text was typed in
     * ({@code "TCVN3"}, {@code "VNI"}) once rows have been read, else {@code null}.
     */
    String encoding();

    /** For CSV, the detected delimiter ({@code ,} {@code ;} or tab); {@code 0} for Excel. */
    char delimiter();

    /** What was detected when it was opened (or, for a workbook, read), to open the same file again without detecting it anew. */
    default java.util.Optional<TableFiles.Detected> detected() {
        return java.util.Optional.empty();
    }
}
