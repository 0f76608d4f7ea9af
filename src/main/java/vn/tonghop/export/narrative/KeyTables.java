package vn.tonghop.export.narrative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import vn.tonghop.export.narrative.NarrativeWording.IndicatorWording;
import vn.tonghop.export.narrative.NarrativeWording.TableWording;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.RateDefinition;
import vn.tonghop.form.ReportForm;

/**
 * The key tables of the conference pack, from the same aggregate rows as the text: the province this
 * year and last year with the change; the key indicators by district; and by commune, within its district.
 * A figure nobody reported is an empty cell, never 0.
 */
final class KeyTables {

    private final ReportForm form;
    private final NarrativeWording wording;
    private final FigureSlots slots;

    KeyTables(ReportForm form, NarrativeWording wording, FigureSlots slots) {
        this.form = form;
        this.wording = wording;
        this.slots = slots;
    }

    List<Draft.Table> tables(NarrativeFigures figures) {
        List<Draft.Table> tables = new ArrayList<>();
        tables.add(summary(figures.previous().isPresent()));
        ProvinceYear current = figures.current();
        if (!current.districts().isEmpty()) {
            List<Draft.Row> rows = new ArrayList<>();
            current.districts().forEach(d -> rows.add(keyRow(d, share(d), true)));
            rows.add(keyRow(current.province(), share(current.province()), true));
            tables.add(new Draft.Table(title(wording.tables().districtTitle()), keyColumns(), rows));
        }
        tables.add(new Draft.Table(title(wording.tables().communeTitle()), keyColumns(), communeRows(current)));
        return tables;
    }

    /**
     * Every indicator and rate with a figure in either year: this year, last year, change, % change; only this
     * year when the province has no figures of the previous year.
     */
    private Draft.Table summary(boolean withPrevious) {
        TableWording w = wording.tables();
        List<String> columns = w.summaryColumns().stream().map(this::title).limit(withPrevious ? 5 : 2).toList();
        List<Draft.Row> rows = new ArrayList<>();
        Stream.concat(form.indicators().stream().map(Indicator::code), form.rates().stream().map(RateDefinition::code)).forEach(code -> {
            Optional<BigDecimal> now = slots.current(code);
            Optional<BigDecimal> before = slots.previous(code);
            if (now.isEmpty() && before.isEmpty()) {
                return;
            }
            String change = "";
            String percent = "";
            if (now.isPresent() && before.isPresent()) {
                BigDecimal c = now.get();
                BigDecimal p = before.get();
                int signum = slots.direction(code, c, p);
                change = VietnameseFigures.signed(slots.isRate(code) ? slots.points(code) + " " + wording.tables().pointsUnit()
                        : slots.cell(code, c.subtract(p).abs()), signum);
                if (!slots.isRate(code) && p.signum() != 0 && signum != 0) {
                    percent = VietnameseFigures.signed(VietnameseFigures.percentChange(c, p), signum);
                }
            }
            List<String> cells = List.of(rowLabel(code), now.map(v -> slots.cell(code, v)).orElse(""),
                    before.map(v -> slots.cell(code, v)).orElse(""), change, percent);
            rows.add(new Draft.Row(cells.subList(0, columns.size()), false));
        });
        return new Draft.Table(title(withPrevious ? w.summaryTitle() : w.summaryTitleAlone()), columns, rows);
    }

    /** Districts in code order, each followed by its communes; communes with no district (after 2025) on their own. */
    private List<Draft.Row> communeRows(ProvinceYear current) {
        Map<String, List<UnitFigures>> byParent = new LinkedHashMap<>();
        current.communes().forEach(c -> byParent.computeIfAbsent(String.valueOf(c.parentCode()), k -> new ArrayList<>()).add(c));
        List<Draft.Row> rows = new ArrayList<>();
        for (UnitFigures district : current.districts()) {
            rows.add(keyRow(district, share(district), true));
            byParent.getOrDefault(district.code(), List.of()).forEach(c -> rows.add(keyRow(c, reported(c), false)));
            byParent.remove(district.code());
        }
        byParent.values().forEach(communes -> communes.forEach(c -> rows.add(keyRow(c, reported(c), false))));
        rows.add(keyRow(current.province(), share(current.province()), true));
        return rows;
    }

    private List<String> keyColumns() {
        TableWording w = wording.tables();
        List<String> columns = new ArrayList<>(List.of(w.unitColumn(), w.reportedColumn()));
        w.keyIndicators().forEach(code -> columns.add(wording.indicator(code).map(IndicatorWording::column)
                .orElseGet(() -> FigureSlots.upperFirst(slots.label(code)))));
        return columns;
    }

    private Draft.Row keyRow(UnitFigures unit, String reported, boolean emphasis) {
        List<String> cells = new ArrayList<>(List.of(FigureSlots.upperFirst(unit.fullName()), reported));
        wording.tables().keyIndicators().forEach(code -> cells.add(unit.value(code).map(v -> slots.cell(code, v)).orElse("")));
        return new Draft.Row(cells, emphasis);
    }

    private static String share(UnitFigures unit) {
        return unit.communesReporting() + "/" + unit.communesExpected();
    }

    private String reported(UnitFigures commune) {
        return commune.communesReporting() > 0 ? wording.tables().reportedMark() : wording.tables().notReportedMark();
    }

    /** An indicator's row in the summary: the form's own header; a rate's label from the wording. */
    private String rowLabel(String code) {
        return form.indicator(code).map(Indicator::header).orElseGet(() -> FigureSlots.upperFirst(slots.label(code)));
    }

    private String title(SentenceTemplate template) {
        return template.render(slots).orElse("");
    }
}
