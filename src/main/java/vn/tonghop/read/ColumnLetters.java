package vn.tonghop.read;

/**
 * A spreadsheet column's letters ("A", "Z", "AA", "XFD") from its 0-based index: what a clerk sees above her
 * columns, named in her results and in the sheets tonghop writes. The first columns' letters are made once: every cell
 * read or written names its column.
 */
public final class ColumnLetters {

    private static final String[] FIRST = new String[256];

    static {
        for (int i = 0; i < FIRST.length; i++) {
            FIRST[i] = letters(i);
        }
    }

    private ColumnLetters() {
    }

    /** 0 → A, 25 → Z, 26 → AA. */
    public static String of(int index) {
        return index >= 0 && index < FIRST.length ? FIRST[index] : letters(index);
    }

    private static String letters(int index) {
        StringBuilder letters = new StringBuilder(3);
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}
