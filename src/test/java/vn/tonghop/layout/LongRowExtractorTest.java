package vn.tonghop.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.tonghop.form.FormLoader;
import vn.tonghop.normalise.Period;
import vn.tonghop.read.TableFile;
import vn.tonghop.read.TableFiles;

/**
 * A long table's rows are gathered by the commune and period they mean, not as typed: {@code 2023} and
 * {@code năm 2023} are one annual report, {@code 2026} and {@code 02026} one commune, a blank period cell the file's.
 */
class LongRowExtractorTest {

    @TempDir
    Path work;

    /** Each row read as "first row, period cell: indicator=value@row, ...". */
    private List<String> rows(String csv, Period filePeriod) throws Exception {
        Path file = work.resolve("e3-xuat-2023.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        HeaderVocabulary vocabulary = new HeaderVocabulary(new FormLoader().load(Path.of("jobs/antq-01.yaml")));
        List<String> rows = new ArrayList<>();
        try (TableFile table = new TableFiles().open(file)) {
            LocatedTable located = new TableLocator(vocabulary).locate(table).orElseThrow();
            assertThat(located.shape()).isEqualTo(TableShape.LONG);
            try (RowExtractor extractor = new RowExtractor(table, located, vocabulary, filePeriod)) {
                extractor.forEachRemaining(row -> {
                    List<String> cells = new ArrayList<>();
                    row.cells().forEach((code, cell) -> cells.add(code + "=" + cell.raw() + "@" + cell.rowNumber()));
                    row.unknownIndicators().forEach(cell -> cells.add("unknown " + cell.column() + "=" + cell.raw() + "@" + cell.rowNumber()));
                    rows.add(row.rowNumber() + ", " + row.unitCode().raw() + " " + row.period().raw() + ": " + String.join(", ", cells));
                });
            }
        }
        return rows;
    }

    @Test
    void rows_whenALongTableTypesOneCommuneAndPeriodInSeveralWays_thenTheyAreOneRowWithAllItsValues() throws Exception {
        List<String> rows = rows("""
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                02026,2023,propaganda_sessions,3
                02026,năm 2023,households_total,300
                02026,quý I/2023,propaganda_sessions,1
                2026,Năm 2023,villages_total,6
                02026,,villages_safe,5
                """, Period.ofYear(2023));

        assertThat(rows).containsExactly(
                "2, 02026 2023: propaganda_sessions=3@2, households_total=300@3, villages_total=6@5, villages_safe=5@6",
                "4, 02026 quý I/2023: propaganda_sessions=1@4");
    }

    @Test
    void rows_whenALongTableGivesAnIndicatorTwiceForOnePeriodTypedTwoWays_thenTheSecondIsKeptAsARepeatInTheSameRow() throws Exception {
        List<String> rows = rows("""
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                02026,2023,propaganda_sessions,3
                02026,năm 2023,propaganda_sessions,4
                """, null);

        assertThat(rows).containsExactly("2, 02026 2023: propaganda_sessions=3@2, unknown propaganda_sessions=4@3");
    }

    @Test
    void rows_whenAPeriodCellIsUnreadable_thenItsRowsStayApartForTheValidatorToReport() throws Exception {
        List<String> rows = rows("""
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                02026,2023,propaganda_sessions,3
                02026,cả năm,households_total,300
                02026, cả năm ,villages_total,6
                """, null);

        assertThat(rows).containsExactly(
                "2, 02026 2023: propaganda_sessions=3@2",
                "3, 02026 cả năm: households_total=300@3, villages_total=6@4");
    }
}
