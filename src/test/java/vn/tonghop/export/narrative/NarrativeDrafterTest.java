package vn.tonghop.export.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tonghop.export.narrative.NarrativeFigures.MissingCommune;
import vn.tonghop.form.FormLoader;
import vn.tonghop.form.ReportForm;

/**
 * The drafting rules on figures made for the purpose, with the wording and form of {@code jobs/}: zero
 * phrased as absence, unreported figures left out, the comparison with last year, standouts and gaps.
 */
class NarrativeDrafterTest {

    static ReportForm form;
    static NarrativeWording wording;

    @BeforeAll
    static void load() throws IOException {
        form = new FormLoader().load(Path.of("jobs/antq-01.yaml"));
        wording = new NarrativeWordingLoader(form, "jobs/antq-01-narrative.yaml")
                .load(Files.readString(Path.of("jobs/antq-01-narrative.yaml"), StandardCharsets.UTF_8));
    }

    private static UnitFigures unit(String level, String code, String name, String type, String parent, int reporting, int expected,
                                    Object... indicatorsAndValues) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (int i = 0; i < indicatorsAndValues.length; i += 2) {
            values.put((String) indicatorsAndValues[i], new BigDecimal(String.valueOf(indicatorsAndValues[i + 1])));
        }
        return new UnitFigures(level, code, name, type, parent, reporting, expected, values);
    }

    /** Tuyên Quang 2023: four communes reported in two districts, one did not; 2022 for comparison. */
    private static NarrativeFigures tuyenQuang2023() {
        UnitFigures province = unit("province", "08", "Tuyên Quang", "Tỉnh", null, 21, 22,
                "propaganda_sessions", 92, "villages_safe", 10, "villages_total", 10, "serious_incidents", 0, "traffic_accidents", 0,
                "listening_forums", 39, "new_models", 2, "guns_surrendered", 2, "donations_vnd", 100000000);
        List<UnitFigures> districts = List.of(
                unit("district", "071", "Lâm Bình", "Huyện", "08", 10, 10, "propaganda_sessions", 52, "guns_surrendered", 2),
                unit("district", "072", "Na Hang", "Huyện", "08", 11, 12, "propaganda_sessions", 40));
        List<UnitFigures> communes = List.of(
                unit("commune", "02245", "Côn Lôn", "Xã", "072", 1, 1, "propaganda_sessions", 20, "traffic_accidents", 0),
                unit("commune", "02251", "Khuôn Hà", "Xã", "071", 1, 1, "propaganda_sessions", 32, "guns_surrendered", 2),
                unit("commune", "02254", "Hồng Thái", "Xã", "072", 1, 1, "propaganda_sessions", 20, "traffic_accidents", 0),
                unit("commune", "02266", "Lăng Can", "Thị trấn", "071", 1, 1, "propaganda_sessions", 20));
        UnitFigures lastYear = unit("province", "08", "Tuyên Quang", "Tỉnh", null, 21, 22,
                "propaganda_sessions", 82, "villages_safe", 9, "villages_total", 10, "traffic_accidents", 3, "listening_forums", 39,
                "new_models", 0, "guns_surrendered", 5, "cultural_households", 300);
        return new NarrativeFigures(new ProvinceYear(2023, province, districts, communes),
                Optional.of(new ProvinceYear(2022, lastYear, List.of(), List.of())),
                List.of(new MissingCommune("02284", "xã Thanh Tương", "072")));
    }

    private static List<String> paragraphs(Draft draft) {
        List<String> all = new ArrayList<>(draft.introduction());
        for (Draft.Part part : draft.parts()) {
            part.sections().forEach(s -> all.addAll(s.paragraphs()));
            all.addAll(part.paragraphs());
        }
        return all;
    }

    private static List<String> section(Draft draft, String title) {
        return draft.parts().get(0).sections().stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow().paragraphs();
    }

    @Test
    void draft_whenAProvinceFigureIsZero_thenItIsPhrasedAsAbsence() {
        Draft draft = new NarrativeDrafter(form, wording).draft(tuyenQuang2023());

        assertThat(paragraphs(draft)).contains(
                "Tình hình an ninh, trật tự trên địa bàn: không xảy ra vụ việc nghiêm trọng, phức tạp; không xảy ra tai nạn giao thông.");
    }

    @Test
    void draft_whenNobodyReportedAnIndicator_thenItIsLeftOutNotWrittenAsZero() {
        Draft draft = new NarrativeDrafter(form, wording).draft(tuyenQuang2023());

        assertThat(paragraphs(draft)).noneMatch(p -> p.contains("trộm cắp")).noneMatch(p -> p.contains("thu hút"))
                .noneMatch(p -> p.matches(".*\\b0 (buổi|vụ|mô hình|tập thể|cá nhân).*"));
        assertThat(section(draft, "Công tác tuyên truyền, vận động quần chúng Nhân dân")).containsExactly(
                "Trong năm, lực lượng Công an các xã, phường, thị trấn đã tổ chức 92 buổi tuyên truyền, phổ biến pháp luật "
                        + "(tăng 12,2% so với năm 2022).");
        assertThat(draft.parts().get(2).tables().get(0).rows()).noneMatch(r -> r.cells().get(0).contains("trộm cắp"));
    }

    @Test
    void draft_comparesWithLastYear_upDownSameAndFromZero() {
        List<String> text = paragraphs(new NarrativeDrafter(form, wording).draft(tuyenQuang2023()));

        assertThat(text).contains(
                "Công an các xã, phường, thị trấn đã tổ chức 39 diễn đàn “Công an lắng nghe ý kiến Nhân dân” (bằng năm 2022).",
                "Trong năm xây dựng mới 2 mô hình (tăng 2 so với năm 2022).",
                "Kết quả phân loại, đánh giá: 10/10 thôn, bản, tổ dân phố đạt chuẩn “An toàn về an ninh, trật tự” (tăng 11,1% so với năm 2022).",
                "Lực lượng Công an cơ sở đã vận động Nhân dân giao nộp 2 khẩu súng, nòng súng tự chế (giảm 60% so với năm 2022).",
                "Lực lượng Công an đã phối hợp vận động ủng hộ 100 triệu đồng.");
    }

    @Test
    void draft_namesTheLeadingDistrictAndCommunes_keepingTiesTogether() {
        Draft draft = new NarrativeDrafter(form, wording).draft(tuyenQuang2023());

        assertThat(section(draft, "Những đơn vị tiêu biểu")).containsExactly(
                "Tiêu biểu về số buổi tuyên truyền, phổ biến pháp luật: xã Khuôn Hà (32 buổi), xã Côn Lôn (20 buổi), xã Hồng Thái (20 buổi), "
                        + "thị trấn Lăng Can (20 buổi); dẫn đầu cấp huyện là huyện Lâm Bình (52 buổi).",
                "Tiêu biểu về số súng, nòng súng tự chế thu hồi: xã Khuôn Hà (2 khẩu).");
    }

    @Test
    void draft_listsTheGaps_missingCommunesResultsBelowLastYearAndFiguresNoLongerReported() {
        Draft draft = new NarrativeDrafter(form, wording).draft(tuyenQuang2023());

        assertThat(draft.parts().get(1).title()).isEqualTo("TỒN TẠI, HẠN CHẾ");
        assertThat(draft.parts().get(1).paragraphs()).containsExactly(
                "Còn 1/22 xã, phường, thị trấn chưa gửi báo cáo năm 2023: xã Thanh Tương (huyện Na Hang).",
                "Một số kết quả thấp hơn năm 2022: số súng, nòng súng tự chế thu hồi giảm 60% (từ 5 xuống 2).",
                "Năm 2023 chưa có xã nào báo cáo số hộ đạt danh hiệu gia đình văn hóa (năm 2022 có số liệu).");
    }

    @Test
    void draft_whenThereIsNoPreviousYear_thenNothingIsComparedAndEmptyGroupsSaySo() {
        NarrativeFigures withLastYear = tuyenQuang2023();
        NarrativeFigures alone = new NarrativeFigures(withLastYear.current(), Optional.empty(), List.of());

        Draft draft = new NarrativeDrafter(form, wording).draft(alone);

        assertThat(paragraphs(draft)).noneMatch(p -> p.contains("so với năm 2022")).contains(
                "Báo cáo được tổng hợp từ báo cáo năm 2023 (biểu ANTQ-01) của 21/22 xã, phường, thị trấn thuộc 2 huyện, thị xã, thành phố "
                        + "trên địa bàn tỉnh Tuyên Quang.",
                "22/22 xã, phường, thị trấn đã gửi báo cáo năm 2023.");
        assertThat(draft.parts().get(0).sections()).hasSize(7);
        assertThat(section(draft, "Xây dựng lực lượng, thi đua, khen thưởng và công tác an sinh xã hội"))
                .containsExactly("Lực lượng Công an đã phối hợp vận động ủng hộ 100 triệu đồng.");
    }

    @Test
    void draft_whenAGroupHasNoFigureAtAll_thenItsSectionSaysNoCommuneReportedIt() {
        UnitFigures province = unit("province", "08", "Tuyên Quang", "Tỉnh", null, 1, 22, "propaganda_sessions", 5);
        NarrativeFigures figures = new NarrativeFigures(new ProvinceYear(2023, province, List.of(), List.of()), Optional.empty(), List.of());

        Draft draft = new NarrativeDrafter(form, wording).draft(figures);

        assertThat(section(draft, "Tổ chức diễn đàn, đối thoại với Nhân dân"))
                .containsExactly("Chưa có xã, phường, thị trấn nào báo cáo số liệu về nội dung này.");
    }

    @Test
    void keyTables_summaryHasThisYearLastYearAndTheChange_unreportedCellsEmpty() {
        Draft draft = new NarrativeDrafter(form, wording).draft(tuyenQuang2023());

        Draft.Table summary = draft.parts().get(2).tables().get(0);
        assertThat(summary.title()).isEqualTo("Bảng 1. Kết quả toàn tỉnh Tuyên Quang năm 2023 so với năm 2022");
        assertThat(summary.columns()).containsExactly("Chỉ tiêu", "Năm 2023", "Năm 2022", "Tăng (+), giảm (−)", "Tỷ lệ tăng, giảm");
        Map<String, List<String>> rows = new HashMap<>();
        summary.rows().forEach(r -> rows.put(r.cells().get(0), r.cells()));
        assertThat(rows.get("Số buổi tuyên truyền, phổ biến pháp luật")).containsExactly(
                "Số buổi tuyên truyền, phổ biến pháp luật", "92", "82", "+10", "+12,2%");
        assertThat(rows.get("Số khẩu súng, nòng súng tự chế thu hồi")).containsExactly(
                "Số khẩu súng, nòng súng tự chế thu hồi", "2", "5", "−3", "−60%");
        assertThat(rows.get("Số hộ đạt gia đình văn hóa")).containsExactly("Số hộ đạt gia đình văn hóa", "", "300", "", "");
        assertThat(rows.get("Số tiền ủng hộ (đồng)")).containsExactly("Số tiền ủng hộ (đồng)", "100 triệu đồng", "", "", "");
        assertThat(rows).doesNotContainKey("Số vụ trộm cắp tài sản");
    }
}
