package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.TonghopSpringTest;

/**
 * The period of a report, end to end: from a period column, a title line or the file name, in that order; a
 * conflict between two of them is an error that names both.
 */
@TonghopSpringTest
class PeriodIngestTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    private IngestBed bed;

    private Cli.Result ingest(String fixture, String asName) {
        bed = new IngestBed(context, jdbc, work);
        bed.drop("063", fixture, asName);
        return bed.ingest();
    }

    @ParameterizedTest(name = "{0} as {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ky-tieu-de-nam.csv               | bach-thong.csv                  | 2023
            ky-tieu-de-6-thang.csv           | bach-thong.csv                  | 2024-H1
            ky-tieu-de-quy.csv               | bach-thong.csv                  | 2022-Q3
            ky-tieu-de-thang.csv             | bach-thong.csv                  | 2023-M11
            ky-ten-tep-quy-3-2022.csv        | ky-ten-tep-quy-3-2022.csv       | 2022-Q3
            ky-ten-tep-quy-3-2022.csv        | bach-thong-2023-11.csv          | 2023-M11
            ky-tieu-de-hon-ten-tep-2023.csv  | ky-tieu-de-hon-ten-tep-2023.csv | 2023-M11
            ky-dong-ngay-de-trong.csv        | bach-thong.csv                  | 2023-Q3
            """)
    void ingest_whenThePeriodIsStatedByTitleOrFileName_thenEveryRowHasIt(String fixture, String asName, String period) {
        Cli.Result result = ingest(fixture, asName);

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(bed.outcome(asName).period()).isEqualTo(period);
        assertThat(bed.periods(asName)).containsOnlyKeys(IngestBed.FIGURES.keySet()).allSatisfy((commune, p) -> assertThat(p).isEqualTo(period));
        assertThat(bed.values(asName)).isEqualTo(IngestBed.FIGURES);
        assertThat(bed.issues(asName)).isEmpty();
    }

    @Test
    void ingest_whenAPeriodColumn_thenEachRowHasItsOwnPeriod() {
        ingest("ky-cot.csv", "ky-cot.csv");

        assertThat(bed.outcome("ky-cot.csv").period()).isNull();
        assertThat(bed.periods("ky-cot.csv")).isEqualTo(Map.of("01969", "2022-Q3", "02002", "2022-Q3", "01975", "2022-Q3", "02005", "2022-Q3"));
        assertThat(bed.values("ky-cot.csv")).isEqualTo(IngestBed.FIGURES);
    }

    @Test
    void ingest_whenThePeriodColumnRefinesTheTitlesYear_thenTheColumnWins() {
        ingest("ky-cot-trong-nam.csv", "ky-cot-trong-nam.csv");

        assertThat(bed.outcome("ky-cot-trong-nam.csv").period()).isEqualTo("2023");
        assertThat(bed.periods("ky-cot-trong-nam.csv"))
                .isEqualTo(Map.of("01969", "2023-Q1", "02002", "2023-Q1", "01975", "2023-Q2", "02005", "2023-Q2"));
        assertThat(bed.issues("ky-cot-trong-nam.csv")).isEmpty();
    }

    @Test
    void ingest_whenTitleAndFileNameDisagree_thenTheFileIsRejectedNamingBoth() {
        Cli.Result result = ingest("ky-xung-dot-tieu-de-2022.csv", "bach-thong-2022.csv");

        assertThat(result.exitCode()).isEqualTo(4);
        IngestBed.Outcome outcome = bed.outcome("bach-thong-2022.csv");
        assertThat(outcome.status()).isEqualTo("rejected");
        assertThat(outcome.rejectReason()).isEqualTo("Kỳ báo cáo không thống nhất: dòng tiêu đề ghi \"năm 2023\" nhưng tên tệp ghi \"năm 2022\".");
        assertThat(bed.values("bach-thong-2022.csv")).isEmpty();
        assertThat(bed.filesUnder("rejected")).anyMatch(f -> f.endsWith("063/bach-thong-2022.csv"));
    }

    @Test
    void ingest_whenTwoTitleLinesNameDifferentPeriods_thenTheFileIsRejectedNamingBoth() {
        ingest("ky-xung-dot-hai-dong-tieu-de.csv", "bach-thong.csv");

        IngestBed.Outcome outcome = bed.outcome("bach-thong.csv");
        assertThat(outcome.status()).isEqualTo("rejected");
        assertThat(outcome.rejectReason())
                .isEqualTo("Kỳ báo cáo không thống nhất: một dòng tiêu đề ghi \"năm 2023\" nhưng một dòng tiêu đề khác ghi \"quý III/2022\".");
    }

    @Test
    void ingest_whenARowsPeriodIsOutsideTheTitles_thenThatRowIsRejectedNamingBoth() {
        ingest("ky-cot-xung-dot-tieu-de.csv", "bach-thong.csv");

        assertThat(bed.periods("bach-thong.csv")).isEqualTo(Map.of("01969", "2023", "01975", "2023", "02005", "2023"));
        assertThat(bed.issues("bach-thong.csv")).containsExactly(
                "error 6 row.period.conflict: Kỳ báo cáo của dòng (năm 2022) khác kỳ báo cáo của tệp (năm 2023).");
    }

    @Test
    void ingest_whenARowsPeriodIsOutsideTheFileNames_thenThatRowIsRejectedNamingBoth() {
        ingest("ky-cot-xung-dot-ten-tep-2022.csv", "bach-thong-2022.csv");

        assertThat(bed.periods("bach-thong-2022.csv")).isEqualTo(Map.of("01975", "2022-Q1"));
        assertThat(bed.issues("bach-thong-2022.csv")).containsExactly(
                "error 5 row.period.conflict: Kỳ báo cáo của dòng (năm 2023) khác kỳ báo cáo của tệp (năm 2022).",
                "error 6 row.period.conflict: Kỳ báo cáo của dòng (năm 2023) khác kỳ báo cáo của tệp (năm 2022).",
                "error 8 row.period.conflict: Kỳ báo cáo của dòng (năm 2023) khác kỳ báo cáo của tệp (năm 2022).");
    }

    @Test
    void ingest_whenNoPeriodAnywhere_thenTheFileIsRejectedSayingWhereToWriteIt() {
        ingest("khong-co-ky.csv", "bach-thong.csv");

        IngestBed.Outcome outcome = bed.outcome("bach-thong.csv");
        assertThat(outcome.status()).isEqualTo("rejected");
        assertThat(outcome.rejectReason()).isEqualTo("Không xác định được kỳ báo cáo: hãy ghi kỳ trong dòng tiêu đề (ví dụ \"NĂM 2023\","
                + " \"6 THÁNG ĐẦU NĂM 2024\"), trong cột \"Kỳ báo cáo\" hoặc trong tên tệp.");
    }
}
