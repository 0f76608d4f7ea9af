package vn.tonghop.read;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.FileSystemException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns POI's push-style sheet parsing into a pull iterator: a reader thread parses the sheet and hands rows
 * over a small bounded queue, so memory stays bounded and the caller reads at its own pace. Closing the
 * iterator stops the thread (it checks between rows) and waits for it, so the package can then be closed.
 *
 * <p>A sheet small enough to hold ({@link #HELD_MAX_XML_BYTES}) is parsed at once on the caller's thread instead
 * ({@link #parseHere()}), its rows held: a district's sheet is some 10 KB of XML, parsed in a fraction of what
 * starting, feeding and joining a thread for it cost.
 */
final class XlsxRows implements CloseableIterator<RawRow> {

    /** The parse of one sheet into a sink; run on the reader thread. */
    interface SheetSource {
        void parse(MergedHeaderFill.RowSink sink) throws Exception;
    }

    /**
     * Sheets of at most this much XML (as the zip declares it, and {@link ZipIntegrity} holds it to) are parsed on the
     * caller's thread and held: a few hundred rows at most, and a header search that stops after a few dozen rows parses
     * such a sheet whole, where a reader thread would have stopped early, for less than the thread's start.
     */
    static final long HELD_MAX_XML_BYTES = 64 * 1024;
    private static final int QUEUE_ROWS = 256;
    private static final long OFFER_WAIT_MILLIS = 50;
    private static final long STOP_WAIT_MILLIS = 10_000;

    /** The reader thread's last word: the sheet ended, normally or with a failure. */
    private record End(Throwable failure) {
    }

    private final String fileName;
    private final String sheetName;
    private final SheetSource source;
    private final Consumer<XlsxRows> onClose;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_ROWS);
    /** The rows of a sheet parsed on the caller's thread, then its end; null when a reader thread parses it. */
    private ArrayDeque<Object> held;
    private Thread thread;
    private volatile boolean closed;
    private RawRow next;
    private boolean ended;

    XlsxRows(String fileName, String sheetName, SheetSource source, Consumer<XlsxRows> onClose) {
        this.fileName = fileName;
        this.sheetName = sheetName;
        this.source = source;
        this.onClose = onClose;
    }

    /** Parses the sheet on a reader thread of its own, row by row as the caller reads. */
    void start() {
        thread = new Thread(this::produce, "xlsx-reader-" + sheetName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Parses the whole sheet now, on the caller's thread, and holds its rows (a sheet of at most {@link #HELD_MAX_XML_BYTES}). */
    void parseHere() {
        held = new ArrayDeque<>();
        produce();
    }

    private void produce() {
        Throwable failure = null;
        try {
            source.parse(this::offer);
        } catch (Throwable e) {
            if (isStop(e)) {
                return;
            }
            failure = e;
        }
        try {
            put(new End(failure));
        } catch (XlsxSheetParser.Stop stopped) {
            // closed meanwhile: nobody is waiting for the end
        }
    }

    private void offer(int rowIndex, List<String> cells) {
        List<String> trimmed = CellText.trimTrailing(cells);
        if (!trimmed.isEmpty()) {
            put(new RawRow(sheetName, rowIndex + 1, trimmed));
        }
    }

    /** Waits for room in the queue, giving up (by stopping the parse) once the iterator is closed. */
    private void put(Object item) {
        if (held != null) {
            held.add(item);
            return;
        }
        try {
            while (!closed) {
                if (queue.offer(item, OFFER_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new XlsxSheetParser.Stop();
    }

    private static boolean isStop(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XlsxSheetParser.Stop) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (ended || closed) {
            return false;
        }
        Object item;
        try {
            item = held != null ? (held.isEmpty() ? new End(null) : held.remove()) : queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new UncheckedIOException(new InterruptedIOException("Interrupted reading sheet " + sheetName));
        }
        if (item instanceof End end) {
            ended = true;
            close();
            if (end.failure() != null) {
                throw translate(end.failure());
            }
            return false;
        }
        next = (RawRow) item;
        return true;
    }

    @Override
    public RawRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRow row = next;
        next = null;
        return row;
    }

    /**
     * A broken file is the clerk's problem (unreadable); a failing disk or channel is the operator's and is
     * thrown as {@link UncheckedIOException}. POI reports both as plain {@link IOException}s at times, so only
     * the unmistakable I/O failures count as such.
     */
    private RuntimeException translate(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof FileSystemException || failure instanceof ClosedChannelException
                || failure instanceof InterruptedIOException) {
            return new UncheckedIOException("Reading sheet " + sheetName + " of " + fileName, (IOException) failure);
        }
        return new UncheckedUnreadableFileException(XlsxTableFile.failure(fileName, failure));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        next = null;
        queue.clear();
        if (held != null) {
            held.clear();
        }
        if (thread != null && Thread.currentThread() != thread) {
            try {
                thread.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        queue.clear();
        onClose.accept(this);
    }
}
