package vn.tonghop.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.opencsv.CSVReaderHeaderAware;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tonghop.registry.RegistryImporter.ImportSummary;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/**
 * {@code units import} on the real registry extract of {@code ../shared/data/admin-units/} (see its README for the
 * figures asserted here), into a real PostgreSQL, and the in-memory snapshot built from it.
 */
@TonghopSpringTest
class RegistryImportTest {

    private static final Path ADMIN_UNITS = Path.of("../shared/data/admin-units");
    private static final LocalDate LAST_PRE_REFORM_DAY = LocalDate.of(2025, 6, 30);
    private static final LocalDate REFORM_DAY = LocalDate.of(2025, 7, 1);
    private static final LocalDate RENAMING_DAY = LocalDate.of(2026, 4, 30);
    private static final LocalDate YEAR_2023_START = LocalDate.of(2022, 12, 15);
    private static final LocalDate YEAR_2023_END = LocalDate.of(2023, 12, 14);

    @Autowired
    RegistryImporter importer;

    @Autowired
    RegistryRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void emptyRegistry() {
        Assumptions.assumeTrue(Files.isDirectory(ADMIN_UNITS), "../shared/data/admin-units absent: real-registry test skipped");
        Database.clear(jdbc);
    }

    private ImportSummary importFile(String name) throws IOException {
        return importer.importFile(ADMIN_UNITS.resolve(name), null);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }

    private int versions(String level) {
        return count("SELECT count(*) FROM unit WHERE level = ?", level);
    }

    @Test
    void import_whenPreReformList_thenEveryCommuneDistrictAndProvinceValidUntilTheReform() throws IOException {
        ImportSummary summary = importFile("units-2024.csv");

        assertThat(summary.layout()).isEqualTo("THREE_TIER");
        assertThat(summary.rows()).isEqualTo(10_035);
        assertThat(summary.inserted()).isEqualTo(10_035 + 691 + 63);
        assertThat(repository.count(UnitLevel.COMMUNE)).isEqualTo(10_035);
        assertThat(repository.count(UnitLevel.DISTRICT)).isEqualTo(691);
        assertThat(repository.count(UnitLevel.PROVINCE)).isEqualTo(63);
        assertThat(versions("commune")).isEqualTo(10_035);
        assertThat(count("SELECT count(*) FROM unit WHERE valid_from = DATE '2000-01-01' AND valid_to = DATE '2025-06-30'"))
                .isEqualTo(10_035 + 691 + 63);
        assertThat(jdbc.queryForMap("SELECT name, unit_type, parent_code, province_code, name_key FROM unit WHERE level = 'commune' AND code = '02002'"))
                .containsEntry("name", "Cao Sơn").containsEntry("unit_type", "Xã").containsEntry("parent_code", "063")
                .containsEntry("province_code", "06").containsEntry("name_key", "cao son");
        assertThat(count("SELECT count(*) FROM unit WHERE level = 'commune' AND parent_code = '417'")).as("Kỳ Sơn").isEqualTo(21);
        assertThat(count("SELECT count(*) FROM unit WHERE level = 'commune' AND parent_code = '040'")).as("Cao Bằng city").isEqualTo(11);
        assertThat(count("SELECT count(*) FROM unit WHERE level = 'commune' AND unit_type = 'Thị trấn'")).isEqualTo(617);
        // the registry's classes of cities are written as a city's name is: "Thành phố Sông Công", not "... thuộc tỉnh Sông Công"
        assertThat(jdbc.queryForList("SELECT unit_type || ' ' || name FROM unit WHERE level = 'district' AND code IN ('165', '769') ORDER BY code",
                String.class)).containsExactly("Thành phố Sông Công", "Thành phố Thủ Đức");
        assertThat(count("SELECT count(*) FROM unit WHERE level = 'district' AND unit_type = 'Thành phố'")).isEqualTo(86 + 1);
        assertThat(jdbc.queryForObject("SELECT unit_type FROM unit WHERE level = 'province' AND code = '79'", String.class))
                .isEqualTo("Thành phố");
    }

    @Test
    void import_whenSameFileImportedTwice_thenSecondImportChangesNothing() throws IOException {
        importFile("units-2024.csv");
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM unit ORDER BY level, code, valid_from");

        ImportSummary again = importFile("units-2024.csv");

        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(10_035 + 691 + 63);
        assertThat(jdbc.queryForList("SELECT * FROM unit ORDER BY level, code, valid_from")).isEqualTo(before);
    }

    @Test
    void import_whenDistrictListAfterUnits_thenOnlyTheFiveDistrictsWithoutCommunesAdded() throws IOException {
        importFile("units-2024.csv");

        ImportSummary districts = importFile("districts-2024.csv");

        assertThat(districts.layout()).isEqualTo("DISTRICTS");
        assertThat(districts.rows()).isEqualTo(696);
        assertThat(districts.inserted()).isEqualTo(5);
        assertThat(repository.count(UnitLevel.DISTRICT)).isEqualTo(696);
        assertThat(repository.count(UnitLevel.COMMUNE)).isEqualTo(10_035);
        assertThat(jdbc.queryForList("""
                SELECT d.code FROM unit d
                WHERE d.level = 'district' AND NOT EXISTS (SELECT 1 FROM unit c WHERE c.level = 'commune' AND c.parent_code = d.code)
                ORDER BY d.code""", String.class))
                .containsExactly("318", "471", "498", "536", "755");
        assertThat(jdbc.queryForObject("SELECT valid_to FROM unit WHERE level = 'district' AND code = '755'", LocalDate.class))
                .isEqualTo(LAST_PRE_REFORM_DAY);
    }

    @Test
    void import_whenPostReformListAfterPreReform_thenNewTierStartsOnReformDayAndOldVersionsKept() throws IOException {
        importFile("units-2024.csv");

        ImportSummary reform = importFile("units-2025.csv");

        assertThat(reform.layout()).isEqualTo("TWO_TIER");
        assertThat(reform.inserted()).isEqualTo(3_321 + 34);
        assertThat(count("SELECT count(*) FROM unit WHERE level = 'commune' AND valid_from = DATE '2025-07-01' AND valid_to IS NULL"))
                .isEqualTo(3_321);
        assertThat(count("SELECT count(*) FROM unit WHERE level = 'province' AND valid_from = DATE '2025-07-01' AND valid_to IS NULL"))
                .isEqualTo(34);
        assertThat(count("SELECT count(*) FROM unit WHERE level = 'commune' AND valid_to = DATE '2025-06-30'")).isEqualTo(10_035);
        assertThat(jdbc.queryForList("SELECT valid_from || '..' || coalesce(valid_to::text, '') FROM unit "
                + "WHERE level = 'province' AND code = '01' ORDER BY valid_from", String.class))
                .containsExactly("2000-01-01..2025-06-30", "2025-07-01..");

        UnitRegistry registry = repository.snapshot();
        Unit vinhThong = found(registry.communeByCode("01981", REFORM_DAY, REFORM_DAY.plusMonths(6)));
        assertThat(vinhThong.fullName()).isEqualTo("Xã Vĩnh Thông");
        assertThat(vinhThong.parentCode()).isEqualTo(vinhThong.provinceCode());
        assertThat(registry.unit(UnitLevel.PROVINCE, vinhThong.provinceCode(), REFORM_DAY, REFORM_DAY).orElseThrow().name())
                .isEqualTo("Thái Nguyên");
        assertThat(registry.communeByCode("02002", REFORM_DAY, REFORM_DAY.plusMonths(6))).isInstanceOf(UnitMatch.NotFound.class);
    }

    @Test
    void import_whenRenamingListWithItsFirstDay_thenOnlyChangedUnitsGetANewVersion() throws IOException {
        importFile("units-2025.csv");
        Set<String> changed = changedBetween("units-2025.csv", "units-2026.csv");

        ImportSummary renaming = importer.importFile(ADMIN_UNITS.resolve("units-2026.csv"), RENAMING_DAY);

        Set<String> newVersions = new TreeSet<>(jdbc.queryForList(
                "SELECT level || ':' || code FROM unit WHERE valid_from = DATE '2026-04-30'", String.class));
        assertThat(newVersions).isEqualTo(changed);
        assertThat(newVersions).hasSizeGreaterThan(0).hasSizeLessThan(3_321 / 10)
                .contains("commune:00745", "province:75");
        assertThat(renaming.inserted()).isEqualTo(changed.size());
        assertThat(count("SELECT count(*) FROM unit WHERE valid_to = DATE '2026-04-29'")).isEqualTo(changed.size());
        assertThat(jdbc.queryForList("SELECT name || ' ' || valid_from || '..' || coalesce(valid_to::text, '') FROM unit "
                + "WHERE level = 'commune' AND code = '00745' ORDER BY valid_from", String.class))
                .containsExactly("Phó Bảng 2025-07-01..2026-04-29", "Phố Bảng 2026-04-30..");
        assertThat(jdbc.queryForList("SELECT unit_type FROM unit WHERE level = 'province' AND code = '75' ORDER BY valid_from", String.class))
                .containsExactly("Tỉnh", "Thành phố");
        assertThat(jdbc.queryForList("SELECT valid_from || '..' || coalesce(valid_to::text, '') FROM unit "
                + "WHERE level = 'commune' AND code = '00004'", String.class))
                .as("an unchanged unit keeps its one open version").containsExactly("2025-07-01..");
        assertThat(repository.count(UnitLevel.COMMUNE)).isEqualTo(3_321);
    }

    /** level:code of the units whose name, type or province differ between two two-tier lists, read straight from the CSVs. */
    private static Set<String> changedBetween(String before, String after) throws IOException {
        Map<String, List<String>> old = twoTierUnits(before);
        Map<String, List<String>> now = twoTierUnits(after);
        Set<String> changed = new TreeSet<>();
        now.forEach((key, attributes) -> {
            if (!Objects.equals(old.get(key), attributes)) {
                changed.add(key);
            }
        });
        return changed;
    }

    private static Map<String, List<String>> twoTierUnits(String name) throws IOException {
        Map<String, List<String>> units = new HashMap<>();
        try (Reader in = Files.newBufferedReader(ADMIN_UNITS.resolve(name), StandardCharsets.UTF_8);
             CSVReaderHeaderAware csv = new CSVReaderHeaderAware(in)) {
            Map<String, String> r;
            while ((r = csv.readMap()) != null) {
                units.put("province:" + r.get("province_code"), List.of(r.get("province_name"), r.get("province_type")));
                units.put("commune:" + r.get("commune_code"), List.of(r.get("commune_name"), r.get("commune_type"), r.get("province_code")));
            }
        } catch (CsvValidationException e) {
            throw new IOException(e);
        }
        return units;
    }

    @Test
    void import_whenCommuneMapping_thenEveryOldToNewLinkStored() throws IOException {
        ImportSummary mapping = importFile("mapping-2025.csv");

        assertThat(mapping.layout()).isEqualTo("COMMUNE_MAPPING");
        assertThat(mapping.rows()).isEqualTo(10_595);
        assertThat(count("SELECT count(*) FROM unit_mapping")).isEqualTo(10_595);
        assertThat(count("SELECT count(*) FROM unit_mapping WHERE merge_type = 'partial'")).isEqualTo(995);
        assertThat(count("SELECT count(*) FROM unit_mapping WHERE old_level = 'district'")).isEqualTo(5);
        assertThat(jdbc.queryForList("SELECT new_code || ' ' || merge_type || ' ' || n_new_targets FROM unit_mapping "
                + "WHERE old_level = 'commune' AND old_code = '02002'", String.class)).containsExactly("01981 full 1");

        ImportSummary again = importFile("mapping-2025.csv");

        assertThat(again.inserted()).isZero();
        assertThat(count("SELECT count(*) FROM unit_mapping")).isEqualTo(10_595);
    }

    @Test
    void import_whenProvinceMapping_thenEveryOldProvinceLinkedWhole() throws IOException {
        ImportSummary provinces = importFile("mapping-provinces-2025.csv");

        assertThat(provinces.layout()).isEqualTo("PROVINCE_MAPPING");
        assertThat(count("SELECT count(*) FROM unit_mapping WHERE old_level = 'province' AND merge_type = 'full'")).isEqualTo(63);
        assertThat(count("SELECT count(DISTINCT new_code) FROM unit_mapping WHERE old_level = 'province'")).isEqualTo(34);
        assertThat(jdbc.queryForObject("SELECT new_code FROM unit_mapping WHERE old_level = 'province' AND old_code = '02'", String.class))
                .as("Hà Giang into Tuyên Quang").isEqualTo("08");
    }

    @Test
    void snapshot_whenPreReformRegistryLoaded_thenReadmeSpotChecksHold() throws IOException {
        importFile("units-2024.csv");
        UnitRegistry registry = repository.snapshot();

        Unit caoSon = found(registry.communeByCode("02002", YEAR_2023_START, YEAR_2023_END));
        assertThat(caoSon.fullName()).isEqualTo("Xã Cao Sơn");
        assertThat(caoSon.parentCode()).isEqualTo("063");
        assertThat(caoSon.validTo()).isEqualTo(LAST_PRE_REFORM_DAY);

        Unit bachThong = registry.office("063").orElseThrow();
        assertThat(bachThong.name()).isEqualTo("Bạch Thông");
        assertThat(found(registry.communeByName("Cao Sơn", null, bachThong, YEAR_2023_START, YEAR_2023_END)).code()).isEqualTo("02002");
        assertThat(found(registry.communeByName("X. CAO SON", null, bachThong, YEAR_2023_START, YEAR_2023_END)).code()).isEqualTo("02002");

        Unit yenThuong = found(registry.communeByName("Xã Yên Thượng", null, registry.office("064").orElseThrow(), YEAR_2023_START,
                YEAR_2023_END));
        assertThat(yenThuong.code()).isEqualTo("02047");

        Unit khuonHa = found(registry.communeByCode("2251", YEAR_2023_START, YEAR_2023_END));
        assertThat(khuonHa.code()).isEqualTo("02251");
        assertThat(khuonHa.name()).isEqualTo("Khuôn Hà");
        assertThat(khuonHa.parentCode()).isEqualTo("071");
        assertThat(khuonHa.provinceCode()).isEqualTo("08");

        Unit muongXen = found(registry.communeByName("TT. Mường Xén", null, registry.office("417").orElseThrow(), YEAR_2023_START,
                YEAR_2023_END));
        assertThat(muongXen.code()).isEqualTo("16813");
    }

    @Test
    void snapshot_whenNameExistsInTwoDistrictsOfTheOfficesProvince_thenAmbiguousNeverAGuess() throws IOException {
        importFile("units-2024.csv");
        UnitRegistry registry = repository.snapshot();
        Unit hoaBinh = registry.office("17").orElseThrow();

        UnitMatch match = registry.communeByName("Cao Sơn", null, hoaBinh, YEAR_2023_START, YEAR_2023_END);

        assertThat(hoaBinh.level()).isEqualTo(UnitLevel.PROVINCE);
        assertThat(match).isInstanceOf(UnitMatch.Ambiguous.class);
        assertThat(((UnitMatch.Ambiguous) match).candidates()).extracting(Unit::code).containsExactly("04876", "04957");
        assertThat(found(registry.communeByName("Cao Sơn", null, registry.office("063").orElseThrow(), YEAR_2023_START,
                YEAR_2023_END)).provinceCode()).isEqualTo("06");
    }

    @Test
    void import_whenHeaderMatchesNoKnownLayout_thenRefusedWithVietnameseReason(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("danh-muc.csv");
        Files.writeString(file, "ma,ten\n02002,Cao Sơn\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> importer.importFile(file, null))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessageStartingWith("Không nhận ra bố cục tệp danh mục; các cột có: ma, ten.");
        assertThat(versions("commune")).isZero();
    }

    @Test
    void import_whenFileMissing_thenRefusedWithVietnameseReason(@TempDir Path dir) {
        Path file = dir.resolve("khong-co.csv");

        assertThatThrownBy(() -> importer.importFile(file, null))
                .isInstanceOf(RegistryFormatException.class)
                .hasMessage("Không tìm thấy tệp danh mục: " + file);
    }

    private static Unit found(UnitMatch match) {
        assertThat(match).isInstanceOf(UnitMatch.Found.class);
        return ((UnitMatch.Found) match).unit();
    }

    @Test
    void import_whenAnOlderListIsImportedAgainAfterANewerOne_thenNoClosedVersionReopens() throws IOException {
        importFile("units-2025.csv");
        importer.importFile(ADMIN_UNITS.resolve("units-2026.csv"), RENAMING_DAY);
        ImportSummary again = importFile("units-2025.csv");

        assertThat(again.updated()).isZero();
        assertThat(count("""
                SELECT count(*) FROM unit a JOIN unit b ON a.level = b.level AND a.code = b.code AND a.valid_from < b.valid_from
                WHERE a.valid_to IS NULL OR a.valid_to >= b.valid_from""")).isZero();
    }
}
