package vn.tonghop.read;

import java.util.Iterator;

/**
 * An iterator over a streamed source that holds a file or a reader thread open until closed.
 *
 * <p>Besides {@link java.util.NoSuchElementException}, {@code hasNext()} and {@code next()} may throw
 * {@link UncheckedUnreadableFileException} when the content turns out to be broken part-way through (a
 * truncated sheet, an unbalanced quote), and {@link java.io.UncheckedIOException} on a real I/O failure.
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

    @Override
    void close();
}
