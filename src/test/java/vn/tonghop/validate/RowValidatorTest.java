package vn.tonghop.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tonghop.form.FormLoader;
import vn.tonghop.form.ReportForm;
import vn.tonghop.layout.RowKind;
import vn.tonghop.layout.SourceCell;
import vn.tonghop.layout.SubmittedRow;
import vn.tonghop.normalise.Period;
import vn.tonghop.normalise.UnitNameKey;
import vn.tonghop.registry.Unit;
import vn.tonghop.registry.UnitLevel;
import vn.tonghop.registry.UnitRegistry;

/**
 * The rules of acceptance (SPEC §5) and the normalisations of SPEC §2 as one commune's row meets them: the real
 * form ANTQ-01 from {@code jobs/}, a small registry of Bắc Kạn (province 06, districts 063 Bạch Thông and 064 Chợ
 * Đồn), rows built as the layout step would hand them over. Messages are the Vietnamese bundle's exact text.
 */
class RowValidatorTest {

    private static final LocalDate FROM = LocalDate.of(2000, 1, 1);
    private static final LocalDate TO = LocalDate.of(2025, 6, 30);
    private static final Period YEAR_2023 = Period.ofYear(2023);
    private static final LocalDate RUN_DAY = LocalDate.of(2024, 1, 10);

    private static final Unit BAC_KAN = unit(UnitLevel.PROVINCE, "06", "Bắc Kạn", "Tỉnh", null);
    private static final Unit BACH_THONG = unit(UnitLevel.DISTRICT, "063", "Bạch Thông", "Huyện", "06");
    private static final Unit CHO_DON = unit(UnitLevel.DISTRICT, "064", "Chợ Đồn", "Huyện", "06");
    private static final Unit CAO_SON = unit(UnitLevel.COMMUNE, "02002", "Cao Sơn", "Xã", "063");
    // Two communes of one district whose names differ only by diacritics.
    private static final Unit DONG_THANH_GRAVE = unit(UnitLevel.COMMUNE, "02008", "Đồng Thành", "Xã", "063");
    private static final Unit DONG_THANH_PLAIN = unit(UnitLevel.COMMUNE, "02011", "Đông Thành", "Xã", "063");
    private static final Unit YEN_THUONG = unit(UnitLevel.COMMUNE, "02047", "Yên Thượng", "Xã", "064");
    // The same name as 02002, in the other district.
    private static final Unit CAO_SON_CHO_DON = unit(UnitLevel.COMMUNE, "02050", "Cao Sơn", "Xã", "064");

    private static final UnitRegistry REGISTRY = new UnitRegistry(List.of(BAC_KAN, BACH_THONG, CHO_DON, CAO_SON,
            DONG_THANH_GRAVE, DONG_THANH_PLAIN, YEN_THUONG, CAO_SON_CHO_DON));

    private static final String SESSIONS = "Số buổi tuyên truyền, phổ biến pháp luật";
    private static final String ATTENDEES = "Số lượt người tham gia";
    private static final String HOUSEHOLDS = "Tổng số hộ gia đình";
    private static final String VILLAGES_TOTAL = "Tổng số thôn, bản, tổ dân phố";
    private static final String VILLAGES_SAFE = "Số thôn, bản đạt chuẩn \"An toàn về ANTT\"";
    private static final String COMMUNE_SAFE = "Xã đạt chuẩn \"An toàn về ANTT\"";
    private static final String HOUSES = "Số nhà xây cho hộ nghèo, khó khăn";
    private static final String DONATIONS = "Số tiền ủng hộ (đồng)";

    private static ReportForm form;
    private static RowValidator validator;

    @BeforeAll
    static void loadForm() throws IOException {
        form = new FormLoader().load(Path.of("jobs/antq-01.yaml"));
        validator = new RowValidator(form, Messages.vietnamese());
    }

    private static Unit unit(UnitLevel level, String code, String name, String type, String parent) {
        return new Unit(level, code, name, type, parent, "06", new UnitNameKey().of(name), FROM, TO);
    }

    /** A wide row as the layout step builds it: code, name, district and period cells, then indicator cells. */
    private static final class Row {
        private static final int ROW_NUMBER = 7;
        private String code;
        private String name;
        private String district;
        private String period;
        private final Map<String, SourceCell> cells = new LinkedHashMap<>();

        Row code(String value) {
            code = value;
            return this;
        }

        Row name(String value) {
            name = value;
            return this;
        }

        Row district(String value) {
            district = value;
            return this;
        }

        Row period(String value) {
            period = value;
            return this;
        }

        /** A cell under the indicator's main header, as the clerk typed it. */
        Row cell(String indicator, String raw) {
            String header = form.indicator(indicator).orElseThrow().header();
            cells.put(indicator, new SourceCell(ROW_NUMBER, header, letter(cells.size() + 4), raw));
            return this;
        }

        SubmittedRow build() {
            return new SubmittedRow(RowKind.DATA, "Sheet1", ROW_NUMBER, role(code, "Mã xã", "B"), role(name, "Tên xã", "C"),
                    role(district, "Huyện", "D"), role(period, "Kỳ báo cáo", "E"), cells, List.of());
        }

        private static SourceCell role(String raw, String header, String letter) {
            return raw == null ? null : new SourceCell(ROW_NUMBER, header, letter, raw);
        }

        private static String letter(int index) {
            return String.valueOf((char) ('A' + index));
        }
    }

    private static Row row() {
        return new Row();
    }

    private static FileContext officeContext(Unit office) {
        return new FileContext(office, office.code(), YEAR_2023, REGISTRY, RUN_DAY);
    }

    private static FileContext district063() {
        return officeContext(BACH_THONG);
    }

    private static CheckedRow check(Row row, FileContext context) {
        Optional<CheckedRow> checked = validator.check(row.build(), context);
        assertThat(checked).as("a commune's row is checked, not skipped").isPresent();
        return checked.get();
    }

    private static void assertRejected(CheckedRow checked, String code, String message) {
        assertThat(checked.accepted()).as("accepted").isFalse();
        assertThat(checked.values()).as("values of a rejected row").isEmpty();
        assertThat(checked.issues()).extracting(Issue::severity, Issue::code, Issue::message)
                .containsExactly(tuple(Severity.ERROR, code, message));
    }

    private static void assertValues(CheckedRow checked, Map<String, String> expected) {
        assertThat(checked.values()).containsOnlyKeys(expected.keySet());
        expected.forEach((code, value) -> assertThat(checked.values().get(code)).as(code).isEqualByComparingTo(value));
    }

    // --- errors: which commune -------------------------------------------------------------------------------

    @Test
    void check_whenCommuneCodeUnknown_thenRowRejectedNamingCodeAndPeriod() {
        CheckedRow checked = check(row().code("99999").name("Cao Sơn").cell("propaganda_sessions", "7"), district063());

        assertRejected(checked, "row.unit.unknownCode",
                "Mã xã \"99999\" không có trong danh mục đơn vị hành chính của kỳ năm 2023.");
        assertThat(checked.commune()).isNull();
        assertThat(checked.issues().get(0).column()).isEqualTo("Mã xã");
        assertThat(checked.issues().get(0).cellValue()).isEqualTo("99999");
    }

    @Test
    void check_whenCommuneNameUnknownInOffice_thenRowRejectedNamingTheOffice() {
        CheckedRow checked = check(row().name("Xã Hư Vô").cell("propaganda_sessions", "7"), district063());

        assertRejected(checked, "row.unit.unknownName",
                "Không tìm thấy xã \"Xã Hư Vô\" trong danh mục các xã của Huyện Bạch Thông. Hãy ghi đúng tên hoặc thêm cột \"Mã xã\".");
    }

    @Test
    void check_whenCodedCommuneBelongsToAnotherDistrict_thenRowRejectedAsOutOfScope() {
        CheckedRow checked = check(row().code("02002").name("Cao Sơn").cell("propaganda_sessions", "7"), officeContext(CHO_DON));

        assertRejected(checked, "row.unit.outOfScope", "Xã Cao Sơn (02002) không thuộc phạm vi của đơn vị gửi Huyện Chợ Đồn "
                + "(thư mục 064); đơn vị chỉ được báo cáo cho các xã của mình.");
        assertThat(checked.commune().code()).isEqualTo("02002");
    }

    @Test
    void check_whenNamedCommuneExistsOnlyInAnotherDistrict_thenRowRejectedAsOutOfScope() {
        CheckedRow checked = check(row().name("Yên Thượng").cell("propaganda_sessions", "7"), district063());

        assertRejected(checked, "row.unit.outOfScope", "Xã Yên Thượng (02047) không thuộc phạm vi của đơn vị gửi Huyện Bạch Thông "
                + "(thư mục 063); đơn vị chỉ được báo cáo cho các xã của mình.");
    }

    @Test
    void check_whenNameMatchesCommunesOfTwoDistrictsAndOfficeIsProvince_thenRowRejectedAsAmbiguous() {
        CheckedRow checked = check(row().name("Cao Sơn").cell("propaganda_sessions", "7"), officeContext(BAC_KAN));

        assertRejected(checked, "row.unit.ambiguous",
                "Tên \"Cao Sơn\" khớp với nhiều đơn vị: Xã Cao Sơn (02002), Xã Cao Sơn (02050). Hãy ghi thêm mã xã để phân biệt.");
        assertThat(checked.commune()).isNull();
    }

    @Test
    void check_whenNameTypedWithoutDiacriticsMatchesTwoCommunesOfOneDistrict_thenRowRejectedAsAmbiguous() {
        CheckedRow checked = check(row().name("Dong Thanh").cell("propaganda_sessions", "7"), district063());

        assertRejected(checked, "row.unit.ambiguous", "Tên \"Dong Thanh\" khớp với nhiều đơn vị: Xã Đồng Thành (02008), "
                + "Xã Đông Thành (02011). Hãy ghi thêm mã xã để phân biệt.");
    }

    // --- errors: values --------------------------------------------------------------------------------------

    @Test
    void check_whenValueIsNotANumber_thenRowRejected() {
        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "mười"), district063());

        assertRejected(checked, "cell.notNumber", "Giá trị \"mười\" ở cột \"" + SESSIONS + "\" không phải là số.");
        assertThat(checked.issues().get(0).column()).isEqualTo(SESSIONS);
        assertThat(checked.issues().get(0).communeCode()).isEqualTo("02002");
    }

    @Test
    void check_whenCountIsNegative_thenRowRejected() {
        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "-5"), district063());

        assertRejected(checked, "cell.negative", "Giá trị \"-5\" ở cột \"" + SESSIONS + "\" âm; số liệu không được âm.");
    }

    @Test
    void check_whenVillagesSafeExceedsTotal_thenRowRejectedWithBothFigures() {
        CheckedRow checked = check(row().code("02002").cell("villages_total", "6").cell("villages_safe", "8"), district063());

        assertRejected(checked, "cell.atMost", VILLAGES_SAFE + " (8) lớn hơn tổng số thôn, bản, tổ dân phố (6).");
        assertThat(checked.issues().get(0).column()).isEqualTo(VILLAGES_SAFE);
    }

    @Test
    void check_whenFractionNumeratorExceedsItsDenominator_thenImpliedTotalBreaksAtMostRule() {
        CheckedRow checked = check(row().code("02002").cell("villages_safe", "7/6"), district063());

        assertRejected(checked, "cell.atMost", VILLAGES_SAFE + " (7) lớn hơn tổng số thôn, bản, tổ dân phố (6).");
    }

    @Test
    void check_whenFractionDenominatorDisagreesWithTotalColumn_thenRowRejected() {
        CheckedRow checked = check(row().code("02002").cell("villages_total", "7").cell("villages_safe", "6/6"), district063());

        assertRejected(checked, "cell.fractionConflict", "Giá trị \"6/6\" ở cột \"" + VILLAGES_SAFE + "\" cho mẫu số 6, khác với cột \""
                + VILLAGES_TOTAL + "\" (7).");
    }

    @Test
    void check_whenFractionUnderColumnWithoutDenominator_thenRowRejected() {
        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "3/4"), district063());

        assertRejected(checked, "cell.fractionNotAllowed", "Cột \"" + SESSIONS + "\" không nhận giá trị dạng phân số (\"3/4\").");
    }

    @Test
    void check_whenCountIsNotWhole_thenRowRejected() {
        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "2,5"), district063());

        assertRejected(checked, "cell.notWhole", "Giá trị \"2,5\" ở cột \"" + SESSIONS + "\" phải là số nguyên.");
    }

    @Test
    void check_whenHouseholdsTotalIsZero_thenRowRejectedByPositiveRule() {
        CheckedRow checked = check(row().code("02002").cell("households_total", "0"), district063());

        assertRejected(checked, "cell.notPositive", "Giá trị \"0\" ở cột \"" + HOUSEHOLDS + "\" phải lớn hơn 0.");
    }

    @Test
    void check_whenYesNoAnswerUnreadable_thenRowRejected() {
        CheckedRow checked = check(row().code("02002").cell("commune_safe", "có lẽ"), district063());

        assertRejected(checked, "cell.notYesNo", "Giá trị \"có lẽ\" ở cột \"" + COMMUNE_SAFE
                + "\" không phải Có/Không (ghi \"x\", \"Đạt\", \"Có\" hoặc để trống/\"Không\").");
    }

    // --- errors: period --------------------------------------------------------------------------------------

    @Test
    void check_whenNeitherFileNorRowStatesPeriod_thenRowRejectedForMissingPeriod() {
        FileContext noPeriod = new FileContext(BACH_THONG, "063", null, REGISTRY, RUN_DAY);

        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "7"), noPeriod);

        assertRejected(checked, "row.period.missing", "Dòng không có kỳ báo cáo và tệp cũng không ghi kỳ báo cáo.");
        assertThat(checked.period()).isNull();
    }

    @Test
    void check_whenPeriodStartsAfterRunDay_thenRowRejectedAsFuture() {
        FileContext beforeYearStarts = new FileContext(BACH_THONG, "063", YEAR_2023, REGISTRY, LocalDate.of(2022, 12, 14));

        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "7"), beforeYearStarts);

        assertRejected(checked, "row.period.future",
                "Kỳ báo cáo năm 2023 chưa bắt đầu (bắt đầu từ 15/12/2022); không nhận số liệu của kỳ tương lai.");
    }

    @Test
    void check_whenRowsOwnPeriodIsInTheFuture_thenItsPeriodCellIsNamed() {
        FileContext noPeriod = new FileContext(BACH_THONG, "063", null, REGISTRY, LocalDate.of(2023, 6, 20));

        CheckedRow checked = check(row().code("02002").period("Quý 4 năm 2023").cell("propaganda_sessions", "7"), noPeriod);

        assertRejected(checked, "row.period.future",
                "Kỳ báo cáo quý IV/2023 chưa bắt đầu (bắt đầu từ 15/09/2023); không nhận số liệu của kỳ tương lai.");
        assertThat(checked.issues()).extracting(Issue::column, Issue::cellValue).containsExactly(tuple("Kỳ báo cáo", "Quý 4 năm 2023"));
    }

    @Test
    void check_whenFilesPeriodIsInTheFuture_thenTheRowIsNamedWithoutACell() {
        FileContext beforeYearStarts = new FileContext(BACH_THONG, "063", YEAR_2023, REGISTRY, LocalDate.of(2022, 12, 14));

        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "7"), beforeYearStarts);

        assertThat(checked.issues()).extracting(Issue::rowNumber, Issue::column).containsExactly(tuple(7, null));
    }

    @Test
    void check_whenPeriodStartsOnRunDay_thenItIsNotFuture() {
        FileContext firstDay = new FileContext(BACH_THONG, "063", YEAR_2023, REGISTRY, LocalDate.of(2022, 12, 15));

        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "7"), firstDay);

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.issues()).isEmpty();
    }

    @Test
    void check_whenRowPeriodLiesOutsideFilePeriod_thenRowRejectedNamingBoth() {
        CheckedRow checked = check(row().code("02002").period("quý IV/2022").cell("propaganda_sessions", "7"), district063());

        assertRejected(checked, "row.period.conflict", "Kỳ báo cáo của dòng (quý IV/2022) khác kỳ báo cáo của tệp (năm 2023).");
    }

    @Test
    void check_whenRowPeriodCoversMoreThanFilePeriod_thenRowRejected() {
        FileContext quarterFile = new FileContext(BACH_THONG, "063", Period.ofQuarter(2023, 3), REGISTRY, RUN_DAY);

        CheckedRow checked = check(row().code("02002").period("năm 2023").cell("propaganda_sessions", "7"), quarterFile);

        assertRejected(checked, "row.period.conflict", "Kỳ báo cáo của dòng (năm 2023) khác kỳ báo cáo của tệp (quý III/2023).");
    }

    @Test
    void check_whenRowStatesFinerPeriodInsideFilePeriod_thenRowPeriodUsed() {
        CheckedRow checked = check(row().code("02002").period("quý III/2023").cell("propaganda_sessions", "7"), district063());

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.issues()).isEmpty();
        assertThat(checked.period()).isEqualTo(Period.ofQuarter(2023, 3));
    }

    @Test
    void check_whenRowPeriodUnreadable_thenRowRejected() {
        CheckedRow checked = check(row().code("02002").period("kỳ trước").cell("propaganda_sessions", "7"), district063());

        assertRejected(checked, "row.period.unreadable", "Không hiểu kỳ báo cáo \"kỳ trước\".");
    }

    @Test
    void check_whenRowStatesPeriodAndFileDoesNot_thenRowPeriodUsed() {
        FileContext noPeriod = new FileContext(BACH_THONG, "063", null, REGISTRY, RUN_DAY);

        CheckedRow checked = check(row().code("02002").period("Quý 3 năm 2023").cell("propaganda_sessions", "7"), noPeriod);

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.period()).isEqualTo(Period.ofQuarter(2023, 3));
    }

    // --- warnings --------------------------------------------------------------------------------------------

    @Test
    void check_whenAttendeesBelowSessions_thenRowAcceptedWithWarning() {
        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "7").cell("propaganda_attendees", "5"), district063());

        assertThat(checked.accepted()).isTrue();
        assertValues(checked, Map.of("propaganda_sessions", "7", "propaganda_attendees", "5"));
        assertThat(checked.issues()).extracting(Issue::severity, Issue::code, Issue::message)
                .containsExactly(tuple(Severity.WARNING, "cell.warnAtLeast",
                        ATTENDEES + " (5) nhỏ hơn số buổi tuyên truyền, phổ biến pháp luật (7); hãy kiểm tra lại."));
    }

    @Test
    void check_whenCodeAndNameNameDifferentCommunes_thenCodeWinsWithWarning() {
        CheckedRow checked = check(row().code("02002").name("Đồng Thành").cell("propaganda_sessions", "7"), district063());

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.commune().code()).isEqualTo("02002");
        assertValues(checked, Map.of("propaganda_sessions", "7"));
        assertThat(checked.issues()).extracting(Issue::severity, Issue::code, Issue::message)
                .containsExactly(tuple(Severity.WARNING, "row.unit.nameMismatch",
                        "Mã xã 02002 là Xã Cao Sơn, nhưng tên ghi là \"Đồng Thành\"; đã dùng theo mã xã."));
    }

    // --- acceptance and normalisation ------------------------------------------------------------------------

    @Test
    void check_whenCodeGivenAndNameAmbiguous_thenCodeWinsSilently() {
        CheckedRow checked = check(row().code("02050").name("Cao Sơn").cell("propaganda_sessions", "7"), officeContext(BAC_KAN));

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.commune()).isEqualTo(CAO_SON_CHO_DON);
        assertThat(checked.period()).isEqualTo(YEAR_2023);
        assertThat(checked.issues()).isEmpty();
    }

    @Test
    void check_whenCodeLostItsLeadingZero_thenCommuneStillFound() {
        CheckedRow checked = check(row().code("2002").cell("propaganda_sessions", "7"), district063());

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.commune()).isEqualTo(CAO_SON);
    }

    static Stream<String> spellingsOfCaoSon() {
        return Stream.of("Xã Cao Sơn", "xã Cao Sơn", "X. Cao Sơn", "Cao Sơn", "CAO SƠN", "Cao Son", "CAO SON", "Công an xã Cao Sơn",
                Normalizer.normalize("Xã Cao Sơn", Normalizer.Form.NFD), Normalizer.normalize("CAO SƠN", Normalizer.Form.NFD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellingsOfCaoSon")
    void check_whenNameWrittenWithPrefixCaseOrDiacriticVariants_thenMatchedWithinOffice(String name) {
        CheckedRow checked = check(row().name(name).cell("propaganda_sessions", "7"), district063());

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.commune()).isEqualTo(CAO_SON);
        assertThat(checked.issues()).isEmpty();
    }

    @Test
    void check_whenNamesOfOneDistrictDifferOnlyByDiacritics_thenEachTypedNameFindsItsOwnCommune() {
        CheckedRow grave = check(row().name("Xã Đồng Thành").cell("propaganda_sessions", "7"), district063());
        CheckedRow plain = check(row().name("Đông Thành").cell("propaganda_sessions", "7"), district063());

        assertThat(grave.commune()).isEqualTo(DONG_THANH_GRAVE);
        assertThat(plain.commune()).isEqualTo(DONG_THANH_PLAIN);
        assertThat(grave.accepted()).isTrue();
        assertThat(plain.accepted()).isTrue();
    }

    @Test
    void check_whenProvinceFileNamesTheDistrict_thenSameNamedCommuneResolvedWithinIt() {
        CheckedRow checked = check(row().name("Cao Sơn").district("Huyện Chợ Đồn").cell("propaganda_sessions", "7"),
                officeContext(BAC_KAN));

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.commune()).isEqualTo(CAO_SON_CHO_DON);
    }

    @Test
    void check_whenCountCellEmpty_thenIndicatorNotReportedButEmptyYesNoIsNo() {
        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "7").cell("propaganda_attendees", "")
                .cell("radio_news_items", "  ").cell("commune_safe", ""), district063());

        assertThat(checked.accepted()).isTrue();
        assertValues(checked, Map.of("propaganda_sessions", "7", "commune_safe", "0"));
        assertThat(checked.sources().get("commune_safe").column()).isEqualTo(COMMUNE_SAFE);
    }

    @Test
    void check_whenYesNoWrittenAsWords_thenOneOrZero() {
        CheckedRow yes = check(row().code("02002").cell("commune_safe", "Đạt"), district063());
        CheckedRow tick = check(row().code("02002").cell("commune_safe", "x"), district063());
        CheckedRow no = check(row().code("02002").cell("commune_safe", "Không đạt"), district063());

        assertValues(yes, Map.of("commune_safe", "1"));
        assertValues(tick, Map.of("commune_safe", "1"));
        assertValues(no, Map.of("commune_safe", "0"));
    }

    @Test
    void check_whenNumbersWrittenTheVietnameseWay_thenReadAsIntended() {
        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "07").cell("propaganda_attendees", "2.500")
                .cell("houses_for_poor", "1.800").cell("donations_vnd", "100 triệu"), district063());

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.issues()).isEmpty();
        assertValues(checked, Map.of("propaganda_sessions", "7", "propaganda_attendees", "2500", "houses_for_poor", "1800",
                "donations_vnd", "100000000"));
        assertThat(checked.sources().get("houses_for_poor").column()).isEqualTo(HOUSES);
        assertThat(checked.sources().get("donations_vnd").column()).isEqualTo(DONATIONS);
    }

    @Test
    void check_whenMoneyWrittenWithThousandDots_thenSameAmountAsInWords() {
        CheckedRow checked = check(row().code("02002").cell("donations_vnd", "100.000.000"), district063());

        assertValues(checked, Map.of("donations_vnd", "100000000"));
    }

    @Test
    void check_whenVillagesSafeWrittenAsFraction_thenItAlsoGivesVillagesTotal() {
        CheckedRow checked = check(row().code("02002").cell("villages_safe", "6/6"), district063());

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.issues()).isEmpty();
        assertValues(checked, Map.of("villages_safe", "6", "villages_total", "6"));
        assertThat(checked.sources().get("villages_total").raw()).isEqualTo("6/6");
    }

    @Test
    void check_whenFractionAgreesWithTotalColumn_thenBothKept() {
        CheckedRow checked = check(row().code("02002").cell("households_total", "336").cell("cultural_households", "334/336"),
                district063());

        assertThat(checked.accepted()).isTrue();
        assertValues(checked, Map.of("households_total", "336", "cultural_households", "334"));
    }

    @Test
    void check_whenLineIsANoteBelowTheTable_thenItIsNoRowAtAll() {
        SubmittedRow note = row().name("Người lập biểu").cell("propaganda_sessions", "").cell("commune_safe", "").build();

        assertThat(validator.check(note, district063())).isEmpty();
    }

    @Test
    void check_whenCommuneRowHasNoValues_thenNotCountedAsReported() {
        CheckedRow checked = check(row().code("02002").name("Cao Sơn").cell("propaganda_sessions", "").cell("households_total", ""),
                district063());

        assertThat(checked.accepted()).isFalse();
        assertThat(checked.values()).isEmpty();
        assertThat(checked.commune()).isEqualTo(CAO_SON);
        assertThat(checked.issues()).extracting(Issue::severity, Issue::code, Issue::message)
                .containsExactly(tuple(Severity.WARNING, "row.noValues",
                        "Xã Cao Sơn: dòng không có số liệu nào nên không được tính là đã báo cáo."));
    }

    @Test
    void check_whenOneCellIsBad_thenWholeRowRejectedAndNoValueKept() {
        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "7").cell("propaganda_attendees", "235")
                .cell("villages_total", "6").cell("villages_safe", "6").cell("households_total", "không rõ"), district063());

        assertRejected(checked, "cell.notNumber", "Giá trị \"không rõ\" ở cột \"" + HOUSEHOLDS + "\" không phải là số.");
        assertThat(checked.commune()).isEqualTo(CAO_SON);
        assertThat(checked.errorCount()).isEqualTo(1);
    }

    @Test
    void check_whenSeveralCellsAreBad_thenEveryErrorListed() {
        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "-1").cell("households_total", "0")
                .cell("commune_safe", "?"), district063());

        assertThat(checked.accepted()).isFalse();
        assertThat(checked.values()).isEmpty();
        assertThat(checked.issues()).extracting(Issue::code).containsExactlyInAnyOrder("cell.negative", "cell.notPositive", "cell.notYesNo");
    }

    // --- regressions ----------------------------------------------------------------------------------------

    @Test
    void check_whenEveryCellIsBlankIncludingTheYesNoColumn_thenTheRowDoesNotCountAsAReport() {
        CheckedRow checked = check(row().code("02002").cell("propaganda_sessions", "").cell("commune_safe", ""), district063());

        assertThat(checked.accepted()).isFalse();
        assertThat(checked.issues()).extracting(Issue::code).containsExactly("row.noValues");
    }

    @Test
    void check_whenTheNameDisagreesWithTheCode_thenTheCodeWinsWithAWarningEvenIfTheNameIsAmbiguous() {
        CheckedRow checked = check(row().code("02047").name("Cao Sơn").cell("propaganda_sessions", "3"), officeContext(BAC_KAN));

        assertThat(checked.accepted()).isTrue();
        assertThat(checked.commune().code()).isEqualTo("02047");
        assertThat(checked.issues()).extracting(Issue::code).containsExactly("row.unit.nameMismatch");
    }

    @Test
    void check_whenTheNameMatchesTheCodeWithAPrefix_thenNoWarning() {
        CheckedRow checked = check(row().code("02002").name("X. Cao Sơn").cell("propaganda_sessions", "3"), district063());

        assertThat(checked.issues()).isEmpty();
    }

    /**
     * The read step sums a file's columns from the figures the rules parse ({@code check(row, context, typed)}):
     * whatever a row holds — a fraction, a fraction of a count, a negative, a word, a yes, a no, a "2" under a yes/no
     * column, an unknown commune, a note — the sums must be those of the clerk's cells as typed, as
     * {@link TotalRowCheck#add(SubmittedRow)} reads them.
     */
    @Test
    void check_whenTypedFiguresAreSummed_thenTheTotalsAreTheCellsAsTyped() {
        List<SubmittedRow> rows = List.of(
                row().code("02002").name("Cao Sơn").cell("propaganda_sessions", "07").cell("villages_safe", "6/6")
                        .cell("commune_safe", "x").build(),
                row().code("02008").name("Đồng Thành").cell("propaganda_sessions", "2,5").cell("villages_total", "10")
                        .cell("villages_safe", "-3").cell("commune_safe", "2").build(),
                row().code("02011").name("Đông Thành").cell("propaganda_sessions", "nhiều").cell("commune_safe", "Không")
                        .cell("households_total", "1.800").build(),
                row().code("99999").name("Không có").cell("propaganda_sessions", "40").cell("households_total", "200").build(),
                row().name("Người lập biểu").cell("propaganda_sessions", "").build());
        TotalRowCheck typed = new TotalRowCheck(form, Messages.vietnamese());
        TotalRowCheck reread = new TotalRowCheck(form, Messages.vietnamese());
        for (SubmittedRow row : rows) {
            validator.check(row, district063(), typed::add);
            reread.add(row);
        }
        SubmittedRow zeros = row().name("Tổng cộng").cell("propaganda_sessions", "0").cell("villages_total", "0")
                .cell("villages_safe", "0").cell("commune_safe", "0").cell("households_total", "0").build();

        List<String> fromTyped = typed.check(zeros).stream().map(Issue::message).toList();

        assertThat(fromTyped).isEqualTo(reread.check(zeros).stream().map(Issue::message).toList());
        assertThat(fromTyped).hasSize(5).anySatisfy(m -> assertThat(m).contains("49,5")) // 7 + 2,5 + 40
                .anySatisfy(m -> assertThat(m).contains("được 2.000")); // 1.800 + 200
    }
}
