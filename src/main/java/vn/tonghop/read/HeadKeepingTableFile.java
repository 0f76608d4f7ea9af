package vn.tonghop.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A file whose sheets are read more than once (the header searched for in the first rows, then the rows read from the
 * top): the first rows of each sheet are kept the first time they are read, and a second reading replays them before
 * it goes on parsing where they end. A district's file, a few dozen rows, is parsed once instead of twice; at most
 * {@link #KEPT_ROWS} rows a sheet are held.
 */
public final class HeadKeepingTableFile implements TableFile {

    /** Rows kept per sheet: more than the header search reads. */
    static final int KEPT_ROWS = 64;

    /** A sheet's first rows, and whether they are all of it. */
    private static final class Head {
        final List<RawRow> rows = new ArrayList<>();
        boolean complete;
        boolean truncated;
        boolean recording = true;
    }

    private final TableFile file;
    private final Map<SheetRef, Head> heads = new HashMap<>();

    public HeadKeepingTableFile(TableFile file) {
        this.file = file;
    }

    @Override
    public List<SheetRef> sheets() {
        return file.sheets();
    }

    @Override
    public CloseableIterator<RawRow> rows(SheetRef sheet) throws IOException {
        Head head = heads.get(sheet);
        if (head == null) {
            Head recorded = new Head();
            heads.put(sheet, recorded);
            return recording(file.rows(sheet), recorded);
        }
        if (head.recording) {
            // read again while the first reading is still open: nothing to replay yet
            return file.rows(sheet);
        }
        return replaying(sheet, head);
    }

    private static CloseableIterator<RawRow> recording(CloseableIterator<RawRow> rows, Head head) {
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = rows.hasNext();
                if (!more && head.recording && !head.truncated) {
                    head.complete = true;
                }
                return more;
            }

            @Override
            public RawRow next() {
                RawRow row = rows.next();
                if (head.recording && head.rows.size() < KEPT_ROWS) {
                    head.rows.add(row);
                } else {
                    head.truncated = true;
                }
                return row;
            }

            @Override
            public void close() {
                head.recording = false;
                rows.close();
            }
        };
    }

    private CloseableIterator<RawRow> replaying(SheetRef sheet, Head head) {
        return new CloseableIterator<>() {
            private int replayed;
            private CloseableIterator<RawRow> rest;
            private RawRow pending;

            @Override
            public boolean hasNext() {
                if (replayed < head.rows.size()) {
                    return true;
                }
                if (head.complete) {
                    return false;
                }
                if (rest == null) {
                    try {
                        rest = file.rows(sheet);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    int last = head.rows.isEmpty() ? 0 : head.rows.get(head.rows.size() - 1).rowNumber();
                    while (rest.hasNext()) {
                        RawRow skipped = rest.next();
                        if (skipped.rowNumber() > last) {
                            pending = skipped; // the first row after the ones kept
                            break;
                        }
                    }
                }
                return pending != null || rest.hasNext();
            }

            @Override
            public RawRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (replayed < head.rows.size()) {
                    return head.rows.get(replayed++);
                }
                if (pending != null) {
                    RawRow row = pending;
                    pending = null;
                    return row;
                }
                return rest.next();
            }

            @Override
            public void close() {
                if (rest != null) {
                    rest.close();
                }
            }
        };
    }

    @Override
    public String format() {
        return file.format();
    }

    @Override
    public String encoding() {
        return file.encoding();
    }

    @Override
    public char delimiter() {
        return file.delimiter();
    }

    @Override
    public Optional<TableFiles.Detected> detected() {
        return file.detected();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
