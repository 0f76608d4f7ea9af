package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.tonghop.read.TableFile;
import vn.tonghop.read.TableFiles;
import vn.tonghop.form.ColumnRole;
import vn.tonghop.layout.LocatedTable;
import vn.tonghop.layout.TableShape;
import vn.tonghop.read.SheetRef;

/** The read step's tables, handed to the report step once, workbooks only, without what the report does not use. */
class LocatedTablesTest {

    private final LocatedTables tables = new LocatedTables();

    private static LocatedTable table() {
        return new LocatedTable(new SheetRef("Báo cáo năm 2023", 0, false), TableShape.WIDE, 3, Map.of(3, "propaganda_sessions"),
                Map.of(ColumnRole.UNIT_CODE, 1), Map.of(1, "Mã xã", 3, "Số buổi tuyên truyền"), List.of("Ghi chú"), List.of(),
                List.of("BÁO CÁO NĂM 2023"), List.of());
    }

    @Test
    void take_whenAWorkbooksTableWasRemembered_thenItIsHandedOverOnceWithItsColumns() {
        tables.remember(7, table(), Optional.empty());

        LocatedTable taken = tables.take(7).orElseThrow().table();

        assertThat(taken.sheet().name()).isEqualTo("Báo cáo năm 2023");
        assertThat(taken.headerLastRow()).isEqualTo(3);
        assertThat(taken.headers()).containsEntry(3, "Số buổi tuyên truyền").hasSize(2);
        assertThat(taken.indicatorColumns()).containsEntry(3, "propaganda_sessions");
        assertThat(taken.roleColumns()).containsEntry(ColumnRole.UNIT_CODE, 1);
        assertThat(taken.titleLines()).isEmpty();
        assertThat(tables.take(7)).isEmpty();
    }

    @Test
    void remember_whenTheFileIsACsv_thenHowItWasReadIsHandedOverWithItsTable() throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("bang", ".csv");
        try {
            java.nio.file.Files.write(csv, "Mã xã;Tên xã\n01969;Phủ Thông\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Optional<TableFiles.Detected> detected;
            try (TableFile file = new TableFiles().open(csv)) {
                detected = file.detected();
            }
            tables.remember(8, table(), detected);

            LocatedTables.Handover taken = tables.take(8).orElseThrow();

            assertThat(taken.table().headerLastRow()).isEqualTo(3);
            try (TableFile again = new TableFiles().open(csv, taken.detected())) {
                assertThat(again.delimiter()).isEqualTo(';');
                assertThat(again.encoding()).isEqualTo("UTF-8");
            }
        } finally {
            java.nio.file.Files.delete(csv);
        }
    }
}
