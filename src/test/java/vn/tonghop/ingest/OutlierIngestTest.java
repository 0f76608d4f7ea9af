package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.support.Cli;
import vn.tonghop.support.TonghopSpringTest;

/**
 * Outliers are warnings (SPEC §5): a value ten times or more the commune's previous comparable value (the same period a
 * year before, as it stood when the file came in), or ten times or more the median of the file's own communes. The
 * row is accepted; the warning names the commune, the indicator, the value and what it was compared with.
 */
@TonghopSpringTest
class OutlierIngestTest {

    private static final String HEADER = "Mã xã,Tên xã,\"Số buổi tuyên truyền, phổ biến pháp luật\",Tổng số hộ gia đình,"
            + "Số hộ ký cam kết an toàn về ANTT\n";

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    private IngestBed bed;

    private static byte[] csv(String title, String... rows) {
        return ("BÁO CÁO KẾT QUẢ PHONG TRÀO TOÀN DÂN BẢO VỆ AN NINH TỔ QUỐC " + title + "\n" + HEADER + String.join("\n", rows) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private List<String> outliers(String fileName) {
        return bed.issues(fileName).stream().filter(issue -> issue.contains(" outlier.")).toList();
    }

    @Test
    void ingest_whenOneCommuneReportsTenTimesTheFilesMedian_thenItsCellIsWarnedAndTheRowAccepted() {
        bed = new IngestBed(context, jdbc, work);
        bed.write("063", "bach-thong-2023.csv", csv("NĂM 2023",
                "01969,Phủ Thông,10,300,200",
                "01975,Vi Hương,12,310,200",
                "01978,Sĩ Bình,11,320,200",
                "02002,Cao Sơn,9,4000,200",
                "02005,Quân Hà,150,330,200"));

        Cli.Result result = bed.ingest();

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(outliers("bach-thong-2023.csv")).containsExactly(
                "warning 6 outlier.peers: Xã Cao Sơn: Tổng số hộ gia đình = 4.000, cao bất thường so với các xã khác trong tệp "
                        + "(trung vị 320); hãy kiểm tra lại.",
                "warning 7 outlier.peers: Xã Quân Hà: Số buổi tuyên truyền, phổ biến pháp luật = 150, cao bất thường so với các xã "
                        + "khác trong tệp (trung vị 11); hãy kiểm tra lại.");
        assertThat(bed.outcome("bach-thong-2023.csv").rowsAccepted()).isEqualTo(5);
        assertThat(bed.outcome("bach-thong-2023.csv").warnings()).isEqualTo(2);
        assertThat(bed.values("bach-thong-2023.csv").get("02005")).containsEntry("propaganda_sessions", 150L);
        assertThat(jdbc.queryForObject("""
                SELECT i.column_name || ' ' || i.cell_value || ' ' || i.commune_code || ' ' || i.sheet FROM issue i
                WHERE i.code = 'outlier.peers' AND i.commune_code = '02005'""", String.class))
                .isEqualTo("Số buổi tuyên truyền, phổ biến pháp luật 150 02005 bach-thong-2023");
    }

    @Test
    void ingest_whenAnEvenNumberOfPeers_thenTheMedianIsTheMeanOfTheMiddleTwo() {
        bed = new IngestBed(context, jdbc, work);
        bed.write("063", "bach-thong-2023.csv", csv("NĂM 2023",
                "01969,Phủ Thông,10,,",
                "01975,Vi Hương,11,,",
                "01978,Sĩ Bình,12,,",
                "02002,Cao Sơn,115,,"));

        bed.ingest();

        assertThat(outliers("bach-thong-2023.csv")).containsExactly(
                "warning 6 outlier.peers: Xã Cao Sơn: Số buổi tuyên truyền, phổ biến pháp luật = 115, cao bất thường so với các xã "
                        + "khác trong tệp (trung vị 11,5); hãy kiểm tra lại.");
    }

    @Test
    void ingest_whenFewerThanFourCommunesReportAnIndicatorOrARowIsRejected_thenTheyAreNoPeers() {
        bed = new IngestBed(context, jdbc, work);
        bed.write("063", "bach-thong-2023.csv", csv("NĂM 2023",
                "01969,Phủ Thông,10,300,",
                "01975,Vi Hương,12,,",
                "01978,Sĩ Bình,,310,",
                "02002,Cao Sơn,900,3000,",
                // rejected (more households signed than households): its 5.000 sessions compare with nothing
                "02005,Quân Hà,5000,10,20"));

        bed.ingest();

        assertThat(bed.outcome("bach-thong-2023.csv").rowsRejected()).isEqualTo(1);
        assertThat(outliers("bach-thong-2023.csv")).isEmpty();
    }

    @Test
    void ingest_whenAValueIsTenTimesLastYearsStoredValue_thenItIsWarnedWithTheValueItWasComparedWith() {
        bed = new IngestBed(context, jdbc, work);
        bed.write("063", "bach-thong-2022.csv", csv("NĂM 2022", "01975,Vi Hương,15,300,200", "02002,Cao Sơn,8,336,200"));
        bed.ingest();
        bed.write("063", "bach-thong-2023.csv", csv("NĂM 2023", "01975,Vi Hương,150,300,200", "02002,Cao Sơn,79,336,200"));

        bed.ingest();

        assertThat(outliers("bach-thong-2022.csv")).isEmpty();
        assertThat(outliers("bach-thong-2023.csv")).containsExactly(
                "warning 3 outlier.previous: Xã Vi Hương: Số buổi tuyên truyền, phổ biến pháp luật = 150, gấp 10 lần kỳ so sánh trước "
                        + "(năm 2022, 15); hãy kiểm tra lại.");
        // the cell is named by the file's header, stored once with the file rather than on each of its values
        assertThat(jdbc.queryForObject("SELECT column_name || ' ' || cell_value FROM issue WHERE code = 'outlier.previous'", String.class))
                .isEqualTo("Số buổi tuyên truyền, phổ biến pháp luật 150");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM value WHERE source_column IS NOT NULL", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT source_columns ->> 'households_signed' FROM submission WHERE file_name = 'bach-thong-2023.csv'",
                String.class)).isEqualTo("Số hộ ký cam kết an toàn về ANTT");
    }

    @Test
    void ingest_whenLastYearsFileComesInTheSameRun_thenTheComparisonIsWithIt() throws java.io.IOException {
        bed = new IngestBed(context, jdbc, work);
        bed.write("063", "bach-thong-2022.csv", csv("NĂM 2022", "01975,Vi Hương,15,30,20"));
        bed.write("063", "bach-thong-2023.csv", csv("NĂM 2023", "01975,Vi Hương,16,600,20"));
        IngestBed.settled(bed.inbox().resolve("063/bach-thong-2023.csv")); // arrival order: 2022 first
        ageBy(bed.inbox().resolve("063/bach-thong-2022.csv"), 60);

        bed.ingest();

        assertThat(outliers("bach-thong-2023.csv")).containsExactly(
                "warning 3 outlier.previous: Xã Vi Hương: Tổng số hộ gia đình = 600, gấp 20 lần kỳ so sánh trước (năm 2022, 30); "
                        + "hãy kiểm tra lại.");
    }

    private static void ageBy(Path file, long minutes) {
        try {
            java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
                    java.nio.file.Files.getLastModifiedTime(file).toInstant().minusSeconds(minutes * 60)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
