package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TextEncodingDetectorTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @Test
    void detect_whenWesternLatinText_thenPlainWindows1258NotALegacyFont() throws Exception {
        byte[] bytes = "Tên;Ghi chú\r\nCafé résumé à Paris;déjà vu\r\nNaïve façade;über\r\n".getBytes(WINDOWS_1252);
        TextEncoding encoding = TextEncodingDetector.detect(bytes, true, "latin.csv").encoding();
        assertThat(encoding.label()).isEqualTo("windows-1258");
        assertThat(encoding.legacyFont()).isNull();
    }

    @Test
    void detect_whenUnicodeVietnameseFullOfLatin1Letters_thenUtf8NotALegacyFont() throws Exception {
        byte[] bytes = "Xã Cao Sơn;Tân Tú;Cẩm Giàng;Thị trấn Phủ Thông;Xã Quân Hà;Vi Hương\n"
                .getBytes(StandardCharsets.UTF_8);
        TextEncoding encoding = TextEncodingDetector.detect(bytes, true, "utf8.csv").encoding();
        assertThat(encoding.label()).isEqualTo("UTF-8");
    }

    @Test
    void detect_whenUtf16BigEndianWithoutBom_thenUtf16Be() throws Exception {
        byte[] bytes = "Tên xã\tSố buổi\r\nXã Cao Sơn\t7\r\n".getBytes(StandardCharsets.UTF_16BE);
        assertThat(TextEncodingDetector.detect(bytes, true, "be.txt").encoding().label()).isEqualTo("UTF-16BE");
    }

    @Test
    void detect_whenUtf8CutMidCharacterAtTheSampleEnd_thenStillUtf8() throws Exception {
        byte[] whole = "Xã Cao Sơn;7\r\nThị trấn Phủ Thông;92\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 9); // inside "Thông"
        assertThat(TextEncodingDetector.detect(cut, false, "cut.csv").encoding().label()).isEqualTo("UTF-8");
    }

    @Test
    void detect_whenManyControlCharacters_thenBinary() {
        byte[] bytes = new byte[400];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 7 == 0 ? 0x03 : 'a');
        }
        assertThatThrownBy(() -> TextEncodingDetector.detect(bytes, true, "ctl.csv"))
                .isInstanceOfSatisfying(UnreadableFileException.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableReason.BINARY));
    }
}
