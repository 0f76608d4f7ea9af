package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two ways a sheet's rows are handed over: held after a parse on the caller's thread, or from a reader thread. */
class XlsxRowsTest {

    @Test
    void aSmallSheetIsParsedOnTheCallersThreadAndItsRowsHeld() {
        List<Thread> parsedOn = new ArrayList<>();
        List<XlsxRows> closed = new ArrayList<>();
        XlsxRows rows = new XlsxRows("bao-cao.xlsx", "Báo cáo", sink -> {
            parsedOn.add(Thread.currentThread());
            sink.row(0, List.of("Tên xã", "Số buổi"));
            sink.row(1, List.of("", ""));            // an empty row is not handed over
            sink.row(4, List.of("Xã Bằng Lãng", "3", "", ""));
        }, closed::add);

        rows.parseHere();

        assertThat(parsedOn).containsExactly(Thread.currentThread());
        assertThat(drain(rows)).containsExactly(
                new RawRow("Báo cáo", 1, List.of("Tên xã", "Số buổi")),
                new RawRow("Báo cáo", 5, List.of("Xã Bằng Lãng", "3")));
        assertThat(closed).containsExactly(rows); // the end closes it, as a reader thread's end does
    }

    @Test
    void aHeldSheetsFailureComesAfterTheRowsBeforeIt() {
        XlsxRows broken = new XlsxRows("hong.xlsx", "Báo cáo", sink -> {
            sink.row(0, List.of("Tên xã"));
            throw new IOException("unexpected end of the part");
        }, r -> { });
        broken.parseHere();

        assertThat(broken.next()).isEqualTo(new RawRow("Báo cáo", 1, List.of("Tên xã")));
        assertThatThrownBy(broken::hasNext).isInstanceOf(UncheckedUnreadableFileException.class)
                .hasMessageContaining("hong.xlsx");

        XlsxRows gone = new XlsxRows("mat.xlsx", "Báo cáo", sink -> {
            throw new NoSuchFileException("mat.xlsx");
        }, r -> { });
        gone.parseHere();
        assertThatThrownBy(gone::hasNext).isInstanceOf(UncheckedIOException.class).hasMessageContaining("mat.xlsx");
    }

    @Test
    void aLargeSheetIsParsedOnAReaderThreadAsItIsRead() {
        List<Thread> parsedOn = new ArrayList<>();
        XlsxRows rows = new XlsxRows("lon.xlsx", "Dữ liệu", sink -> {
            parsedOn.add(Thread.currentThread());
            for (int r = 0; r < 1_000; r++) {
                sink.row(r, List.of("Xã " + r, Integer.toString(r)));
            }
        }, r -> { });

        rows.start();

        List<RawRow> all = drain(rows);
        assertThat(all).hasSize(1_000);
        assertThat(all.get(999)).isEqualTo(new RawRow("Dữ liệu", 1_000, List.of("Xã 999", "999")));
        assertThat(parsedOn).hasSize(1).first().satisfies(t -> {
            assertThat(t).isNotEqualTo(Thread.currentThread());
            assertThat(t.getName()).isEqualTo("xlsx-reader-Dữ liệu");
        });
    }

    private static List<RawRow> drain(XlsxRows rows) {
        List<RawRow> all = new ArrayList<>();
        while (rows.hasNext()) {
            all.add(rows.next());
        }
        return all;
    }
}
