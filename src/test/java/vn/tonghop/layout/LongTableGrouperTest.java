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

    /** A line whose group is its unit and period as typed, stripped (the caller's reading of them, for these tests). */
    private static LongTableGrouper.Line line(int row, String unit, String period, String unitName, String indicator, String value) {
        String group = (unit == null ? "" : unit.strip()) + '\u0000' + (period == null ? "" : period.strip());
        return new LongTableGrouper.Line(row, group, unit, period, unitName, indicator, value);
    }

    /** An export sorted by indicator, then unit: every unit's rows are scattered over the whole file. */
    private static List<LongTableGrouper.Line> scattered() {
        List<LongTableGrouper.Line> lines = new ArrayList<>();
        String[] indicators = {"propaganda_sessions", "propaganda_attendees", "villages_total"};
        String[] units = {"02002", "01969", " 01975 "};
        int row = 2;
        for (String indicator : indicators) {
            for (String unit : units) {
                lines.add(line(row++, unit, "2023", null, indicator, String.valueOf(row)));
            }
        }
        lines.add(line(row, "01969", "2022", null, "propaganda_sessions", "1"));
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
            grouper.add(line(7, "02002", null, "Xã Cao Sơn", "Số buổi tuyên truyền", "1.800"));
            grouper.add(line(8, "02002", null, null, "x".repeat(70_000), ""));

            List<LongTableGrouper.Line> group = grouper.groups().next();

            assertThat(group).containsExactly(line(7, "02002", null, "Xã Cao Sơn", "Số buổi tuyên truyền", "1.800"),
                    line(8, "02002", null, null, "x".repeat(70_000), ""));
        }
    }

    @Test
    void groups_whenRowsTypeTheirPeriodDifferentlyUnderOneKey_thenOneGroupInFileOrderFromDiskAsInMemory() {
        for (int runLines : new int[] {LongTableGrouper.RUN_LINES, 1}) {
            try (LongTableGrouper grouper = new LongTableGrouper(runLines)) {
                grouper.add(new LongTableGrouper.Line(3, "02026\u00002023", "02026", "năm 2023", null, "households_total", "300"));
                grouper.add(new LongTableGrouper.Line(2, "02026\u00002023", "02026", "2023", null, "propaganda_sessions", "3"));
                grouper.add(new LongTableGrouper.Line(4, "02026\u00002023-Q1", "02026", "quý I/2023", null, "propaganda_sessions", "1"));

                List<String> groups = new ArrayList<>();
                grouper.groups().forEachRemaining(group -> groups.add(group.stream().map(l -> l.row() + ":" + l.period()).toList().toString()));

                assertThat(groups).as("runs of %d lines", runLines).containsExactly("[2:2023, 3:năm 2023]", "[4:quý I/2023]");
            }
        }
    }

    private static List<Path> runFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("tonghop-long-")).toList();
        }
    }
}
