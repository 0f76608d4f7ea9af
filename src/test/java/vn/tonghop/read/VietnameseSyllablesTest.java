package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VietnameseSyllablesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Xã", "Sơn", "Thị", "trấn", "Phủ", "Thông", "người", "lượt", "tuyên", "truyền",
            "nghĩa", "quốc", "giữa", "gìn", "khuya", "khuỷu", "hoà", "hòa", "thuỷ", "thủy", "đạt", "ĐẠT", "ngoài"})
    void isSyllable_whenWellFormedVietnamese_thenTrue(String word) {
        assertThat(VietnameseSyllables.isSyllable(word)).isTrue();
        assertThat(VietnameseSyllables.isSyllable(Normalizer.normalize(word, Normalizer.Form.NFD))).isTrue();
    }

    @ParameterizedTest
    // VNI read as Latin-1 (Xaõ, Thoâng, buoåi), TCVN3 read as Latin-1 (Tªn, buæi), a tone on a closed -t
    // syllable other than acute or dot (đàt), two tones, French
    @ValueSource(strings = {"Xaõ", "Thoâng", "buoåi", "Tªn", "buæi", "đàt", "bóà", "café", "Thò́"})
    void isSyllable_whenMojibakeOrForeign_thenFalse(String word) {
        assertThat(VietnameseSyllables.isSyllable(word)).isFalse();
    }

    @Test
    void score_whenLegacyMojibake_thenNegativeAndWhenConverted_thenPositive() {
        assertThat(VietnameseSyllables.score("X· Cao S¬n, ThÞ trÊn Phñ Th«ng")).isNegative();
        assertThat(VietnameseSyllables.score("Xã Cao Sơn, Thị trấn Phủ Thông")).isEqualTo(6); // "Cao" is ASCII: 0
        assertThat(VietnameseSyllables.score("STT 1.800 10/10 ANTT")).isZero();
    }
}
