package vn.tonghop.read;

/**
 * Why a file could not be read at all, each with the one sentence the clerk is shown (Vietnamese, as a
 * clause that reads after "Không đọc được tệp: ").
 */
public enum UnreadableReason {

    /** Nothing but whitespace, a byte-order mark or delimiters. */
    EMPTY("tệp rỗng, không có dữ liệu"),
    /** A workbook whose every sheet is blank. */
    EMPTY_WORKBOOK("bảng tính không có dữ liệu (mọi trang tính đều trống)"),
    /** An encrypted workbook (.xlsx or .xls). */
    PASSWORD_PROTECTED("tệp được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại"),
    /** A truncated or damaged zip, workbook stream or sheet. */
    CORRUPT("tệp bị hỏng hoặc không đầy đủ (có thể chưa tải hoặc sao chép xong); hãy mở, lưu lại rồi gửi lại"),
    /** A zip whose parts expand far beyond their compressed size (a "zip bomb"). */
    ZIP_BOMB("tệp nén bất thường (dung lượng khi giải nén quá lớn so với tệp gốc), không thể đọc an toàn"),
    /**
     * Workbook XML with a document type declaration: the way to external entities (a file of the server read
     * into a cell, a URL fetched). Excel never writes one; the parsers refuse it, and so is the file.
     */
    UNSAFE_XML("tệp chứa khai báo XML không an toàn (DOCTYPE, thực thể ngoài) mà Excel không bao giờ tạo ra, nên không được đọc"),
    /** Binary content that is neither a workbook nor text. */
    BINARY("tệp chứa dữ liệu nhị phân, không phải tệp CSV hay bảng tính Excel"),
    /** A zip or OLE2 container that holds something other than a workbook (a .docx, .doc, .ods, ...). */
    NOT_A_SPREADSHEET("tệp không phải là bảng tính Excel (.xlsx, .xls) hay tệp CSV"),
    /** An HTML or XML page saved with a spreadsheet's name, as some older software exports. */
    WEB_PAGE("tệp là trang web (HTML/XML) chứ không phải bảng tính; hãy mở bằng Excel rồi lưu lại dạng .xlsx"),
    /** Excel 5.0/95 or older. */
    OLD_EXCEL_FORMAT("tệp Excel định dạng quá cũ (Excel 95 trở về trước); hãy mở rồi lưu lại dạng .xlsx"),
    /** A CSV whose quoted field never ends. */
    UNBALANCED_QUOTES("tệp CSV có dấu ngoặc kép (\") không được đóng; hãy kiểm tra lại tệp");

    private final String vietnamese;

    UnreadableReason(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    /** The clerk's sentence. */
    public String vietnamese() {
        return vietnamese;
    }
}
