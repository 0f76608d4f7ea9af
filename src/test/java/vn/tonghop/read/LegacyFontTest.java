package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class LegacyFontTest {

    @Test
    void convert_whenTcvn3_thenUnicode() {
        assertThat(nfc(LegacyFont.TCVN3.convert("X· Cao S¬n"))).isEqualTo("Xã Cao Sơn");
        assertThat(nfc(LegacyFont.TCVN3.convert("B¸o c¸o"))).isEqualTo("Báo cáo");
        assertThat(nfc(LegacyFont.TCVN3.convert("Sè l\u00ADît ng\u00ADêi tham gia"))).isEqualTo("Số lượt người tham gia");
        assertThat(nfc(LegacyFont.TCVN3.convert("§¹t chuÈn"))).isEqualTo("Đạt chuẩn");
        assertThat(nfc(LegacyFont.TCVN3.convert("1.800 - 10/10"))).isEqualTo("1.800 - 10/10");
    }

    @Test
    void convert_whenTcvn3TypedInCapitalsOnlyFont_thenCapitals() {
        assertThat(nfc(LegacyFont.TCVN3.convert("B¸O C¸O KÕT QU¶ B¶O VÖ AN NINH Tæ QUèC")))
                .isEqualTo("BÁO CÁO KẾT QUẢ BẢO VỆ AN NINH TỔ QUỐC");
        assertThat(nfc(LegacyFont.TCVN3.convert("UBND X· CAO S¬N"))).isEqualTo("UBND XÃ CAO SƠN");
        assertThat(nfc(LegacyFont.TCVN3.convert("X·"))).isEqualTo("Xã");
    }

    @Test
    void convert_whenVni_thenUnicode() {
        assertThat(nfc(LegacyFont.VNI.convert("Xaõ Cao Sôn"))).isEqualTo("Xã Cao Sơn");
        assertThat(nfc(LegacyFont.VNI.convert("Thò traán Phuû Thoâng"))).isEqualTo("Thị trấn Phủ Thông");
        assertThat(nfc(LegacyFont.VNI.convert("Soá löôït ngöôøi tham gia"))).isEqualTo("Số lượt người tham gia");
        assertThat(nfc(LegacyFont.VNI.convert("ÑAÏT CHUAÅN AN TOAØN"))).isEqualTo("ĐẠT CHUẨN AN TOÀN");
        assertThat(nfc(LegacyFont.VNI.convert("Naêm hoïc, ñaëc bieät, khuyûu"))).isEqualTo("Năm học, đặc biệt, khuỷu");
    }

    @Test
    void convert_whenVniModifierFollowsAConsonant_thenKeptAsItIs() {
        assertThat(LegacyFont.VNI.convert("Café 100%")).isEqualTo("Café 100%");
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
