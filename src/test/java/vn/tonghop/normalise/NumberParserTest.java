package vn.tonghop.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberParserTest {

    private final NumberParser parser = new NumberParser();

    private ParsedNumber.Value value(String cell) {
        ParsedNumber parsed = parser.parse(cell);
        assertThat(parsed).as("parse(\"%s\")", cell).isInstanceOf(ParsedNumber.Value.class);
        return (ParsedNumber.Value) parsed;
    }

    private void assertNumber(String cell, String expected) {
        ParsedNumber.Value v = value(cell);
        assertThat(v.value()).as("parse(\"%s\")", cell).isEqualByComparingTo(new BigDecimal(expected));
        assertThat(v.denominator()).as("denominator of \"%s\"", cell).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, 0", "7, 7", "92, 92", "1800, 1800", "158000, 158000", "962, 962"})
    void parse_whenPlainDigits_thenThatNumber(String cell, String expected) {
        assertNumber(cell, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"07, 7", "02, 2", "05, 5", "00, 0", "0007, 7", "010, 10"})
    void parse_whenLeadingZeros_thenZerosIgnored(String cell, String expected) {
        assertNumber(cell, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.800       | 1800
            2.500       | 2500
            158.000     | 158000
            100.000.000 | 100000000
            1.234.567   | 1234567
            12.345      | 12345
            999.999     | 999999
            01.800      | 1800
            """)
    void parse_whenThousandsDots_thenWholeNumber(String cell, String expected) {
        assertNumber(cell, expected);
        assertThat(value(cell).value().scale()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2,5         | 2.5
            0,75        | 0.75
            1800,5      | 1800.5
            2,50        | 2.5
            1,800       | 1.8
            """)
    void parse_whenDecimalComma_thenDecimalValue(String cell, String expected) {
        assertNumber(cell, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.800,5       | 1800.5
            100.000,25    | 100000.25
            1.234.567,891 | 1234567.891
            """)
    void parse_whenThousandsDotsAndDecimalComma_thenVietnameseReading(String cell, String expected) {
        assertNumber(cell, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2.5         | 2.5
            0.5         | 0.5
            0.500       | 0.5
            2.50        | 2.5
            1.80        | 1.8
            1234.5      | 1234.5
            1234.567    | 1234.567
            1800.0      | 1800
            100.0       | 100
            """)
    void parse_whenDotNotFollowedByThreeDigitGroups_thenEnglishDecimalPoint(String cell, String expected) {
        assertNumber(cell, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1,234,567    | 1234567
            100,000,000  | 100000000
            1,800.5      | 1800.5
            1,234,567.25 | 1234567.25
            """)
    void parse_whenEnglishThousandsCommas_thenWholeNumber(String cell, String expected) {
        assertNumber(cell, expected);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1 800              | 1800
            1\u00A0800         | 1800
            1\u202F800         | 1800
            1\u2009800         | 1800
            100 000 000        | 100000000
            1 800,5            | 1800.5
            '  1.800  '        | 1800
            \u00A0158.000\u00A0| 158000
            """)
    void parse_whenSpacesOrNoBreakSpacesGroupThousands_thenWholeNumber(String cell, String expected) {
        assertNumber(cell, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            100 triệu         | 100000000
            100 TRIỆU         | 100000000
            100 trieu         | 100000000
            100triệu          | 100000000
            100tr             | 100000000
            1,5 tỷ            | 1500000000
            1,5 tỉ            | 1500000000
            2 ty              | 2000000000
            5 nghìn           | 5000
            5 ngàn            | 5000
            2,5 nghìn         | 2500
            1.500 triệu       | 1500000000
            1 tỷ 500 triệu    | 1500000000
            1 tỷ 200 triệu 50 nghìn | 1200050000
            """)
    void parse_whenScaleWords_thenMultiplied(String cell, String expected) {
        assertNumber(cell, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            100.000.000 đồng  | 100000000
            100.000.000 Đồng  | 100000000
            100.000.000đ      | 100000000
            100.000.000 đ     | 100000000
            100.000.000 đ.    | 100000000
            100.000.000 VNĐ   | 100000000
            100.000.000 VND   | 100000000
            100.000.000 vnd   | 100000000
            100 triệu đồng    | 100000000
            1,5 tỷ đồng       | 1500000000
            5 nghìn đ         | 5000
            """)
    void parse_whenCurrencyWord_thenIgnored(String cell, String expected) {
        assertNumber(cell, expected);
    }

    @Test
    void parse_whenNfdScaleAndCurrencyWords_thenSameAsNfc() {
        String nfd = java.text.Normalizer.normalize("1,5 tỷ đồng", java.text.Normalizer.Form.NFD);
        assertNumber(nfd, "1500000000");
    }

    @ParameterizedTest(name = "{0} -> {1}/{2}")
    @CsvSource(delimiter = '|', textBlock = """
            10/10     | 10  | 10
            334/336   | 334 | 336
            6/6       | 6   | 6
            6 / 6     | 6   | 6
            0/5       | 0   | 5
            11/11     | 11  | 11
            34/34     | 34  | 34
            1.800/2.000 | 1800 | 2000
            07/10     | 7   | 10
            """)
    void parse_whenFraction_thenNumeratorAndDenominator(String cell, String numerator, String denominator) {
        ParsedNumber.Value v = value(cell);
        assertThat(v.value()).isEqualByComparingTo(new BigDecimal(numerator));
        assertThat(v.denominator()).isEqualByComparingTo(new BigDecimal(denominator));
        assertThat(v.isFraction()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -5      | -5
            - 5     | -5
            \u22125 | -5
            -1.800  | -1800
            -2,5    | -2.5
            +3      | 3
            + 3     | 3
            -0      | 0
            """)
    void parse_whenSigned_thenSignKeptForTheRulesToJudge(String cell, String expected) {
        assertNumber(cell, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1.5E3   | 1500
            1.5e3   | 1500
            1,5E3   | 1500
            1E6     | 1000000
            2.5E-1  | 0.25
            -1.5E3  | -1500
            """)
    void parse_whenScientificNotation_thenExpanded(String cell, String expected) {
        assertNumber(cell, expected);
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   ", "\t", "\u00A0", "\u202F \u00A0", "-", "—", "–", "--", " - ", "\u2212",
            "\uFEFF"})
    void parse_whenBlankOrLoneDash_thenEmptyNotZero(String cell) {
        assertThat(parser.parse(cell)).isEqualTo(new ParsedNumber.Empty());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"abc", "12a", "a12", "1/0", "0/0", "5/", "/5", "1/-2", "1/2/3", "1..2", "1.2.3",
            "1,2,3", "12 34", "1 80", "1.800.00", "1,,2", "95%", "5.", ",5", ".5", "(5)", "x", "Có",
            "1 tỷ 500", "500 triệu 1 tỷ", "triệu", "đồng", "1e999", "1--2", "+-3", "1.800,5,2", "1,800.5.2",
            "10 / abc", "không", "N/A", "1-2"})
    void parse_whenNotANumber_thenInvalidWithAReason(String cell) {
        ParsedNumber parsed = parser.parse(cell);
        assertThat(parsed).as("parse(\"%s\")", cell).isInstanceOf(ParsedNumber.Invalid.class);
        assertThat(((ParsedNumber.Invalid) parsed).reason()).isNotBlank();
    }

    @Test
    void parse_whenZeroDenominator_thenReasonSaysSo() {
        assertThat(parser.parse("1/0")).isEqualTo(new ParsedNumber.Invalid("the denominator of '1/0' is not positive"));
    }

    @Test
    void parse_whenVeryLongText_thenInvalidWithoutWork() {
        assertThat(parser.parse("1".repeat(10_000))).isInstanceOf(ParsedNumber.Invalid.class);
    }

    @Test
    void parse_whenThousandsDots_thenNoExponentInThePlainString() {
        assertThat(value("158.000").value().toPlainString()).isEqualTo("158000");
        assertThat(value("100 triệu").value().toString()).isEqualTo("100000000");
    }

    @Test
    void parse_whenLongDigitString_thenExact() {
        assertNumber("123456789012345678901234567890", "123456789012345678901234567890");
    }

    @ParameterizedTest(name = "{0} whole={1}")
    @CsvSource({"0, true", "1800, true", "2.0, true", "2.00, true", "1.8E+3, true", "-5, true", "2.5, false",
            "0.001, false", "-0.5, false"})
    void isWhole_whenValue_thenTrueOnlyWithoutFractionalPart(String value, boolean whole) {
        assertThat(NumberParser.isWhole(new BigDecimal(value))).isEqualTo(whole);
    }

    @Test
    void value_isWhole_whenDecimalComma_thenFalse() {
        assertThat(value("2,5").isWhole()).isFalse();
        assertThat(value("1.800").isWhole()).isTrue();
        assertThat(value("1.800").isFraction()).isFalse();
    }
}
