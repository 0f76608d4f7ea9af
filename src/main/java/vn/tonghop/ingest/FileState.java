package vn.tonghop.ingest;

import vn.tonghop.validate.FileContext;
import vn.tonghop.validate.TotalRowCheck;

/**
 * What the reader, processor and writer of one file's partition share: the file's context once it is
 * open, whether it was rejected whole, its total-row check and its row counts. Step-scoped: one per file.
 */
public class FileState {

    private final long submissionId;
    private FileContext context;
    private TotalRowCheck totalCheck;
    private boolean rejected;
    private int rowsRead;
    private int accepted;
    private int rejectedRows;

    public FileState(long submissionId) {
        this.submissionId = submissionId;
    }

    public long submissionId() {
        return submissionId;
    }

    public void opened(FileContext fileContext, TotalRowCheck check) {
        this.context = fileContext;
        this.totalCheck = check;
        this.rejected = false;
        this.rowsRead = 0;
        this.accepted = 0;
        this.rejectedRows = 0;
    }

    public void rejectWhole() {
        this.rejected = true;
    }

    public boolean rejected() {
        return rejected;
    }

    public FileContext context() {
        return context;
    }

    public TotalRowCheck totalCheck() {
        return totalCheck;
    }

    public synchronized void count(boolean wasAccepted) {
        rowsRead++;
        if (wasAccepted) {
            accepted++;
        } else {
            rejectedRows++;
        }
    }

    public int rowsRead() {
        return rowsRead;
    }

    public int accepted() {
        return accepted;
    }

    public int rejectedRows() {
        return rejectedRows;
    }
}
