package vn.tonghop.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.tonghop.form.ColumnRole;
import vn.tonghop.form.FormLoader;

/** Headers as offices write them, recognised by the form's aliases. */
class HeaderVocabularyTest {

    static HeaderVocabulary vocabulary;

    @BeforeAll
    static void load() throws IOException {
        vocabulary = new HeaderVocabulary(new FormLoader().load(Path.of("jobs/antq-01.yaml")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Số buổi tuyên truyền, phổ biến pháp luật|propaganda_sessions",
            "SỐ BUỔI TUYÊN TRUYỀN, PHỔ BIẾN PHÁP LUẬT|propaganda_sessions",
            "So buoi tuyen truyen, pho bien phap luat|propaganda_sessions",
            "Số buổi tuyên truyền, phổ biến pháp luật (buổi)|propaganda_sessions",
            "1. Số buổi tuyên truyền, phổ biến pháp luật|propaganda_sessions",
            "Tổng số buổi tuyên truyền, phổ biến pháp luật trong năm|propaganda_sessions",
            "Số lượt người tham gia|propaganda_attendees",
            "Số lượt người tham gia đối thoại, diễn đàn|dialogue_participants",
            "Số thôn, bản đạt chuẩn \"An toàn về ANTT\"|villages_safe",
            "Tổng số thôn, bản, tổ dân phố|villages_total",
            "Số tiền ủng hộ (đồng)|donations_vnd",
            "Số tiền ủng hộ (VNĐ)|donations_vnd",
            "Xã đạt chuẩn \"An toàn về ANTT\"|commune_safe",
            "villages_safe|villages_safe"})
    void lookup_whenHeaderNamesAnIndicator_thenItsCode(String header, String code) {
        assertThat(vocabulary.lookup(header)).get().extracting(HeaderVocabulary.Target::indicator).isEqualTo(code);
    }

    @Test
    void lookup_whenHeaderIdentifiesTheRow_thenItsRole() {
        assertThat(vocabulary.lookup("Tên xã").orElseThrow().role()).isEqualTo(ColumnRole.UNIT_NAME);
        assertThat(vocabulary.lookup("Mã xã").orElseThrow().role()).isEqualTo(ColumnRole.UNIT_CODE);
        assertThat(vocabulary.lookup("STT").orElseThrow().role()).isEqualTo(ColumnRole.ROW_NUMBER);
        assertThat(vocabulary.lookup("Kỳ báo cáo").orElseThrow().role()).isEqualTo(ColumnRole.PERIOD);
        assertThat(vocabulary.lookup("ma_don_vi").orElseThrow().role()).isEqualTo(ColumnRole.UNIT_CODE);
    }

    @Test
    void lookup_whenHeaderIsUnknownOrMerelyShort_thenNothing() {
        assertThat(vocabulary.lookup("Ghi chú")).isEmpty();
        assertThat(vocabulary.lookup("Số hộ nghèo được hỗ trợ vay vốn")).isEmpty();
        assertThat(vocabulary.lookup("")).isEmpty();
    }

    @Test
    void isTotalLabel_whenTotalRowWords_thenTrue() {
        assertThat(vocabulary.isTotalLabel("Tổng cộng")).isTrue();
        assertThat(vocabulary.isTotalLabel("CỘNG")).isTrue();
        assertThat(vocabulary.isTotalLabel("Cộng toàn huyện")).isTrue();
        assertThat(vocabulary.isTotalLabel("Tổng số")).isTrue();
        assertThat(vocabulary.isTotalLabel("Xã Cao Sơn")).isFalse();
    }
}
