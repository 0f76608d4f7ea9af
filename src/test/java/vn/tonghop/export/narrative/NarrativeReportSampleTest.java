package vn.tonghop.export.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.ReportForm;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/**
 * {@code tonghop export --year 2023 --province 06 --docx} on the sample data, run as a user would after
 * {@code units import} and {@code run}. Figures are those of {@code sample-input/EXPECTED.md} (Bắc Kạn 2023:
 * 804 sessions, 25.643 attendees, 276/299 villages, 22 communes safe of 31 reporting, 1.742.000.000 đồng;
 * Bản Thi, Ngọc Phái, Đại Sảo did not report); the others are checked against {@code aggregates.csv}.
 */
@TonghopSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NarrativeReportSampleTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ReportForm form;

    @TempDir
    static Path work;

    Cli cli;
    WordFile report;

    @BeforeAll
    void runTheSampleAndDraftTheReport() throws IOException {
        Database.clear(jdbc);
        cli = new Cli(context);
        FileSystemUtils.copyRecursively(Path.of("sample-input"), work.resolve("sample-input"));
        // A git checkout keeps no modification times: the correction (lần 2) arrived after lần 1.
        Files.setLastModifiedTime(work.resolve("sample-input/inbox/063/bach-thong-2023-lan1.csv"), FileTime.from(Instant.parse("2024-01-05T08:00:00Z")));
        Files.setLastModifiedTime(work.resolve("sample-input/inbox/063/bach-thong-2023-lan2.csv"), FileTime.from(Instant.parse("2024-01-09T08:00:00Z")));
        assertThat(cli.run("units", "import", work.resolve("sample-input/registry/units.csv").toString()).exitCode()).isZero();
        Cli.Result run = cli.run("run", "--inbox", work.resolve("sample-input/inbox").toString(), "--out", work.resolve("run").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        Cli.Result export = cli.run("export", "--year", "2023", "--province", "06", "--docx", "--out", out().toString());

        assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
        assertThat(export.out()).contains(out().resolve("aggregates.csv").toString())
                .contains(out().resolve("bao-cao-tong-ket-06-2023.docx").toString());
        report = WordFile.open(out().resolve("bao-cao-tong-ket-06-2023.docx"));
    }

    private Path out() {
        return work.resolve("out");
    }

    @Test
    void docx_opensWithTitleAndPeriodOfTheYear() {
        assertThat(report.paragraphs()).containsSubsequence("BÁO CÁO", "Tổng kết phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2023",
                "(Số liệu tính từ ngày 15/12/2022 đến ngày 14/12/2023)");
        assertThat(report.table(0).get(0)).containsExactly("CÔNG AN TỈNH BẮC KẠN",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc");
    }

    @Test
    void docx_statesTheFiguresInSentences_withTheComparisonToLastYear() {
        assertThat(report.paragraphs()).contains(
                "Báo cáo được tổng hợp từ báo cáo năm 2023 (biểu ANTQ-01) của 31/34 xã, phường, thị trấn thuộc 2 huyện, thị xã, thành phố "
                        + "trên địa bàn tỉnh Bắc Kạn.",
                "Năm 2022 có 33/34 xã, phường, thị trấn báo cáo; các so sánh với năm 2022 dưới đây là so sánh số liệu của các xã đã báo cáo mỗi năm.",
                "Trong năm, lực lượng Công an các xã, phường, thị trấn đã tổ chức 804 buổi tuyên truyền, phổ biến pháp luật "
                        + "(tăng 0,6% so với năm 2022), thu hút 25.643 lượt người tham gia; thực hiện 1.333 lượt tuyên truyền lưu động bằng loa "
                        + "(tăng 132,2% so với năm 2022); phát 807 tin trên hệ thống truyền thanh cơ sở (giảm 57,5% so với năm 2022).",
                "Kết quả vận động: 22.684/25.229 hộ gia đình ký cam kết an toàn về an ninh, trật tự (đạt 89,91%).",
                "Kết quả phân loại, đánh giá: 276/299 thôn, bản, tổ dân phố đạt chuẩn “An toàn về an ninh, trật tự” (giảm 2,8% so với năm 2022); "
                        + "22/31 xã, phường, thị trấn đạt chuẩn “An toàn về an ninh, trật tự” (giảm 4,3% so với năm 2022).",
                "Lực lượng Công an đã phối hợp vận động ủng hộ 1,742 tỷ đồng (tăng 6,4% so với năm 2022).");
    }

    @Test
    void docx_phrasesZeroAsAbsence() {
        // 7 communes of Bắc Kạn reported 0 traffic accidents in 2023 (sample-input/expected/commune-values.csv)
        assertThat(report.paragraphs()).contains("Tình hình an ninh, trật tự trên địa bàn: xảy ra 11 vụ tai nạn giao thông "
                + "(tăng 22,2% so với năm 2022), 7 xã, phường, thị trấn không xảy ra tai nạn giao thông.");
    }

    @Test
    void docx_leavesOutWhatNobodyReported() {
        // thefts and serious incidents: in no file; cultural households: nobody in Bắc Kạn 2023 (12.213 in 2022)
        assertThat(report.paragraphs()).noneMatch(p -> p.contains("trộm cắp")).noneMatch(p -> p.contains("nghiêm trọng"))
                .noneMatch(p -> p.contains("hộ đạt danh hiệu gia đình văn hóa (")).noneMatch(p -> p.matches(".*\\b0 (vụ|buổi|hộ|nhà).*"))
                .contains("Năm 2023 chưa có xã nào báo cáo số hộ đạt danh hiệu gia đình văn hóa; số nhà xây cho hộ nghèo, hộ khó khăn "
                        + "(năm 2022 có số liệu).");
        assertThat(report.table(1)).noneMatch(row -> row.get(0).contains("trộm cắp"))
                .contains(List.of("Số hộ đạt gia đình văn hóa", "", "12.213", "", ""));
    }

    @Test
    void docx_namesTheUnitsThatStoodOutAndTheGaps() {
        assertThat(report.paragraphs()).contains(
                "Tiêu biểu về số tiền ủng hộ: xã Lục Bình (91 triệu đồng), thị trấn Bằng Lũng (90 triệu đồng), xã Nghĩa Tá (89 triệu đồng), "
                        + "xã Yên Mỹ (89 triệu đồng); dẫn đầu cấp huyện là huyện Chợ Đồn (892 triệu đồng).",
                "Tiêu biểu về số súng, nòng súng tự chế thu hồi: xã Sĩ Bình (5 khẩu), xã Yên Thịnh (5 khẩu); "
                        + "dẫn đầu cấp huyện là huyện Chợ Đồn (47 khẩu).",
                "Còn 3/34 xã, phường, thị trấn chưa gửi báo cáo năm 2023: xã Bản Thi, xã Ngọc Phái, xã Đại Sảo (huyện Chợ Đồn).",
                "Một số chỉ tiêu tăng so với năm 2022, cần tập trung kiềm chế: số vụ tai nạn giao thông tăng 22,2% (từ 9 lên 11).");
        assertThat(report.paragraphs()).anyMatch(p -> p.startsWith("Một số kết quả thấp hơn năm 2022: số lượt người tham gia tuyên truyền "
                + "giảm 5,2% (từ 27.046 xuống 25.643);"));
    }

    @Test
    void docx_hasOneSectionPerIndicatorGroup() {
        assertThat(report.paragraphs()).containsSubsequence("I. KẾT QUẢ THỰC HIỆN PHONG TRÀO",
                "1. Công tác tuyên truyền, vận động quần chúng Nhân dân",
                "2. Xây dựng, nhân rộng mô hình, tổ tự quản về an ninh, trật tự",
                "3. Phát huy vai trò quần chúng trong đấu tranh phòng, chống tội phạm, giữ gìn an ninh, trật tự",
                "4. Tổ chức diễn đàn, đối thoại với Nhân dân",
                "5. Xây dựng xã, thôn, cơ quan, trường học đạt chuẩn “An toàn về an ninh, trật tự”",
                "6. Xây dựng lực lượng, thi đua, khen thưởng và công tác an sinh xã hội",
                "7. Những đơn vị tiêu biểu", "II. TỒN TẠI, HẠN CHẾ", "III. CÁC BẢNG SỐ LIỆU CHÍNH",
                "Bảng 1. Kết quả toàn tỉnh Bắc Kạn năm 2023 so với năm 2022",
                "Bảng 2. Kết quả theo huyện, thị xã, thành phố năm 2023", "Bảng 3. Kết quả theo xã, phường, thị trấn năm 2023");
    }

    @Test
    void docx_keyTablesHoldTheSameFiguresAsAggregatesCsv() throws IOException {
        Map<String, String> csv = new HashMap<>();
        List<String> lines = Files.readAllLines(out().resolve("aggregates.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",", -1);
            csv.put(c[0] + "|" + c[1] + "|" + c[4], c[5]);
        }
        List<List<String>> summary = report.table(1);
        assertThat(summary.get(0)).containsExactly("Chỉ tiêu", "Năm 2023", "Năm 2022", "Tăng (+), giảm (−)", "Tỷ lệ tăng, giảm");
        assertThat(summary).contains(List.of("Số buổi tuyên truyền, phổ biến pháp luật", "804", "799", "+5", "+0,6%"),
                List.of("Số tiền ủng hộ (đồng)", "1,742 tỷ đồng", "1.637,5 triệu đồng", "+104,5 triệu đồng", "+6,4%"),
                List.of("Tỷ lệ thôn, bản, tổ dân phố đạt chuẩn “An toàn về an ninh, trật tự”", "94,2%", "92,81%", "+1,39 điểm", ""));
        int checked = 0;
        for (Indicator indicator : form.indicators()) {
            List<String> row = summary.stream().filter(r -> r.get(0).equals(indicator.header())).findFirst().orElse(null);
            String value = csv.get("province|06|" + indicator.code());
            if (value.isEmpty()) {
                assertThat(row == null || row.get(1).isEmpty()).as(indicator.code()).isTrue();
                continue;
            }
            BigDecimal number = new BigDecimal(value);
            assertThat(row.get(1)).as(indicator.code())
                    .isEqualTo(indicator.money() ? VietnameseFigures.money(number) : VietnameseFigures.count(number));
            checked++;
        }
        assertThat(checked).isEqualTo(20);

        List<List<String>> districts = report.table(2);
        assertThat(districts.get(0)).containsExactly("Đơn vị", "Xã báo cáo", "Buổi tuyên truyền", "Lượt người tham gia",
                "Thôn đạt chuẩn ANTT", "Mô hình tự quản", "Nguồn tin có giá trị", "Xã đạt chuẩn ANTT");
        assertThat(districts.subList(1, districts.size())).containsExactly(
                List.of("Huyện Bạch Thông", "14/14", "357", "11.669", "132", csv.get("district|063|self_mgmt_models"),
                        csv.get("district|063|tips_received"), "11"),
                List.of("Huyện Chợ Đồn", "17/20", "447", "13.974", "144", csv.get("district|064|self_mgmt_models"),
                        csv.get("district|064|tips_received"), "11"),
                List.of("Tỉnh Bắc Kạn", "31/34", "804", "25.643", "276", csv.get("province|06|self_mgmt_models"),
                        csv.get("province|06|tips_received"), "22"));

        List<List<String>> communes = report.table(3);
        assertThat(communes).hasSize(1 + 2 + 34 + 1);
        assertThat(communes).contains(List.of("Xã Vi Hương", "Có", "24", "820", "9", csv.get("commune|01975|self_mgmt_models"),
                csv.get("commune|01975|tips_received"), "1"), List.of("Xã Bản Thi", "Chưa", "", "", "", "", "", ""));
    }

    @Test
    void export_docxWithoutProvince_writesOneReportPerProvinceWithFigures() throws IOException {
        Path all = work.resolve("all");

        Cli.Result export = cli.run("export", "--year", "2023", "--docx", "--out", all.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(all.resolve("bao-cao-tong-ket-06-2023.docx")).exists();
        assertThat(all.resolve("bao-cao-tong-ket-08-2023.docx")).exists();
        assertThat(WordFile.open(all.resolve("bao-cao-tong-ket-08-2023.docx")).paragraphs()).contains(
                "Còn 1/22 xã, phường, thị trấn chưa gửi báo cáo năm 2023: xã Thanh Tương (huyện Na Hang).",
                "Năm 2022 có 10/22 xã, phường, thị trấn báo cáo; các so sánh với năm 2022 dưới đây là so sánh số liệu của các xã đã báo cáo mỗi năm.");
    }

    @Test
    void export_docxForAProvinceWithoutFigures_failsWithAReason() {
        Cli.Result export = cli.run("export", "--year", "2023", "--province", "07", "--docx", "--out", work.resolve("none").toString());

        assertThat(export.exitCode()).isEqualTo(1);
        assertThat(export.err()).contains("không có số liệu tổng hợp của tỉnh 07 năm 2023");
        assertThat(work.resolve("none")).doesNotExist();
    }
}
