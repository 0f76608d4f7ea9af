package vn.tonghop.layout;

import java.util.List;
import java.util.Map;

/**
 * One commune's values for one period as found in the file (wide: one row; long: the rows sharing a
 * unit and period), before normalisation.
 *
 * @param unitCode            the code cell, or null
 * @param unitName            the name cell, or null
 * @param districtName        the district cell, or null
 * @param period              the period cell, or null
 * @param cells               indicator code → cell, in form order
 * @param unknownIndicators   long form: cells naming an indicator the form does not have
 */
public record SubmittedRow(RowKind kind, String sheet, int rowNumber, SourceCell unitCode, SourceCell unitName,
                           SourceCell districtName, SourceCell period, Map<String, SourceCell> cells,
                           List<SourceCell> unknownIndicators) {

    public SubmittedRow {
        cells = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cells));
        unknownIndicators = List.copyOf(unknownIndicators);
    }

    public boolean hasAnyValue() {
        return cells.values().stream().anyMatch(c -> !c.raw().isBlank());
    }
}
