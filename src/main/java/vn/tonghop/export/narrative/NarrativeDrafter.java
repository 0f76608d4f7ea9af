package vn.tonghop.export.narrative;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import vn.tonghop.export.narrative.NarrativeFigures.MissingCommune;
import vn.tonghop.export.narrative.NarrativeWording.Better;
import vn.tonghop.export.narrative.NarrativeWording.DocumentWording;
import vn.tonghop.export.narrative.NarrativeWording.GapWording;
import vn.tonghop.export.narrative.NarrativeWording.GroupWording;
import vn.tonghop.export.narrative.NarrativeWording.IndicatorWording;
import vn.tonghop.export.narrative.NarrativeWording.PartWording;
import vn.tonghop.export.narrative.NarrativeWording.SentenceWording;
import vn.tonghop.export.narrative.NarrativeWording.StandoutWording;
import vn.tonghop.export.narrative.SentenceTemplate.Slot;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.RateDefinition;
import vn.tonghop.form.ReportForm;

/**
 * Writes the report's text from one province's figures with the wording of {@code jobs/}: a section per
 * indicator group, the units that stood out, the gaps (communes that did not report, results below last
 * year), then the key tables ({@link KeyTables}). Decides what to say; the wording decides how.
 */
final class NarrativeDrafter {

    private final ReportForm form;
    private final NarrativeWording wording;

    NarrativeDrafter(ReportForm form, NarrativeWording wording) {
        this.form = form;
        this.wording = wording;
    }

    Draft draft(NarrativeFigures figures) {
        FigureSlots slots = new FigureSlots(form, wording, figures);
        DocumentWording d = wording.document();
        Draft.Heading heading = new Draft.Heading(text(d.issuer(), slots), text(d.nation(), slots), text(d.motto(), slots),
                text(d.draftMark(), slots), text(d.title(), slots), text(d.subtitle(), slots), text(d.period(), slots));

        List<String> introduction = new ArrayList<>();
        wording.introduction().forEach(t -> t.render(slots).map(NarrativeDrafter::finish).ifPresent(introduction::add));
        UnitFigures now = figures.current().province();
        figures.previous().filter(p -> p.province().communesReporting() != now.communesReporting()
                        || p.province().communesExpected() != now.communesExpected())
                .flatMap(p -> wording.comparisonScope().render(slots)).map(NarrativeDrafter::finish).ifPresent(introduction::add);

        List<Draft.Section> results = new ArrayList<>();
        for (GroupWording group : wording.groups()) {
            List<String> paragraphs = new ArrayList<>();
            group.sentences().forEach(s -> sentence(s, slots).ifPresent(paragraphs::add));
            if (paragraphs.isEmpty()) {
                group.empty().render(slots).map(NarrativeDrafter::finish).ifPresent(paragraphs::add);
            }
            results.add(new Draft.Section(group.heading(), paragraphs));
        }
        List<String> standouts = standouts(figures.current(), slots);
        if (!standouts.isEmpty()) {
            results.add(new Draft.Section(wording.standouts().heading(), standouts));
        }

        KeyTables tables = new KeyTables(form, wording, slots);
        return new Draft(heading, introduction, List.of(
                new Draft.Part(wording.resultsHeading(), results, List.of(), List.of()),
                new Draft.Part(wording.gaps().heading(), List.of(), gaps(figures, slots), List.of()),
                new Draft.Part(wording.tables().heading(), List.of(), List.of(), tables.tables(figures))));
    }

    /** The lead, the parts that have something to say joined, a full stop; empty when no part has. */
    private Optional<String> sentence(SentenceWording sentence, FigureSlots slots) {
        List<String> parts = new ArrayList<>();
        for (PartWording part : sentence.parts()) {
            part(part, slots).ifPresent(parts::add);
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                body.append(i == parts.size() - 1 ? sentence.lastJoin() : sentence.join());
            }
            body.append(parts.get(i));
        }
        if (sentence.lead() == null) {
            return Optional.of(finish(body.toString()));
        }
        return sentence.lead().render(slots).map(lead -> finish(lead + " " + body));
    }

    private static Optional<String> part(PartWording part, FigureSlots slots) {
        if (part.indicator() == null) {
            return part.text().render(slots);
        }
        Optional<BigDecimal> value = slots.current(part.indicator());
        if (value.isEmpty()) {
            return Optional.empty(); // nobody reported it: say nothing rather than 0
        }
        if (value.get().signum() == 0) {
            return part.zero() == null ? Optional.empty() : part.zero().render(slots);
        }
        return part.text().render(slots);
    }

    /** Per key indicator, the leading district and the first communes. */
    private List<String> standouts(ProvinceYear current, FigureSlots slots) {
        StandoutWording w = wording.standouts();
        List<String> sentences = new ArrayList<>();
        for (String code : w.indicators()) {
            List<UnitFigures> communes = first(ranked(current.communes(), code).toList(), w.communes(), code);
            if (communes.isEmpty()) {
                continue;
            }
            List<UnitFigures> districts = ranked(current.districts(), code).toList();
            Map<String, Slot> own = new LinkedHashMap<>();
            own.put("label", Slot.of(slots.label(code)));
            own.put("communes", Slot.of(String.join(", ", communes.stream().map(u -> unit(u, code, slots)).toList())));
            if (districts.size() >= 2) {
                BigDecimal top = districts.get(0).values().get(code);
                own.put("district", Slot.of(String.join(", ", districts.stream()
                        .filter(u -> u.values().get(code).compareTo(top) == 0).map(u -> unit(u, code, slots)).toList())));
            }
            w.sentence().render(slots.with(own)).map(NarrativeDrafter::finish).ifPresent(sentences::add);
        }
        return sentences;
    }

    /** Units with a figure above zero, highest first (code order among equals). */
    private static Stream<UnitFigures> ranked(List<UnitFigures> units, String code) {
        return units.stream().filter(u -> u.value(code).map(v -> v.signum() > 0).orElse(false))
                .sorted(Comparator.comparing((UnitFigures u) -> u.values().get(code)).reversed().thenComparing(UnitFigures::code));
    }

    /**
     * The first {@code n} units without cutting a tie arbitrarily: those tied with the n-th come too when that
     * adds one unit at most; otherwise only the units above the tie; nobody when the tie is at the top.
     */
    private static List<UnitFigures> first(List<UnitFigures> ranked, int n, String code) {
        if (ranked.size() <= n || n == 0) {
            return ranked.subList(0, Math.min(n, ranked.size()));
        }
        BigDecimal cut = ranked.get(n - 1).values().get(code);
        int atLeast = (int) ranked.stream().filter(u -> u.values().get(code).compareTo(cut) >= 0).count();
        if (atLeast <= n + 1) {
            return ranked.subList(0, atLeast);
        }
        int above = (int) ranked.stream().filter(u -> u.values().get(code).compareTo(cut) > 0).count();
        return ranked.subList(0, above);
    }

    private String unit(UnitFigures unit, String code, FigureSlots slots) {
        return text(wording.standouts().unit(), slots.with(Map.of("unit", Slot.of(unit.fullName()),
                "value", Slot.of(slots.withMeasure(code, unit.values().get(code))))));
    }

    /** Communes that did not report; results below last year; figures that went missing this year. */
    private List<String> gaps(NarrativeFigures figures, FigureSlots slots) {
        GapWording w = wording.gaps();
        List<String> paragraphs = new ArrayList<>();
        List<MissingCommune> missing = figures.notReported();
        if (missing.isEmpty()) {
            w.allReported().render(slots).map(NarrativeDrafter::finish).ifPresent(paragraphs::add);
        } else {
            Map<String, List<String>> byParent = new LinkedHashMap<>();
            missing.forEach(m -> byParent.computeIfAbsent(m.parentCode() == null ? "" : m.parentCode(), k -> new ArrayList<>())
                    .add(m.fullName()));
            List<String> groups = new ArrayList<>();
            byParent.forEach((parent, names) -> {
                String communes = String.join(", ", names);
                Optional<UnitFigures> district = figures.current().districts().stream().filter(d -> d.code().equals(parent)).findFirst();
                groups.add(district.map(d -> text(w.notReportedDistrict(), slots.with(Map.of("communes", Slot.of(communes),
                        "district", Slot.of(d.fullName()))))).orElse(communes));
            });
            w.notReported().render(slots.with(Map.of("count", Slot.of(Integer.toString(missing.size())),
                    "communes", Slot.of(String.join("; ", groups))))).map(NarrativeDrafter::finish).ifPresent(paragraphs::add);
        }
        if (figures.previous().isEmpty()) {
            return paragraphs;
        }
        List<String> below = new ArrayList<>();
        List<String> worse = new ArrayList<>();
        List<String> vanished = new ArrayList<>();
        for (String code : figureCodes()) {
            Optional<BigDecimal> now = slots.current(code);
            Optional<BigDecimal> before = slots.previous(code);
            if (before.isPresent() && now.isEmpty()) {
                if (!slots.isRate(code)) { // a rate goes with its parts, which are listed
                    vanished.add(slots.label(code));
                }
                continue;
            }
            if (now.isEmpty() || before.isEmpty()) {
                continue;
            }
            Better better = wording.indicator(code).map(IndicatorWording::better).orElse(Better.HIGHER);
            int direction = slots.direction(code, now.get(), before.get());
            if (better == Better.HIGHER && direction < 0) {
                below.add(item(slots.isRate(code) ? w.belowItemRate() : w.belowItem(), code, now.get(), before.get(), slots));
            } else if (better == Better.LOWER && direction > 0) {
                worse.add(item(w.worseItem(), code, now.get(), before.get(), slots));
            }
        }
        list(w.belowLastYear(), below, slots).ifPresent(paragraphs::add);
        list(w.worseThanLastYear(), worse, slots).ifPresent(paragraphs::add);
        list(w.noDataThisYear(), vanished, slots).ifPresent(paragraphs::add);
        return paragraphs;
    }

    private static String item(SentenceTemplate template, String code, BigDecimal now, BigDecimal before, FigureSlots slots) {
        Map<String, Slot> own = new LinkedHashMap<>();
        own.put("label", Slot.of(slots.label(code)));
        own.put("value", Slot.of(slots.format(code, now)));
        own.put("previous", Slot.of(slots.format(code, before)));
        own.put("difference", Slot.of(slots.format(code, now.subtract(before).abs())));
        if (slots.isRate(code)) {
            own.put("points", Slot.of(slots.points(code)));
        } else if (before.signum() != 0) {
            own.put("percent", Slot.of(VietnameseFigures.percentChange(now, before)));
        }
        return text(template, slots.with(own));
    }

    private static Optional<String> list(SentenceTemplate template, List<String> items, FigureSlots slots) {
        if (items.isEmpty()) {
            return Optional.empty();
        }
        return template.render(slots.with(Map.of("items", Slot.of(String.join("; ", items))))).map(NarrativeDrafter::finish);
    }

    /** The form's indicators in catalogue order, then its rates. */
    private List<String> figureCodes() {
        return Stream.concat(form.indicators().stream().map(Indicator::code), form.rates().stream().map(RateDefinition::code)).toList();
    }

    /** Wording that needs no figure (a heading, a unit's name): rendered, or empty text when a placeholder has no value. */
    private static String text(SentenceTemplate template, Function<String, Slot> slots) {
        return template.render(slots).orElse("");
    }

    /** A capital first letter and a full stop. */
    static String finish(String sentence) {
        String text = FigureSlots.upperFirst(sentence.strip());
        char last = text.isEmpty() ? '.' : text.charAt(text.length() - 1);
        return last == '.' || last == '!' || last == '?' ? text : text + ".";
    }
}
