package vn.tonghop.export.narrative;

import java.util.List;

/**
 * A province's aggregates for one year: the province, its districts (none after the 2025 reform) and its
 * communes, each in code order.
 */
record ProvinceYear(int year, UnitFigures province, List<UnitFigures> districts, List<UnitFigures> communes) {

    ProvinceYear {
        districts = List.copyOf(districts);
        communes = List.copyOf(communes);
    }
}
