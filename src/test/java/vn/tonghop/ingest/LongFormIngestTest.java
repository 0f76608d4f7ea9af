package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.TonghopSpringTest;

/**
 * A long-form file (one value per line) naming an indicator the form does not have: that line is reported and left
 * out, the commune's other values taken — as a wide file's unknown column is. The same indicator given twice for one
 * commune and period is ambiguous, and rejects the commune's values.
 */
@TonghopSpringTest
class LongFormIngestTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    @Test
    void ingest_whenALineNamesAnIndicatorTheFormLacks_thenItIsAWarningAndTheOtherValuesAreLoaded() {
        IngestBed bed = new IngestBed(context, jdbc, work);
        bed.write("063", "vi-huong-2023.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                01975,2023,propaganda_sessions,21
                01975,2023,propaganda_attendees,775
                01975,2023,so_vu_chay_rung,3
                01975,2023,households_total,512
                """.getBytes(StandardCharsets.UTF_8));

        Cli.Result result = bed.ingest();

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        IngestBed.Outcome outcome = bed.outcome("vi-huong-2023.csv");
        assertThat(outcome.status()).isEqualTo("applied");
        assertThat(outcome.rowsAccepted()).isEqualTo(1);
        assertThat(outcome.warnings()).isEqualTo(1);
        assertThat(bed.values("vi-huong-2023.csv"))
                .isEqualTo(Map.of("01975", Map.of("propaganda_sessions", 21L, "propaganda_attendees", 775L, "households_total", 512L)));
        assertThat(bed.issues("vi-huong-2023.csv")).containsExactly(
                "warning 4 cell.unknownIndicator: Chỉ tiêu \"so_vu_chay_rung\" không có trong biểu mẫu ANTQ-01; giá trị này không được nạp.");
        assertThat(bed.filesUnder("archive")).anyMatch(f -> f.endsWith("063/vi-huong-2023.ketqua.csv"));
    }

    @Test
    void ingest_whenALineRepeatsAnIndicatorOfTheSameCommuneAndPeriod_thenTheCommunesValuesAreRejected() {
        IngestBed bed = new IngestBed(context, jdbc, work);
        bed.write("063", "vi-huong-2023.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                01975,2023,propaganda_sessions,21
                01975,2023,propaganda_sessions,12
                02005,2023,propaganda_sessions,25
                """.getBytes(StandardCharsets.UTF_8));

        bed.ingest();

        assertThat(bed.values("vi-huong-2023.csv")).isEqualTo(Map.of("02005", Map.of("propaganda_sessions", 25L)));
        String message = "Chỉ tiêu \"propaganda_sessions\" được ghi nhiều lần cho cùng xã và kỳ báo cáo (dòng 2, 3; giá trị \"21\", \"12\"); "
                + "mỗi chỉ tiêu chỉ được ghi một lần, nên các giá trị của xã cho kỳ này đều bị từ chối.";
        assertThat(bed.issues("vi-huong-2023.csv")).containsExactly(
                "error 2 cell.repeatedIndicator: " + message,
                "error 3 cell.repeatedIndicator: " + message);
    }

    @Test
    void ingest_whenOneCommunesLinesTypeTheSamePeriodTwoWays_thenTheyAreOneReportWithAllItsValues() {
        IngestBed bed = new IngestBed(context, jdbc, work);
        bed.write("064", "e3-xuat-2023.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                02020,2023,propaganda_sessions,3
                02020,năm 2023,households_total,300
                """.getBytes(StandardCharsets.UTF_8));

        Cli.Result result = bed.ingest();

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        IngestBed.Outcome outcome = bed.outcome("e3-xuat-2023.csv");
        assertThat(outcome.status()).isEqualTo("applied");
        assertThat(outcome.rowsAccepted()).isEqualTo(1);
        assertThat(outcome.rowsRejected()).isZero();
        assertThat(bed.values("e3-xuat-2023.csv")).isEqualTo(Map.of("02020", Map.of("propaganda_sessions", 3L, "households_total", 300L)));
        assertThat(bed.periods("e3-xuat-2023.csv")).isEqualTo(Map.of("02020", "2023"));
        assertThat(bed.issues("e3-xuat-2023.csv")).isEmpty();
    }

    @Test
    void ingest_whenAnIndicatorIsGivenTwiceUnderTwoSpellingsOfOnePeriod_thenTheIndicatorAndBothLinesAreNamedNotTheCommunesRows() {
        IngestBed bed = new IngestBed(context, jdbc, work);
        bed.write("064", "e3-xuat-2023.csv", """
                ma_don_vi,ky_bao_cao,chi_tieu,gia_tri
                02020,2023,propaganda_sessions,3
                02020,2023,households_total,300
                02056,2023,propaganda_sessions,9
                02020,năm 2023,propaganda_sessions,4
                """.getBytes(StandardCharsets.UTF_8));

        bed.ingest();

        assertThat(bed.values("e3-xuat-2023.csv")).isEqualTo(Map.of("02056", Map.of("propaganda_sessions", 9L)));
        String message = "Chỉ tiêu \"propaganda_sessions\" được ghi nhiều lần cho cùng xã và kỳ báo cáo (dòng 2, 5; giá trị \"3\", \"4\"); "
                + "mỗi chỉ tiêu chỉ được ghi một lần, nên các giá trị của xã cho kỳ này đều bị từ chối.";
        assertThat(bed.issues("e3-xuat-2023.csv")).containsExactly(
                "error 2 cell.repeatedIndicator: " + message,
                "error 5 cell.repeatedIndicator: " + message);
        assertThat(bed.outcome("e3-xuat-2023.csv").rowsRejected()).isEqualTo(1);
    }
}
