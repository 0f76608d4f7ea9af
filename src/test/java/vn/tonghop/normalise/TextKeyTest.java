package vn.tonghop.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TextKeyTest {

    private final TextKey textKey = new TextKey();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Số buổi tuyên truyền, phổ biến pháp luật                | so buoi tuyen truyen pho bien phap luat
            SỐ BUỔI TUYÊN TRUYỀN - PHỔ BIẾN PHÁP LUẬT                | so buoi tuyen truyen pho bien phap luat
            so buoi tuyen truyen pho bien phap luat                 | so buoi tuyen truyen pho bien phap luat
            Số lượt tuyên truyền lưu động (loa)                     | so luot tuyen truyen luu dong loa
            Số thôn, bản đạt chuẩn "An toàn về ANTT"                | so thon ban dat chuan an toan ve antt
            Số diễn đàn "Công an lắng nghe ý kiến Nhân dân"         | so dien dan cong an lang nghe y kien nhan dan
            Số tiền ủng hộ (đồng)                                   | so tien ung ho dong
            Mã ĐVHC                                                 | ma dvhc
            Xã/phường/thị trấn                                      | xa phuong thi tran
            ma_don_vi                                               | ma don vi
            '  STT  '                                               | stt
            Ưu tiên ơn Ước                                          | uu tien on uoc
            Hòa Hoà HÒA                                             | hoa hoa hoa
            Thủy Thuỷ                                               | thuy thuy
            Số TT                                                   | so tt
            Tổng số thôn, bản, tổ dân phố                           | tong so thon ban to dan pho
            """)
    void of_whenVietnameseText_thenAsciiLowerCaseWordsOneSpaceApart(String text, String key) {
        assertThat(textKey.of(text)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Số buổi tuyên truyền, phổ biến pháp luật", "Xã Cao Sơn", "Đặc khu Côn Đảo",
            "Thị trấn Chợ Rã", "Số hộ ký cam kết an toàn về ANTT", "Ưu tiên"})
    void of_whenNfdInput_thenSameKeyAsNfcInput(String nfc) {
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        assertThat(textKey.of(nfd)).isEqualTo(textKey.of(nfc));
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", " , ; - ", "\u00A0\t\n", "()\"\""})
    void of_whenNothingButPunctuationOrSpace_thenEmptyKey(String text) {
        assertThat(textKey.of(text)).isEmpty();
    }

    @Test
    void of_whenDStrokeInEitherCase_thenPlainD() {
        assertThat(textKey.of("Đồng đội ĐĐ")).isEqualTo("dong doi dd");
    }

    @Test
    void of_whenDigitsAndLettersMixed_thenDigitsKept() {
        assertThat(textKey.of("Phường 01, Q.3")).isEqualTo("phuong 01 q 3");
    }

    @Test
    void of_whenNoBreakAndNarrowNoBreakSpaces_thenOneSpace() {
        assertThat(textKey.of("Tổng\u00A0số\u202F\u202Fhộ")).isEqualTo("tong so ho");
    }

    @Test
    void fold_whenVietnameseText_thenDiacriticsAndCaseGoneButPunctuationKept() {
        assertThat(textKey.fold("Quý III/2022 – Đạt")).isEqualTo("quy iii/2022 – dat");
        assertThat(textKey.fold(null)).isEmpty();
    }

    @Test
    void fold_asciiTextTakesNoNormaliser_andFoldsAsTheGeneralPathWould() {
        for (String ascii : new String[] {"SO BUOI 12/2023", "Quy III/2022", "ma_don_vi", "1.800", "x", "100 TRIEU"}) {
            String expected = ascii.codePoints().map(Character::toLowerCase)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            assertThat(textKey.fold(ascii)).isEqualTo(expected);
        }
        assertThat(textKey.fold("SỐ BUỔI 12/2023")).isEqualTo("so buoi 12/2023");
    }
}
