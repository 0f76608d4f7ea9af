package vn.tonghop.export.xlsx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Where a workbook's zip is written: in memory while it is small, then in its file. A zip is written in many small
 * pieces, and every entry's header is gone back to and rewritten once its sizes are known; a result of a few tens of
 * kilobytes (a district's file) thus took some forty system calls, each a fraction of the report step's time. Here it
 * reaches the disk in one write when the zip is closed. Past {@code limit} bytes what was kept goes to the file and the
 * rest follows it there, so a large result never sits in the heap.
 */
final class TargetChannel implements SeekableByteChannel {

    /** Results up to this size are kept in memory until they are complete (a district's is some 10 to 40 KB). */
    static final int DEFAULT_LIMIT = 4 * 1024 * 1024;

    private final Path target;
    private final int limit;
    private byte[] buffer = new byte[32 * 1024];
    private int size;
    private int position;
    /** The file, once the zip has outgrown memory (or is closed). */
    private FileChannel file;
    private boolean open = true;

    TargetChannel(Path target, int limit) {
        this.target = target;
        this.limit = limit;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        ensureOpen();
        if (file != null) {
            return file.write(source);
        }
        int length = source.remaining();
        long end = (long) position + length;
        if (end > limit) {
            spill();
            return file.write(source);
        }
        if (end > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(limit, Math.max(end, 2L * buffer.length)));
        }
        if (position > size) {
            Arrays.fill(buffer, size, position, (byte) 0); // a gap left by a seek past the end reads as zeros, as in a file
        }
        source.get(buffer, position, length);
        position += length;
        size = Math.max(size, position);
        return length;
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        ensureOpen();
        if (file != null) {
            return file.read(destination);
        }
        if (position >= size) {
            return -1;
        }
        int length = Math.min(destination.remaining(), size - position);
        destination.put(buffer, position, length);
        position += length;
        return length;
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return file != null ? file.position() : position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        if (file != null) {
            file.position(newPosition);
        } else if (newPosition > limit) {
            spill();
            file.position(newPosition);
        } else {
            position = (int) newPosition;
        }
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return file != null ? file.size() : size;
    }

    @Override
    public SeekableByteChannel truncate(long newSize) throws IOException {
        ensureOpen();
        if (file != null) {
            file.truncate(newSize);
        } else if (newSize < size) {
            size = (int) newSize;
            position = Math.min(position, size);
        }
        return this;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Writes what is still in memory to the file (created, or emptied if it exists) and closes it. */
    @Override
    public void close() throws IOException {
        if (!open) {
            return;
        }
        open = false;
        try {
            if (file == null) {
                file = openFile();
                ByteBuffer all = ByteBuffer.wrap(buffer, 0, size);
                while (all.hasRemaining()) {
                    file.write(all);
                }
            }
        } finally {
            buffer = null;
            if (file != null) {
                file.close();
            }
        }
    }

    private void spill() throws IOException {
        file = openFile();
        ByteBuffer kept = ByteBuffer.wrap(buffer, 0, size);
        while (kept.hasRemaining()) {
            file.write(kept);
        }
        file.position(position);
        buffer = null;
    }

    private FileChannel openFile() throws IOException {
        return FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
