package vn.tonghop.read;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Why a file could not be read at all. The one sentence the clerk is shown for each lives in the message bundle
 * under {@link #messageKey()} (a clause that reads after "Không đọc được tệp: ").
 */
public enum UnreadableReason {

    /** Nothing but whitespace, a byte-order mark or delimiters. */
    EMPTY,
    /** A workbook whose every sheet is blank. */
    EMPTY_WORKBOOK,
    /** An encrypted workbook (.xlsx or .xls). */
    PASSWORD_PROTECTED,
    /** A truncated or damaged zip, workbook stream or sheet. */
    CORRUPT,
    /** A zip whose parts expand far beyond their compressed size (a "zip bomb"). */
    ZIP_BOMB,
    /**
     * Workbook XML with a document type declaration: the way to external entities (a file of the server read
     * into a cell, a URL fetched). Excel never writes one; the parsers refuse it, and so is the file.
     */
    UNSAFE_XML,
    /** Binary content that is neither a workbook nor text. */
    BINARY,
    /** A zip or OLE2 container that holds something other than a workbook (a .docx, .doc, .ods, ...). */
    NOT_A_SPREADSHEET,
    /** An HTML or XML page saved with a spreadsheet's name, as some older software exports. */
    WEB_PAGE,
    /** Excel 5.0/95 or older. */
    OLD_EXCEL_FORMAT,
    /** A CSV whose quoted field never ends. */
    UNBALANCED_QUOTES;

    /** The key of the clerk's sentence in the message bundle ({@code messages/tonghop*.properties}). */
    public String messageKey() {
        return "unreadable." + name();
    }

    /** The clerk's sentence in Vietnamese, from the message bundle. */
    public String vietnamese() {
        return ResourceBundle.getBundle("messages/tonghop", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(messageKey());
    }
}
