package vn.tonghop.read;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A workbook whose text may have been typed in a legacy font: an old office's clerk types in {@code .VnTime}
 * (TCVN3) or {@code VNI-Times} (VNI), and the cells then hold the font's codes as Latin-1 characters
 * ({@code Tªn x·}, {@code X· Xu©n L¹c}). Read as Unicode, as a CSV in the same font is.
 *
 * <p>Decided once per file, from the first {@value #SAMPLE_ROWS} rows of the first sheet read (the title and the
 * header), by the CSV's own test ({@link TextEncodingDetector#legacyFont}): a font is chosen only when it reads
 * clearly more real Vietnamese syllables than the cells as they are. A Unicode workbook, the usual one, costs that
 * look at its first rows and nothing more: not one cell of it is converted.
 *
 * <p>In a workbook typed in a font, each cell is converted unless it reads better as it is (a number, a name typed
 * later in Unicode). Whether a cell that reads as well both ways is converted depends on what the sample showed: if
 * every cell of it was in the font, the workbook is legacy throughout and the font wins ({@code Cã} is TCVN3's
 * "Có"); if some were Unicode, the workbook is mixed and the cell stays as typed ({@code Tên xã} is not TCVN3's
 * "Tờn xó"). Sheet names are left as they are: they name the sheets, in the results too.
 */
final class LegacyFontWorkbook implements TableFile {

    /** Rows sampled to decide: the title rows and the header, and some rows under them. */
    static final int SAMPLE_ROWS = 32;

    /**
     * What a workbook's text was found to be: typed in {@code font} (null: Unicode, left alone) and, if so, whether
     * in that font throughout.
     */
    record Decision(LegacyFont font, boolean throughout) {

        static final Decision UNICODE = new Decision(null, false);

        /** What {@link TableFile#encoding()} says: the font's name, or null for Unicode as for any workbook. */
        String label() {
            return font == null ? null : font.label();
        }
    }

    private final TableFile workbook;
    /** Null until a sample held text that could be in a font (a workbook of numbers and ASCII has nothing to decide). */
    private Decision decision;
    private CellDecoder decoder;

    private LegacyFontWorkbook(TableFile workbook, Decision known) {
        this.workbook = workbook;
        decide(known);
    }

    /** The workbook read as Unicode; {@code known} is the decision of an earlier reading of the same file, or null. */
    static TableFile of(TableFile workbook, Decision known) {
        return new LegacyFontWorkbook(workbook, known);
    }

    private void decide(Decision found) {
        decision = found;
        decoder = found == null || found.font() == null ? null : new CellDecoder(false, found.font(), found.throughout());
    }

    @Override
    public List<SheetRef> sheets() {
        return workbook.sheets();
    }

    @Override
    public CloseableIterator<RawRow> rows(SheetRef sheet) throws IOException {
        CloseableIterator<RawRow> rows = workbook.rows(sheet);
        if (decision != null && decoder == null) {
            return rows;
        }
        List<RawRow> sample = new ArrayList<>();
        if (decision == null) {
            try {
                while (sample.size() < SAMPLE_ROWS && rows.hasNext()) {
                    sample.add(rows.next());
                }
            } catch (RuntimeException e) {
                rows.close();
                throw e;
            }
            decide(decideFrom(sample));
        }
        return new Decoded(sample, rows, decoder);
    }

    /** The decision a sample supports, or null if it holds no text that a font would read differently. */
    static Decision decideFrom(List<RawRow> sample) {
        StringBuilder text = null;
        for (RawRow row : sample) {
            for (String cell : row.cells()) {
                if (CellDecoder.hasLegacyCodes(cell)) {
                    text = text == null ? new StringBuilder() : text;
                    text.append(cell).append('\n');
                }
            }
        }
        if (text == null) {
            return null;
        }
        LegacyFont font = TextEncodingDetector.legacyFont(text.toString(), false);
        if (font == null) {
            return Decision.UNICODE;
        }
        for (RawRow row : sample) {
            for (String cell : row.cells()) {
                if (typedInUnicode(cell, font)) {
                    return new Decision(font, false);
                }
            }
        }
        return new Decision(font, true);
    }

    /** A cell that only Unicode can hold ({@code Số hộ}), or that reads better as it is than in the font. */
    private static boolean typedInUnicode(String cell, LegacyFont font) {
        if (CellDecoder.isUnicodeVietnamese(cell)) {
            return true;
        }
        return CellDecoder.hasLegacyCodes(cell)
                && VietnameseSyllables.score(cell) > VietnameseSyllables.score(font.convert(cell));
    }

    /** The sampled rows, then the rest, each cell converted by {@code decoder} (none: as they are). */
    private static final class Decoded implements CloseableIterator<RawRow> {
        private final List<RawRow> sample;
        private final CloseableIterator<RawRow> rest;
        private final CellDecoder decoder;
        private int replayed;

        Decoded(List<RawRow> sample, CloseableIterator<RawRow> rest, CellDecoder decoder) {
            this.sample = sample;
            this.rest = rest;
            this.decoder = decoder;
        }

        @Override
        public boolean hasNext() {
            return replayed < sample.size() || rest.hasNext();
        }

        @Override
        public RawRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            RawRow row = replayed < sample.size() ? sample.get(replayed++) : rest.next();
            return decoder == null ? row : decode(row);
        }

        private RawRow decode(RawRow row) {
            List<String> cells = null;
            for (int i = 0; i < row.cells().size(); i++) {
                String cell = row.cells().get(i);
                // the reader's own rendering of a TRUE/FALSE cell, never typed in a font ("Có" would read "Cú")
                if (!CellDecoder.hasLegacyCodes(cell) || cell.equals(CellText.YES) || cell.equals(CellText.NO)) {
                    continue;
                }
                String decoded = decoder.decode(cell);
                if (!decoded.equals(cell)) {
                    cells = cells == null ? new ArrayList<>(row.cells()) : cells;
                    cells.set(i, decoded);
                }
            }
            return cells == null ? row : new RawRow(row.sheet(), row.rowNumber(), cells);
        }

        @Override
        public void close() {
            rest.close();
        }
    }

    @Override
    public String format() {
        return workbook.format();
    }

    /** The font the workbook's text was typed in ({@code "TCVN3"}, {@code "VNI"}), or null: Unicode, as any workbook. */
    @Override
    public String encoding() {
        return decision == null ? null : decision.label();
    }

    @Override
    public char delimiter() {
        return workbook.delimiter();
    }

    /** Once decided, the decision: the file opened again for its results reads as it was read. */
    @Override
    public Optional<TableFiles.Detected> detected() {
        return decision == null ? Optional.empty() : Optional.of(new TableFiles.Detected(decision));
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
