package vn.tonghop.export.narrative;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import vn.tonghop.export.narrative.NarrativeWording.ChangeWording;
import vn.tonghop.export.narrative.NarrativeWording.IndicatorWording;
import vn.tonghop.export.narrative.SentenceTemplate.Slot;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.RateDefinition;
import vn.tonghop.form.ReportForm;

/**
 * The values of the placeholders for one province and year: its figures written the Vietnamese way,
 * last year's, the change between them, and the context ({year}, {province}, ...). A figure nobody
 * reported has no value, so a sentence that needs it is left out rather than written with 0.
 */
final class FigureSlots implements Function<String, Slot> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final ReportForm form;
    private final NarrativeWording wording;
    private final NarrativeFigures figures;
    private final Map<String, Slot> context = new HashMap<>();

    FigureSlots(ReportForm form, NarrativeWording wording, NarrativeFigures figures) {
        this.form = form;
        this.wording = wording;
        this.figures = figures;
        ProvinceYear current = figures.current();
        int year = current.year();
        context.put("year", Slot.of(Integer.toString(year)));
        context.put("previous_year", Slot.of(Integer.toString(year - 1)));
        context.put("province", Slot.of(current.province().fullName()));
        context.put("PROVINCE", Slot.of(current.province().fullName().toUpperCase(VIETNAMESE)));
        context.put("period_start", Slot.of(LocalDate.of(year - 1, 12, 15).format(DAY)));
        context.put("period_end", Slot.of(LocalDate.of(year, 12, 14).format(DAY)));
        context.put("communes_reporting", number(current.province().communesReporting()));
        context.put("communes_expected", number(current.province().communesExpected()));
        context.put("districts", number(current.districts().size()));
        figures.previous().ifPresent(previous -> {
            context.put("previous_communes_reporting", number(previous.province().communesReporting()));
            context.put("previous_communes_expected", number(previous.province().communesExpected()));
        });
    }

    private static Slot number(int n) {
        return new Slot(VietnameseFigures.count(BigDecimal.valueOf(n)), n == 0);
    }

    @Override
    public Slot apply(String name) {
        Slot known = context.get(name);
        if (known != null) {
            return known;
        }
        int dot = name.indexOf('.');
        String code = dot < 0 ? name : name.substring(0, dot);
        String suffix = dot < 0 ? "" : name.substring(dot + 1);
        Optional<BigDecimal> current = current(code);
        return switch (suffix) {
            case "" -> current.map(v -> new Slot(format(code, v), v.signum() == 0)).orElse(null);
            case "previous" -> previous(code).map(v -> new Slot(format(code, v), v.signum() == 0)).orElse(null);
            case "change" -> change(code).map(Slot::of).orElse(null);
            case "zero_communes" -> zeroCommunes(code);
            default -> null;
        };
    }

    /** Context placeholders plus the given ones, for wording with placeholders of its own ({label}, {items}...). */
    Function<String, Slot> with(Map<String, Slot> own) {
        return name -> own.containsKey(name) ? own.get(name) : context.get(name);
    }

    /**
     * The figure a change between years is computed from: a rate unrounded from the unit's summed parts where they give back
     * the stored rate ({@link RateDefinition#unrounded}), anything else as stored.
     */
    BigDecimal forChange(String code, UnitFigures unit) {
        BigDecimal stored = unit.value(code).orElse(null);
        return form.rates().stream().filter(r -> r.code().equals(code)).findFirst()
                .map(r -> r.unrounded(stored, indicator -> unit.value(indicator).orElse(null))).orElse(stored);
    }

    /** A rate's change from last year in percentage points, unsigned, from the unrounded rates: "6,04". */
    String points(String code) {
        UnitFigures now = figures.current().province();
        UnitFigures before = figures.previous().orElseThrow().province();
        return VietnameseFigures.points(forChange(code, now), forChange(code, before));
    }

    /**
     * Up (1), down (−1) or the same (0) from last year's {@code before} to this year's {@code now}: for a rate, as the
     * change in points shows it (two decimals, from the unrounded rates).
     */
    int direction(String code, BigDecimal now, BigDecimal before) {
        if (!isRate(code)) {
            return now.compareTo(before);
        }
        UnitFigures current = figures.current().province();
        UnitFigures previous = figures.previous().orElseThrow().province();
        return VietnameseFigures.pointsDifference(forChange(code, current), forChange(code, previous)).signum();
    }

    Optional<BigDecimal> current(String code) {
        return figures.current().province().value(code);
    }

    Optional<BigDecimal> previous(String code) {
        return figures.previous().flatMap(p -> p.province().value(code));
    }

    /** "tăng 0,6% so với năm 2022", "bằng năm 2022"...; empty unless both years have the figure. */
    Optional<String> change(String code) {
        Optional<BigDecimal> now = current(code);
        Optional<BigDecimal> before = previous(code);
        if (now.isEmpty() || before.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal c = now.get();
        BigDecimal p = before.get();
        ChangeWording phrases = wording.change();
        int direction = direction(code, c, p);
        Map<String, Slot> own = new HashMap<>();
        SentenceTemplate phrase;
        if (direction == 0) {
            phrase = phrases.same();
        } else if (isRate(code)) {
            own.put("points", Slot.of(points(code)));
            phrase = direction > 0 ? phrases.rateUp() : phrases.rateDown();
        } else if (p.signum() == 0) {
            own.put("difference", Slot.of(format(code, c.subtract(p).abs())));
            phrase = phrases.upFromZero();
        } else {
            own.put("percent", Slot.of(VietnameseFigures.percentChange(c, p)));
            own.put("difference", Slot.of(format(code, c.subtract(p).abs())));
            phrase = direction > 0 ? phrases.up() : phrases.down();
        }
        return phrase.render(with(own));
    }

    /** How many communes reported 0 for the indicator; no value when none reported it at all. */
    private Slot zeroCommunes(String code) {
        long reported = figures.current().communes().stream().filter(c -> c.value(code).isPresent()).count();
        if (reported == 0) {
            return null;
        }
        long zeros = figures.current().communes().stream().filter(c -> c.value(code).map(v -> v.signum() == 0).orElse(false)).count();
        return number((int) zeros);
    }

    /** A figure inside a sentence: "1.800", "1,742 tỷ đồng", "94,2%". */
    String format(String code, BigDecimal value) {
        if (isRate(code)) {
            return VietnameseFigures.percent(value);
        }
        if (form.indicator(code).map(Indicator::money).orElse(false)) {
            return VietnameseFigures.money(value);
        }
        return VietnameseFigures.count(value);
    }

    /** A figure with the word that counts it: "447 buổi"; money and rates carry their own unit. */
    String withMeasure(String code, BigDecimal value) {
        String text = format(code, value);
        String measure = wording.indicator(code).map(IndicatorWording::measure).orElse(null);
        return measure == null || isRate(code) || form.indicator(code).map(Indicator::money).orElse(false) ? text : text + " " + measure;
    }

    /** A figure in a table cell, as in the text: "1.800", "1,742 tỷ đồng", "94,2%". */
    String cell(String code, BigDecimal value) {
        return format(code, value);
    }

    boolean isRate(String code) {
        return form.rates().stream().anyMatch(r -> r.code().equals(code));
    }

    /** The indicator as a noun phrase: the wording's label, else the form's header with a small first letter. */
    String label(String code) {
        return wording.indicator(code).map(IndicatorWording::label)
                .orElseGet(() -> form.indicator(code).map(i -> lowerFirst(i.header())).orElse(code));
    }

    static String lowerFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(VIETNAMESE) + text.substring(1);
    }

    static String upperFirst(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(VIETNAMESE) + text.substring(1);
    }
}
