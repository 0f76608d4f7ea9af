package vn.tonghop.read;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;

/**
 * A CSV file read with opencsv, streaming: each {@link #rows} call reopens the file and decodes it with the
 * encoding and delimiter detected when it was opened. Its one sheet is named after the file.
 */
final class CsvTableFile implements TableFile {

    /** A quoted field longer than this many lines is taken for an unbalanced quote, not data. */
    private static final int MULTILINE_LIMIT = 100;

    private final Path file;
    private final TextEncoding encoding;
    private final char delimiter;
    private final SheetRef sheet;
    private final Set<CsvRows> open = new LinkedHashSet<>();

    CsvTableFile(Path file, TextEncoding encoding, char delimiter) {
        this.file = file;
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.sheet = new SheetRef(sheetName(file), 0, false);
    }

    /** Like Excel opening a CSV: the file's name without its extension. */
    private static String sheetName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public java.util.Optional<TableFiles.Detected> detected() {
        return java.util.Optional.of(new TableFiles.Detected(encoding, delimiter));
    }

    @Override
    public List<SheetRef> sheets() {
        return List.of(sheet);
    }

    @Override
    public CloseableIterator<RawRow> rows(SheetRef requested) throws IOException {
        if (!sheet.equals(requested)) {
            throw new IllegalArgumentException("No sheet " + requested + " in " + file.getFileName());
        }
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(encoding.bomLength());
            BufferedReader text = new BufferedReader(new InputStreamReader(in, encoding.streamCharset()));
            CSVReader reader = new CSVReaderBuilder(text)
                    .withCSVParser(new CSVParserBuilder()
                            .withSeparator(delimiter)
                            .withQuoteChar('"')
                            // a backslash is data here (paths, "Số 12\2023"), not an escape
                            .withEscapeChar(ICSVParser.NULL_CHARACTER)
                            .build())
                    .withMultilineLimit(MULTILINE_LIMIT)
                    .build();
            CsvRows rows = new CsvRows(reader);
            open.add(rows);
            return rows;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String encoding() {
        return encoding.label();
    }

    @Override
    public char delimiter() {
        return delimiter;
    }

    @Override
    public void close() {
        for (CsvRows rows : new ArrayList<>(open)) {
            rows.close();
        }
    }

    private final class CsvRows implements CloseableIterator<RawRow> {

        private final CSVReader reader;
        private final CellDecoder decoder = new CellDecoder(encoding);
        private RawRow next;
        private boolean finished;

        CsvRows(CSVReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !finished) {
                next = readRow();
            }
            return next != null;
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

        /** The next record as a row, or null if it is blank (or the file has ended). */
        private RawRow readRow() {
            try {
                long startLine = reader.getLinesRead() + 1;
                String[] record = reader.readNext();
                if (record == null) {
                    close();
                    return null;
                }
                List<String> cells = new ArrayList<>(record.length);
                for (String raw : record) {
                    cells.add(decoder.decode(raw));
                }
                cells = CellText.trimTrailing(cells);
                return cells.isEmpty() ? null : new RawRow(sheet.name(), Math.toIntExact(startLine), cells);
            } catch (CsvMalformedLineException | CsvMultilineLimitBrokenException e) {
                close();
                throw new UncheckedUnreadableFileException(new UnreadableFileException(
                        UnreadableReason.UNBALANCED_QUOTES,
                        "CSV " + file.getFileName() + " has a quoted field that does not end: " + e.getMessage(), e));
            } catch (CsvException e) {
                close();
                throw new UncheckedUnreadableFileException(new UnreadableFileException(
                        UnreadableReason.CORRUPT, "CSV " + file.getFileName() + " cannot be parsed: " + e, e));
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("Reading " + file, e);
            }
        }

        @Override
        public void close() {
            finished = true;
            next = null;
            if (open.remove(this)) {
                try {
                    reader.close();
                } catch (IOException e) {
                    // nothing was written; a failure to release a read handle changes no result
                }
            }
        }
    }
}
