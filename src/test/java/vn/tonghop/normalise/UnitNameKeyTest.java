package vn.tonghop.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitNameKeyTest {

    private final UnitNameKey unitNameKey = new UnitNameKey();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Xã Cao Sơn", "xã Cao Sơn", "XÃ CAO SƠN", "X. Cao Sơn", "X.Cao Sơn", "x Cao Sơn",
            "Cao Sơn", "CAO SƠN", "cao sơn", "Cao Son", "Xa Cao Son", "XA CAO SON", "  Xã  Cao   Sơn ",
            "Công an xã Cao Sơn", "CA xã Cao Sơn", "Cong an xa Cao Son"})
    void of_whenCommuneWrittenAnyWay_thenSameKey(String name) {
        assertThat(unitNameKey.of(name)).isEqualTo("cao son");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Xã Cao Sơn", "Thị trấn Chợ Rã", "Phường Phúc Xá", "Đặc khu Côn Đảo"})
    void of_whenNfdInput_thenSameKeyAsNfc(String nfc) {
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(unitNameKey.of(nfd)).isEqualTo(unitNameKey.of(nfc));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            TT. Chợ Rã          | cho ra
            TT Chợ Rã           | cho ra
            tt.Chợ Rã           | cho ra
            Thị trấn Chợ Rã     | cho ra
            THỊ TRẤN CHỢ RÃ     | cho ra
            Thi tran Cho Ra     | cho ra
            Thị xã Sơn Tây      | son tay
            TX. Sơn Tây         | son tay
            Thành phố Thanh Hóa | thanh hoa
            TP. Thanh Hóa       | thanh hoa
            TP.HCM              | hcm
            Huyện Bạch Thông    | bach thong
            H. Bạch Thông       | bach thong
            Quận Ba Đình        | ba dinh
            Q. Ba Đình          | ba dinh
            Tỉnh Bắc Kạn        | bac kan
            Đặc khu Côn Đảo     | con dao
            Dac khu Con Dao     | con dao
            Phường Phúc Xá      | phuc xa
            P. Phúc Xá          | phuc xa
            Phuong Phuc Xa      | phuc xa
            """)
    void of_whenAdministrativePrefixOrAbbreviation_thenPrefixRemoved(String name, String key) {
        assertThat(unitNameKey.of(name)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Xuân Lạc   | xuan lac
            Phúc Lộc   | phuc loc
            Tân Phú    | tan phu
            Quang Trung| quang trung
            Hòa Bình   | hoa binh
            Thành Công | thanh cong
            Thị Cầu    | thi cau
            Huyền Hội  | huyen hoi
            Xá Lượng   | xa luong
            Quan Sơn   | quan son
            Quan Lạn   | quan lan
            Tinh Nhuệ  | tinh nhue
            Tịnh Ấn    | tinh an
            Phương Trung | phuong trung
            Công Sơn   | cong son
            Cà Mau     | ca mau
            Ca Thành   | ca thanh
            """)
    void of_whenFirstWordOnlyLooksLikeAPrefix_thenKept(String name, String key) {
        assertThat(unitNameKey.of(name)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Xã           | xa
            Phường       | phuong
            Thị trấn     | thi tran
            Huyện        | huyen
            P.           | p
            TT           | tt
            """)
    void of_whenPrefixIsTheWholeName_thenKept(String name, String key) {
        assertThat(unitNameKey.of(name)).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Phường 1", "phường 1", "P.1", "P. 1", "P1", "p01", "Phường 01", "PHƯỜNG 001", "1", "01",
            "Phuong 1"})
    void of_whenNumberedWard_thenNumberWithoutLeadingZeros(String name) {
        assertThat(unitNameKey.of(name)).isEqualTo("1");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Phường 10    | 10
            Quận 3       | 3
            Q.3          | 3
            Q3           | 3
            Phường 0     | 0
            Phường 00    | 0
            """)
    void of_whenNumberedUnit_thenNumberKeepsItsSignificantDigits(String name, String key) {
        assertThat(unitNameKey.of(name)).isEqualTo(key);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"  ", " - ", "..."})
    void of_whenNoName_thenEmptyKey(String name) {
        assertThat(unitNameKey.of(name)).isEmpty();
    }

    @Test
    void of_whenWardIsNamedPhuong_thenOnlyTheFirstPrefixIsRemoved() {
        assertThat(unitNameKey.of("Phường Phường Đúc")).isEqualTo("phuong duc");
        assertThat(unitNameKey.of("Xã Xa Dung")).isEqualTo("xa dung");
    }

    @Test
    void candidates_whenExactPrefix_thenStrippedFirstThenWholeName() {
        assertThat(unitNameKey.candidates("Xã Cao Sơn")).containsExactly("cao son", "xa cao son");
    }

    @Test
    void candidates_whenNoPrefix_thenOnlyTheKey() {
        assertThat(unitNameKey.candidates("Cao Sơn")).containsExactly("cao son");
        assertThat(unitNameKey.candidates(null)).containsExactly("");
    }

    @Test
    void candidates_whenPoliceAndPrefix_thenEveryDepth() {
        assertThat(unitNameKey.candidates("Công an xã Cao Sơn"))
                .containsExactly("cao son", "xa cao son", "cong an xa cao son");
    }

    @Test
    void candidates_whenPrefixWordIsPartOfTheRealName_thenTheRealNameIsACandidate() {
        // The ward registered as "Phường Phường Đúc" and clerks writing "Phường Đúc".
        assertThat(unitNameKey.candidates("Phường Đúc")).containsExactly("duc", "phuong duc");
        // The township "Thị trấn P Rao" and the commune "Xã H Bông".
        assertThat(unitNameKey.candidates("P Rao")).containsExactly("rao", "p rao");
        assertThat(unitNameKey.candidates("H Bông")).containsExactly("bong", "h bong");
        // "Xã Xa Dung" written without its prefix.
        assertThat(unitNameKey.candidates("Xa Dung")).containsExactly("dung", "xa dung");
    }

    @Test
    void candidates_whenUndiacriticPrefixInsideADiacriticName_thenNameFirstStrippedSecond() {
        assertThat(unitNameKey.candidates("Quan Sơn")).containsExactly("quan son", "son");
    }

    @Test
    void candidates_whenWholeNameWithoutDiacritics_thenStrippedFirstNameSecond() {
        assertThat(unitNameKey.candidates("Quan Hoa")).containsExactly("hoa", "quan hoa");
        assertThat(unitNameKey.candidates("Phuong Trung")).containsExactly("trung", "phuong trung");
    }

    @Test
    void candidates_whenNumberedWard_thenLeadingZerosGoneInEveryCandidate() {
        assertThat(unitNameKey.candidates("Phường 01")).containsExactly("1", "phuong 1");
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            Xã Cao Sơn          | xa
            X. Cao Sơn          | xa
            Xa Cao Son          | xa
            Phường Phúc Xá      | phuong
            P.1                 | phuong
            P1                  | phuong
            Thị trấn Chợ Rã     | thi tran
            TT. Chợ Rã          | thi tran
            Thị xã Sơn Tây      | thi xa
            TX Sơn Tây          | thi xa
            Thành phố Thanh Hóa | thanh pho
            TP. Thanh Hóa       | thanh pho
            Huyện Bạch Thông    | huyen
            H. Bạch Thông       | huyen
            Quận 3              | quan
            Q.3                 | quan
            Tỉnh Bắc Kạn        | tinh
            Đặc khu Côn Đảo     | dac khu
            Công an xã Cao Sơn  | xa
            Cao Sơn             | ''
            Quan Sơn            | ''
            Xã                  | ''
            """)
    void parse_whenPrefixStated_thenItsFullFormIsReported(String name, String prefix) {
        assertThat(unitNameKey.parse(name).prefix()).isEqualTo(prefix);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Xã Hòa Bình      | hoaf binhf
            Hoà Bình         | hoaf binhf
            HOÀ BÌNH         | hoaf binhf
            Thủy Xuân        | thuyr xuân
            Thuỷ Xuân        | thuyr xuân
            Xã Đồng Thành    | đôngf thanhf
            Xã Đông Thành    | đông thanhf
            Phường Hương Vân | hương vân
            Phường Hương Văn | hương văn
            Xã Hoằng Phụ     | hoăngf phuj
            Xã Hoằng Phú     | hoăngf phus
            Cao Son          | cao son
            Phường 01        | 1
            """)
    void parse_whenDiacriticsTyped_thenAccentedKeyKeepsThemWithToneAtTheEnd(String name, String accentedKey) {
        assertThat(unitNameKey.parse(name).accentedKey()).isEqualTo(accentedKey);
    }

    @Test
    void parse_whenNamesDifferOnlyByDiacritics_thenSameKeyButDifferentAccentedKeys() {
        UnitName dong = unitNameKey.parse("Xã Đồng Thành");
        UnitName dongFlat = unitNameKey.parse("Xã Đông Thành");
        assertThat(dong.key()).isEqualTo(dongFlat.key());
        assertThat(dong.accentedKey()).isNotEqualTo(dongFlat.accentedKey());
    }

    @Test
    void parse_whenNfdInput_thenSameReadingAsNfc() {
        String nfc = "Thị trấn Mường Tè";
        assertThat(unitNameKey.parse(Normalizer.normalize(nfc, Normalizer.Form.NFD))).isEqualTo(unitNameKey.parse(nfc));
    }

    @Test
    void parse_whenCandidatesAsked_thenSameAsCandidatesAndKeyFirst() {
        UnitName name = unitNameKey.parse("Phường Đúc");
        assertThat(name.candidates()).isEqualTo(unitNameKey.candidates("Phường Đúc"));
        assertThat(name.candidates().get(0)).isEqualTo(name.key()).isEqualTo(unitNameKey.of("Phường Đúc"));
    }

    @Test
    void parse_whenTheSameNameAgain_thenTheRememberedReadingSharedByEveryReader() {
        UnitName first = unitNameKey.parse("Xã Nà Phặc");
        UnitName again = new UnitNameKey().parse("Xã Nà Phặc");

        assertThat(again).isSameAs(first);
        assertThat(again.key()).isEqualTo("na phac");
        assertThat(again.candidates()).containsExactly("na phac", "xa na phac");
    }

    @Test
    void parse_whenAVeryLongText_thenReadEachTimeAndNotRemembered() {
        String note = "Xã Cao Sơn " + "ghi chú ".repeat(40);

        UnitName first = unitNameKey.parse(note);
        UnitName again = unitNameKey.parse(note);

        assertThat(again).isNotSameAs(first).isEqualTo(first);
        assertThat(again.key()).startsWith("cao son ghi chu");
    }
}
