package vn.tonghop.export.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/**
 * A quiet year: the two communes of Tuyên Quang that reported (fixture {@code narrative/inbox/072/na-hang-2023-an-ninh.csv})
 * had no serious incident, no traffic accident, no theft and no officer disciplined. The province's zeros are
 * written as absence, and with no 2022 figures nothing is compared.
 */
@TonghopSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NarrativeReportQuietYearTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    static Path work;

    WordFile report;

    @BeforeAll
    void draft() throws IOException {
        Database.clear(jdbc);
        Cli cli = new Cli(context);
        FileSystemUtils.copyRecursively(Path.of("src/test/resources/narrative/inbox"), work.resolve("inbox"));
        assertThat(cli.run("units", "import", "sample-input/registry/units.csv").exitCode()).isZero();
        Cli.Result run = cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Cli.Result export = cli.run("export", "--year", "2023", "--province", "08", "--docx", "--out", work.resolve("out").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        report = WordFile.open(work.resolve("out/bao-cao-tong-ket-08-2023.docx"));
    }

    @Test
    void docx_whenTheProvinceHadNoIncident_thenItSaysSo() {
        assertThat(report.paragraphs()).contains(
                "Tình hình an ninh, trật tự trên địa bàn: không xảy ra vụ việc nghiêm trọng, phức tạp; không xảy ra tai nạn giao thông; "
                        + "không xảy ra trộm cắp tài sản.",
                "Không có cán bộ, chiến sĩ vi phạm bị xử lý kỷ luật.",
                "Trong năm, lực lượng Công an các xã, phường, thị trấn đã tổ chức 20 buổi tuyên truyền, phổ biến pháp luật.");
        assertThat(report.paragraphs()).noneMatch(p -> p.contains("so với năm 2022")).noneMatch(p -> p.matches(".*\\b0 vụ.*"))
                .contains("Bảng 1. Kết quả toàn tỉnh Tuyên Quang năm 2023");
        assertThat(report.table(1)).containsExactly(List.of("Chỉ tiêu", "Năm 2023"),
                List.of("Số buổi tuyên truyền, phổ biến pháp luật", "20"), List.of("Số vụ việc nghiêm trọng, phức tạp", "0"),
                List.of("Số vụ tai nạn giao thông", "0"), List.of("Số vụ trộm cắp tài sản", "0"),
                List.of("Số cán bộ, chiến sĩ vi phạm bị kỷ luật", "0"));
    }

    @Test
    void docx_whenAGroupHasNoFigure_thenItsSectionSaysNobodyReportedIt() {
        assertThat(report.paragraphs()).containsSubsequence("4. Tổ chức diễn đàn, đối thoại với Nhân dân",
                "Chưa có xã, phường, thị trấn nào báo cáo số liệu về nội dung này.");
        assertThat(report.paragraphs()).anyMatch(p -> p.startsWith("Còn 20/22 xã, phường, thị trấn chưa gửi báo cáo năm 2023: xã Phúc Yên,"));
    }
}
