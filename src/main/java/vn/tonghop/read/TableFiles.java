package vn.tonghop.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a clerk's file as a {@link TableFile}, deciding what it is by its content, never by its name: a zip
 * ({@code PK\3\4}) is an .xlsx, an OLE2 compound file ({@code D0 CF 11 E0}) an .xls or a password-protected
 * .xlsx, anything else is read as CSV text. A workbook's text typed in a legacy font is read as Unicode
 * ({@link LegacyFontWorkbook}), as a CSV's is. A file that cannot be read at all is refused with an
 * {@link UnreadableFileException} carrying one clear Vietnamese reason.
 *
 * <p>A real I/O failure (the file vanished, a disk error) is not the clerk's fault and is thrown as
 * {@link UncheckedIOException}, so that the run fails and is retried instead of rejecting the file.
 */
public final class TableFiles {

    /** How much of a CSV is read to detect its encoding and delimiter. */
    private static final int TEXT_SAMPLE_BYTES = 64 * 1024;
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP = {'P', 'K', 5, 6};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    /**
     * A CSV's encoding and delimiter as they were detected, or whether a workbook's text is in a legacy font: opens
     * it again as it was read (opaque outside this package).
     */
    public static final class Detected {
        final TextEncoding encoding;
        final char delimiter;
        final LegacyFontWorkbook.Decision workbookText;

        Detected(TextEncoding encoding, char delimiter) {
            this.encoding = encoding;
            this.delimiter = delimiter;
            this.workbookText = null;
        }

        Detected(LegacyFontWorkbook.Decision workbookText) {
            this.encoding = null;
            this.delimiter = 0;
            this.workbookText = workbookText;
        }
    }

    /**
     * Opens a file again with what was detected when it was first opened (its results are written from the same
     * reading), or as {@link #open(Path)} does when nothing is known.
     */
    public TableFile open(Path file, java.util.Optional<Detected> detected) throws UnreadableFileException {
        if (detected.isPresent() && Files.isRegularFile(file)) {
            Detected known = detected.get();
            if (known.encoding == null) {
                return open(file, known.workbookText);
            }
            return new CsvTableFile(file, known.encoding, known.delimiter);
        }
        return open(file);
    }

    public TableFile open(Path file) throws UnreadableFileException {
        return open(file, (LegacyFontWorkbook.Decision) null);
    }

    /** @param workbookText whether a workbook's text is in a legacy font, as an earlier reading found (null: find it) */
    private TableFile open(Path file, LegacyFontWorkbook.Decision workbookText) throws UnreadableFileException {
        String name = file.getFileName().toString();
        byte[] head;
        long size;
        try {
            size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(TEXT_SAMPLE_BYTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        if (size == 0) {
            throw new UnreadableFileException(UnreadableReason.EMPTY, "File " + name + " is empty (0 bytes)");
        }
        if (startsWith(head, ZIP)) {
            return LegacyFontWorkbook.of(XlsxTableFile.open(file), workbookText);
        }
        if (startsWith(head, EMPTY_ZIP)) {
            throw new UnreadableFileException(UnreadableReason.NOT_A_SPREADSHEET,
                    "File " + name + " is an empty zip archive, not a workbook");
        }
        if (startsWith(head, OLE2)) {
            return LegacyFontWorkbook.of(OleTableFiles.open(file), workbookText);
        }
        boolean wholeFile = head.length >= size;
        TextEncodingDetector.Detection detection = TextEncodingDetector.detect(head, wholeFile, name);
        char delimiter = DelimiterSniffer.sniff(detection.sampleText(), wholeFile);
        return new CsvTableFile(file, detection.encoding(), delimiter);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
