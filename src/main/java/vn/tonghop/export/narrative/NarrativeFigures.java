package vn.tonghop.export.narrative;

import java.util.List;
import java.util.Optional;

/**
 * Everything the narrative of one province and year is written from: this year's aggregates, last
 * year's for the comparison (absent when the province has none), and the communes expected to report
 * that did not (from {@code completeness}).
 */
record NarrativeFigures(ProvinceYear current, Optional<ProvinceYear> previous, List<MissingCommune> notReported) {

    NarrativeFigures {
        notReported = List.copyOf(notReported);
    }

    /** A commune expected to report that sent nothing for the year. */
    record MissingCommune(String code, String fullName, String parentCode) {
    }
}
