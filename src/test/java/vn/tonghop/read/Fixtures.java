package vn.tonghop.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens the fixtures under {@code src/test/resources/read/} and reads them whole, for assertions. */
final class Fixtures {

    private Fixtures() {
    }

    static Path fixture(String name) {
        URL url = Fixtures.class.getResource("/read/" + name);
        if (url == null) {
            throw new IllegalArgumentException("No fixture read/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static TableFile open(String name) throws UnreadableFileException {
        return new TableFiles().open(fixture(name));
    }

    static List<RawRow> rows(TableFile file, SheetRef sheet) {
        List<RawRow> rows = new ArrayList<>();
        try (CloseableIterator<RawRow> it = file.rows(sheet)) {
            it.forEachRemaining(rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static List<RawRow> rows(TableFile file) {
        return rows(file, file.sheets().get(0));
    }

    static RawRow row(List<RawRow> rows, int rowNumber) {
        return rows.stream().filter(r -> r.rowNumber() == rowNumber).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + rowNumber + " in " + rows));
    }

    static List<Integer> rowNumbers(List<RawRow> rows) {
        return rows.stream().map(RawRow::rowNumber).toList();
    }
}
