package vn.tonghop.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.tonghop.form.FormLoader;
import vn.tonghop.form.ReportForm;
import vn.tonghop.layout.RowKind;
import vn.tonghop.layout.SourceCell;
import vn.tonghop.layout.SubmittedRow;

/**
 * A file's total row (Cộng, Tổng cộng) is compared with the sums of the rows above it as the clerk typed them: a
 * mismatch is a warning naming the stated and the computed figure; flags are counted.
 */
class TotalRowCheckTest {

    private static final String SESSIONS = "Số buổi tuyên truyền, phổ biến pháp luật";
    private static final String HOUSES = "Số nhà xây cho hộ nghèo, khó khăn";
    private static final String COMMUNE_SAFE = "Xã đạt chuẩn \"An toàn về ANTT\"";

    private static ReportForm form;
    private TotalRowCheck check;

    @BeforeAll
    static void loadForm() throws IOException {
        form = new FormLoader().load(Path.of("jobs/antq-01.yaml"));
    }

    @BeforeEach
    void newFile() {
        check = new TotalRowCheck(form, Messages.vietnamese());
    }

    private static SubmittedRow row(RowKind kind, int rowNumber, String name, String... indicatorAndRaw) {
        Map<String, SourceCell> cells = new LinkedHashMap<>();
        for (int i = 0; i < indicatorAndRaw.length; i += 2) {
            String header = form.indicator(indicatorAndRaw[i]).orElseThrow().header();
            cells.put(indicatorAndRaw[i], new SourceCell(rowNumber, header, String.valueOf((char) ('D' + i / 2)), indicatorAndRaw[i + 1]));
        }
        return new SubmittedRow(kind, "Sheet1", rowNumber, null, new SourceCell(rowNumber, "Tên xã", "C", name), null, null, cells,
                List.of());
    }

    private void addCommunes() {
        check.add(row(RowKind.DATA, 6, "Xã Cao Sơn", "propaganda_sessions", "07", "houses_for_poor", "1.800", "commune_safe", "x",
                "villages_safe", "6/6"));
        check.add(row(RowKind.DATA, 7, "Xã Đồng Thành", "propaganda_sessions", "21", "houses_for_poor", "200", "commune_safe", "Không",
                "villages_safe", "10/10"));
        check.add(row(RowKind.DATA, 8, "Xã Yên Thượng", "propaganda_sessions", "", "houses_for_poor", "", "commune_safe", "Đạt",
                "villages_safe", "4"));
    }

    @Test
    void check_whenTotalRowEqualsColumnSums_thenNoWarning() {
        addCommunes();

        List<Issue> issues = check.check(row(RowKind.TOTAL, 9, "Tổng cộng", "propaganda_sessions", "28", "houses_for_poor", "2.000",
                "commune_safe", "2", "villages_safe", "20"));

        assertThat(issues).isEmpty();
    }

    @Test
    void check_whenTotalRowDiffersFromColumnSum_thenWarningWithStatedAndComputedFigures() {
        addCommunes();

        List<Issue> issues = check.check(row(RowKind.TOTAL, 9, "Cộng", "propaganda_sessions", "30", "houses_for_poor", "2.000"));

        assertThat(issues).extracting(Issue::severity, Issue::code, Issue::rowNumber, Issue::column, Issue::cellValue, Issue::message)
                .containsExactly(tuple(Severity.WARNING, "total.mismatch", 9, SESSIONS, "30",
                        "Dòng tổng cộng ghi 30 ở cột \"" + SESSIONS + "\" nhưng cộng các dòng được 28."));
    }

    @Test
    void check_whenThousandsDiffer_thenBothFiguresWrittenWithVietnameseGrouping() {
        addCommunes();

        List<Issue> issues = check.check(row(RowKind.TOTAL, 9, "Cộng", "houses_for_poor", "2.100"));

        assertThat(issues).extracting(Issue::message)
                .containsExactly("Dòng tổng cộng ghi 2.100 ở cột \"" + HOUSES + "\" nhưng cộng các dòng được 2.000.");
    }

    @Test
    void check_whenFlagTotalIsNotTheNumberOfYesAnswers_thenWarning() {
        addCommunes();

        List<Issue> issues = check.check(row(RowKind.TOTAL, 9, "Cộng", "commune_safe", "3"));

        assertThat(issues).extracting(Issue::message)
                .containsExactly("Dòng tổng cộng ghi 3 ở cột \"" + COMMUNE_SAFE + "\" nhưng cộng các dòng được 2.");
    }

    @Test
    void check_whenTotalCellEmpty_thenNothingToCompare() {
        addCommunes();

        List<Issue> issues = check.check(row(RowKind.TOTAL, 9, "Cộng", "propaganda_sessions", "", "houses_for_poor", " "));

        assertThat(issues).isEmpty();
    }

    @Test
    void check_whenColumnHasNoDataButTotalStatesAFigure_thenComparedWithZero() {
        addCommunes();

        List<Issue> issues = check.check(row(RowKind.TOTAL, 9, "Cộng", "thefts", "5"));

        assertThat(issues).extracting(Issue::message).containsExactly(
                "Dòng tổng cộng ghi 5 ở cột \"Số vụ trộm cắp tài sản\" nhưng cộng các dòng được 0.");
    }
}
