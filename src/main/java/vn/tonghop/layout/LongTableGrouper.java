package vn.tonghop.layout;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Gathers the rows of a long table (one value per row) into one group per (unit code, period), in bounded
 * memory. Up to {@code runLines} rows are sorted in memory; a larger file is sorted in runs written to
 * temporary files and merged, so a national export costs disk, not heap. Groups come out ordered by their
 * key, each with its rows in file order. Closing deletes the temporary files.
 */
final class LongTableGrouper implements Closeable {

    /** Rows sorted in memory before a run is written to disk (a few tens of megabytes of heap). */
    static final int RUN_LINES = 100_000;

    /**
     * What a group needs of one row: its cells as typed, and the key of the group it belongs to.
     *
     * @param group the unit and period the row is for as the caller reads them, not as typed: {@code 2023} and
     *              {@code năm 2023} are one period, so rows spelling it either way make one group
     */
    record Line(int row, String group, String unitCode, String period, String unitName, String indicator, String value) {
    }

    private static final Comparator<Line> ORDER = Comparator.comparing(Line::group).thenComparingInt(Line::row);

    private final int runLines;
    private final List<Path> runs = new ArrayList<>();
    private final List<DataInputStream> open = new ArrayList<>();
    private List<Line> buffer = new ArrayList<>();

    LongTableGrouper(int runLines) {
        this.runLines = runLines;
    }

    void add(Line line) {
        buffer.add(line);
        if (buffer.size() >= runLines) {
            spill();
        }
    }

    /** The groups, once every row was added: each a non-empty list of rows sharing a group key. */
    Iterator<List<Line>> groups() {
        buffer.sort(ORDER);
        if (runs.isEmpty()) {
            return grouped(buffer.iterator());
        }
        if (!buffer.isEmpty()) {
            spill();
        }
        buffer = List.of();
        return grouped(merged());
    }

    @Override
    public void close() {
        for (DataInputStream in : open) {
            try {
                in.close();
            } catch (IOException e) {
                // a temporary file being deleted anyway
            }
        }
        open.clear();
        for (Path run : runs) {
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                // the system's temporary folder is cleaned up in the end
            }
        }
        runs.clear();
    }

    private void spill() {
        buffer.sort(ORDER);
        try {
            Path run = Files.createTempFile("tonghop-long-", ".run");
            runs.add(run);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                for (Line line : buffer) {
                    out.writeInt(line.row());
                    write(out, line.group());
                    write(out, line.unitCode());
                    write(out, line.period());
                    write(out, line.unitName());
                    write(out, line.indicator());
                    write(out, line.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a sorted run of a long table to the temporary folder", e);
        }
        buffer = new ArrayList<>();
    }

    private static void write(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String read(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static Line readLine(DataInputStream in) throws IOException {
        int row;
        try {
            row = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        return new Line(row, read(in), read(in), read(in), read(in), read(in), read(in));
    }

    /** A run being merged: its stream and its next row. */
    private record Head(Line line, DataInputStream in) {
    }

    /** The runs merged into one sorted stream of rows. */
    private Iterator<Line> merged() {
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::line, ORDER));
        try {
            for (Path run : runs) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
                open.add(in);
                Line first = readLine(in);
                if (first != null) {
                    heads.add(new Head(first, in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read back a sorted run of a long table", e);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public Line next() {
                Head head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                try {
                    Line following = readLine(head.in());
                    if (following != null) {
                        heads.add(new Head(following, head.in()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read back a sorted run of a long table", e);
                }
                return head.line();
            }
        };
    }

    /** Consecutive rows of one key, from a sorted stream. */
    private static Iterator<List<Line>> grouped(Iterator<Line> sorted) {
        return new Iterator<>() {
            private Line pending = sorted.hasNext() ? sorted.next() : null;

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public List<Line> next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                List<Line> group = new ArrayList<>();
                String key = pending.group();
                group.add(pending);
                pending = null;
                while (sorted.hasNext()) {
                    Line line = sorted.next();
                    if (!line.group().equals(key)) {
                        pending = line;
                        break;
                    }
                    group.add(line);
                }
                return group;
            }
        };
    }
}
