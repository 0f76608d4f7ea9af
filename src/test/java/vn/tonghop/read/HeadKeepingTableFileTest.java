package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A sheet read twice (header search, then the rows) is parsed once when short, and never loses or repeats a row. */
class HeadKeepingTableFileTest {

    private static final SheetRef SHEET = new SheetRef("Tổng hợp", 0, false);

    /** A sheet of {@code rows} numbered rows, counting how often it is parsed from the top. */
    private static final class CountingFile implements TableFile {
        private final int rows;
        int parses;

        CountingFile(int rows) {
            this.rows = rows;
        }

        @Override
        public List<SheetRef> sheets() {
            return List.of(SHEET);
        }

        @Override
        public CloseableIterator<RawRow> rows(SheetRef sheet) {
            parses++;
            return new CloseableIterator<>() {
                private int next = 1;

                @Override
                public boolean hasNext() {
                    return next <= rows;
                }

                @Override
                public RawRow next() {
                    int n = next++;
                    return new RawRow(SHEET.name(), n, List.of("dòng " + n));
                }

                @Override
                public void close() {
                }
            };
        }

        @Override
        public String format() {
            return "csv";
        }

        @Override
        public String encoding() {
            return "UTF-8";
        }

        @Override
        public char delimiter() {
            return ',';
        }

        @Override
        public void close() {
        }
    }

    private static List<Integer> read(TableFile file, int limit) {
        List<Integer> numbers = new ArrayList<>();
        try (CloseableIterator<RawRow> rows = file.rows(SHEET)) {
            while (rows.hasNext() && numbers.size() < limit) {
                numbers.add(rows.next().rowNumber());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return numbers;
    }

    @Test
    void rows_whenAShortSheetIsReadTwice_thenItIsParsedOnceAndReplayed() {
        CountingFile underlying = new CountingFile(25);
        HeadKeepingTableFile file = new HeadKeepingTableFile(underlying);

        assertThat(read(file, 40)).hasSize(25);
        assertThat(read(file, Integer.MAX_VALUE)).containsExactlyElementsOf(IntStream.rangeClosed(1, 25).boxed().toList());
        assertThat(underlying.parses).isEqualTo(1);
    }

    @Test
    void rows_whenTheFirstReadingStoppedEarly_thenTheSecondReplaysItsRowsAndGoesOnWithoutRepeatingOne() {
        CountingFile underlying = new CountingFile(300);
        HeadKeepingTableFile file = new HeadKeepingTableFile(underlying);

        assertThat(read(file, 40)).hasSize(40);
        assertThat(read(file, Integer.MAX_VALUE)).containsExactlyElementsOf(IntStream.rangeClosed(1, 300).boxed().toList());
        assertThat(underlying.parses).isEqualTo(2);
    }

    @Test
    void rows_whenTheFirstReadingWentPastTheRowsKept_thenTheSecondStillGivesEveryRowOnce() {
        CountingFile underlying = new CountingFile(100);
        HeadKeepingTableFile file = new HeadKeepingTableFile(underlying);

        assertThat(read(file, Integer.MAX_VALUE)).hasSize(100);
        assertThat(read(file, Integer.MAX_VALUE)).containsExactlyElementsOf(IntStream.rangeClosed(1, 100).boxed().toList());
        assertThat(read(file, 3)).containsExactly(1, 2, 3);
    }
}
