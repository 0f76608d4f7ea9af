package vn.tonghop.export.pack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything a province's conference pack shows, read once from the aggregate tables and handed to the
 * workbook and the HTML summary, so both say the same thing.
 *
 * @param provinceTitle  "Tỉnh Bắc Kạn", "Thành phố Hà Nội"
 * @param byDistrict     true before the reform: the units below the province are districts
 * @param province       the province's figures for the year (the rows of aggregates.csv)
 * @param units          the units below the province (districts, or communes after the reform), by code
 * @param communes       every commune, by district then code
 * @param districtNames  district code to name (empty after the reform)
 * @param earlier        last year and the year before, in the units of this year
 * @param todayUnits     true when earlier years were brought into today's units across the reform
 */
public record ConferencePack(String formCode, String provinceCode, String provinceName, String provinceTitle, int year,
                             boolean byDistrict, UnitFigures province, List<UnitFigures> units, List<UnitFigures> communes,
                             Map<String, String> districtNames, List<YearFigures> earlier, boolean todayUnits,
                             List<CommuneTimeliness> timeliness, List<StandingWarning> warnings, LocalDate generatedOn) {

    public ConferencePack {
        units = List.copyOf(units);
        communes = List.copyOf(communes);
        districtNames = Map.copyOf(districtNames);
        earlier = List.copyOf(earlier);
        timeliness = List.copyOf(timeliness);
        warnings = List.copyOf(warnings);
    }

    /** Last year's figures (index 0) or the year before (index 1). */
    public YearFigures earlier(int yearsBack) {
        return earlier.get(yearsBack - 1);
    }

    public String districtName(String code) {
        return code == null ? "" : districtNames.getOrDefault(code, code);
    }

    /** The file name of the workbook: {@code tonghop-<province>-<year>.xlsx}. */
    public String workbookName() {
        return workbookName(provinceCode, year);
    }

    public String htmlName() {
        return htmlName(provinceCode, year);
    }

    public static String workbookName(String provinceCode, int year) {
        return "tonghop-" + provinceCode + "-" + year + ".xlsx";
    }

    public static String htmlName(String provinceCode, int year) {
        return "tonghop-" + provinceCode + "-" + year + ".html";
    }
}
