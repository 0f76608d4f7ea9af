package vn.tonghop.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.tonghop.load.Submission;
import vn.tonghop.validate.FileContext;
import vn.tonghop.validate.Issue;
import vn.tonghop.validate.PeerOutlierCheck;
import vn.tonghop.validate.TotalRowCheck;

/**
 * One file of a read partition as it is being read: its submission, its context once open, its total-row
 * check, what was detected (format, encoding, sheet, period) and the issues about the file as a whole, which
 * are written with its last rows, and its row counts.
 */
final class FileState {

    private final Submission submission;
    private FileContext context;
    private TotalRowCheck totalCheck;
    private PeerOutlierCheck peerCheck;
    private String format;
    private String encoding;
    private String sheet;
    private String periodCode;
    private Map<String, String> columns = Map.of();
    private final List<Issue> fileIssues = new ArrayList<>();
    private boolean rejected;
    private int rowsRead;
    private int accepted;
    private int rejectedRows;

    FileState(Submission submission) {
        this.submission = submission;
    }

    Submission submission() {
        return submission;
    }

    long submissionId() {
        return submission.id();
    }

    void opened(FileContext fileContext, TotalRowCheck check, PeerOutlierCheck peers, String detectedFormat, String detectedEncoding, String sheetName,
                String period, Map<String, String> indicatorColumns, List<Issue> issues) {
        this.context = fileContext;
        this.columns = Map.copyOf(indicatorColumns);
        this.totalCheck = check;
        this.peerCheck = peers;
        this.format = detectedFormat;
        this.encoding = detectedEncoding;
        this.sheet = sheetName;
        this.periodCode = period;
        this.fileIssues.addAll(issues);
    }

    void rejectWhole() {
        this.rejected = true;
    }

    boolean rejected() {
        return rejected;
    }

    FileContext context() {
        return context;
    }

    /** Indicator code → the header of its column in this file (a wide table's; empty for a long one). */
    Map<String, String> columns() {
        return columns;
    }

    TotalRowCheck totalCheck() {
        return totalCheck;
    }

    PeerOutlierCheck peerCheck() {
        return peerCheck;
    }

    /** Issues about the file found once all of it was read (outliers against its own communes). */
    void addFileIssues(List<Issue> issues) {
        fileIssues.addAll(issues);
    }

    String format() {
        return format;
    }

    String encoding() {
        return encoding;
    }

    String sheet() {
        return sheet;
    }

    String periodCode() {
        return periodCode;
    }

    /** The issues about the file as a whole (unknown columns), taken once to be written. */
    List<Issue> takeFileIssues() {
        List<Issue> taken = List.copyOf(fileIssues);
        fileIssues.clear();
        return taken;
    }

    void count(boolean wasAccepted) {
        rowsRead++;
        if (wasAccepted) {
            accepted++;
        } else {
            rejectedRows++;
        }
    }

    int rowsRead() {
        return rowsRead;
    }

    int accepted() {
        return accepted;
    }

    int rejectedRows() {
        return rejectedRows;
    }
}
