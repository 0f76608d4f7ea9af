package vn.tonghop.ingest;

import vn.tonghop.layout.SubmittedRow;
import vn.tonghop.validate.CheckedRow;

/**
 * An item of the read step: a row of one file of the partition, or the end of that file ({@code row} null),
 * which the writer turns into the file's "read" status in the same transaction as its last rows. Before the
 * processor {@code checked} is null; after it, {@code checked} holds the row's outcome (null for a line that is
 * not a commune's row, or at the end of the file).
 */
record FileRow(FileState file, SubmittedRow row, CheckedRow checked) {

    static FileRow end(FileState file) {
        return new FileRow(file, null, null);
    }

    boolean isEnd() {
        return row == null;
    }
}
