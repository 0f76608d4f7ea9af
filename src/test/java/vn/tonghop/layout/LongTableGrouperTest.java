package vn.tonghop.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LongTableGrouperTest {

    /** An export sorted by indicator, then unit: every unit's rows are scattered over the whole file. */
    private static List<LongTableGrouper.Line> scattered() {
        List<LongTableGrouper.Line> lines = new ArrayList<>();
        String[] indicators = {"propaganda_sessions", "propaganda_attendees", "villages_total"};
        String[] units = {"02002", "01969", " 01975 "};
        int row = 2;
        for (String indicator : indicators) {
            for (String unit : units) {
                lines.add(new LongTableGrouper.Line(row++, unit, "2023", null, indicator, String.valueOf(row)));
            }
        }
        lines.add(new LongTableGrouper.Line(row, "01969", "2022", null, "propaganda_sessions", "1"));
        return lines;
    }

    private static List<String> describe(LongTableGrouper grouper) {
        List<String> groups = new ArrayList<>();
        for (Iterator<List<LongTableGrouper.Line>> it = grouper.groups(); it.hasNext(); ) {
            List<LongTableGrouper.Line> group = it.next();
            groups.add(group.get(0).unitCode().strip() + "/" + group.get(0).period() + ":"
                    + group.stream().map(l -> String.valueOf(l.row())).reduce((a, b) -> a + "," + b).orElseThrow());
        }
        return groups;
    }

    @Test
    void groups_whenAUnitsRowsAreScatteredAndTheTableFitsInMemory_thenGatheredByUnitAndPeriodInFileOrder() {
        try (LongTableGrouper grouper = new LongTableGrouper(LongTableGrouper.RUN_LINES)) {
            scattered().forEach(grouper::add);

            assertThat(describe(grouper)).containsExactly("01969/2022:11", "01969/2023:3,6,9", "01975/2023:4,7,10", "02002/2023:2,5,8");
        }
    }

    @Test
    void groups_whenTheTableIsLargerThanARun_thenSortedOnDiskWithTheSameGroups() throws IOException {
        List<Path> before = runFiles();
        try (LongTableGrouper grouper = new LongTableGrouper(3)) {
            scattered().forEach(grouper::add);
            assertThat(runFiles()).hasSize(before.size() + 3);

            assertThat(describe(grouper)).containsExactly("01969/2022:11", "01969/2023:3,6,9", "01975/2023:4,7,10", "02002/2023:2,5,8");
        }
        assertThat(runFiles()).as("temporary runs deleted on close").containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void groups_whenCellsAreMissingOrNonAscii_thenTheyComeBackFromDiskAsTyped() {
        try (LongTableGrouper grouper = new LongTableGrouper(1)) {
            grouper.add(new LongTableGrouper.Line(7, "02002", null, "Xã Cao Sơn", "Số buổi tuyên truyền", "1.800"));
            grouper.add(new LongTableGrouper.Line(8, "02002", null, null, "x".repeat(70_000), ""));

            List<LongTableGrouper.Line> group = grouper.groups().next();

            assertThat(group).containsExactly(new LongTableGrouper.Line(7, "02002", null, "Xã Cao Sơn", "Số buổi tuyên truyền", "1.800"),
                    new LongTableGrouper.Line(8, "02002", null, null, "x".repeat(70_000), ""));
        }
    }

    private static List<Path> runFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("tonghop-long-")).toList();
        }
    }
}
