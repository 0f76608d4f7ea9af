package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;

class MergedHeaderFillTest {

    private final Map<Integer, List<String>> out = new LinkedHashMap<>();

    @Test
    void accept_whenVerticalMergeOverARowTheFileDoesNotStore_thenThatRowIsSupplied() {
        MergedHeaderFill fill = new MergedHeaderFill(List.of(CellRangeAddress.valueOf("A1:A3")));
        fill.accept(0, cells("STT", "Tên xã"), out::put);
        fill.accept(2, cells("", "Mã"), out::put);
        fill.finish(out::put);
        assertThat(out).containsExactly(
                Map.entry(0, List.of("STT", "Tên xã")),
                Map.entry(1, List.of("STT")),
                Map.entry(2, List.of("STT", "Mã")));
    }

    @Test
    void accept_whenAcrossMergeHeadsOneCellOnly_thenNotSpread() {
        MergedHeaderFill fill = new MergedHeaderFill(List.of(CellRangeAddress.valueOf("A1:C1")));
        fill.accept(0, cells("CÔNG AN HUYỆN BẠCH THÔNG", "", "", "", "CỘNG HÒA"), out::put);
        fill.accept(1, cells("CÔNG AN XÃ CAO SƠN", "", "", "", "Độc lập"), out::put);
        fill.finish(out::put);
        assertThat(out.get(0)).containsExactly("CÔNG AN HUYỆN BẠCH THÔNG", "", "", "", "CỘNG HÒA");
    }

    @Test
    void accept_whenMergedCellHoldsANumber_thenNeverSpread() {
        MergedHeaderFill fill = new MergedHeaderFill(List.of(CellRangeAddress.valueOf("C1:C2")));
        fill.accept(0, cells("STT", "Tên xã", "336"), out::put);
        fill.accept(1, cells("1", "Xã Cao Sơn"), out::put);
        fill.finish(out::put);
        assertThat(out.get(1)).containsExactly("1", "Xã Cao Sơn");
    }

    @Test
    void accept_whenMergeStartsBelowTheHeaderArea_thenIgnored() {
        MergedHeaderFill fill = new MergedHeaderFill(List.of(CellRangeAddress.valueOf("A40:A41")));
        fill.accept(39, cells("Huyện Bạch Thông", "1"), out::put);
        fill.accept(40, cells("", "2"), out::put);
        fill.finish(out::put);
        assertThat(out.get(40)).containsExactly("", "2");
    }

    private static List<String> cells(String... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
