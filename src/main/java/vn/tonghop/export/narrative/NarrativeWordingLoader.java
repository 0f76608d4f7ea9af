package vn.tonghop.export.narrative;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.InvalidFormException;
import vn.tonghop.form.RateDefinition;
import vn.tonghop.form.ReportForm;
import vn.tonghop.export.narrative.NarrativeWording.Better;
import vn.tonghop.export.narrative.NarrativeWording.ChangeWording;
import vn.tonghop.export.narrative.NarrativeWording.DocumentWording;
import vn.tonghop.export.narrative.NarrativeWording.GapWording;
import vn.tonghop.export.narrative.NarrativeWording.GroupWording;
import vn.tonghop.export.narrative.NarrativeWording.IndicatorWording;
import vn.tonghop.export.narrative.NarrativeWording.PartWording;
import vn.tonghop.export.narrative.NarrativeWording.SentenceWording;
import vn.tonghop.export.narrative.NarrativeWording.StandoutWording;
import vn.tonghop.export.narrative.NarrativeWording.TableWording;

/**
 * Reads {@code jobs/<form>-narrative.yaml} and checks it against the form, so that a mistyped placeholder
 * or indicator stops the export with the line to fix instead of silently dropping a sentence.
 */
final class NarrativeWordingLoader {

    /** Names every sentence may use besides the figures. */
    static final Set<String> CONTEXT = Set.of("year", "previous_year", "province", "PROVINCE", "period_start", "period_end",
            "communes_reporting", "communes_expected", "previous_communes_reporting", "previous_communes_expected", "districts");
    static final List<String> FIGURE_SUFFIXES = List.of("", ".previous", ".change", ".zero_communes");
    private static final Set<String> ITEM = Set.of("label", "value", "previous", "percent", "points", "difference");

    private final ReportForm form;
    private final String origin;
    private final Set<String> indicatorCodes = new HashSet<>();
    private final Set<String> figureCodes = new HashSet<>();
    private final Set<String> figureNames = new HashSet<>();

    NarrativeWordingLoader(ReportForm form, String origin) {
        this.form = form;
        this.origin = origin;
        form.indicators().forEach(i -> indicatorCodes.add(i.code()));
        figureCodes.addAll(indicatorCodes);
        form.rates().stream().map(RateDefinition::code).forEach(figureCodes::add);
        for (String code : figureCodes) {
            for (String suffix : FIGURE_SUFFIXES) {
                if (!(suffix.equals(".zero_communes") && !indicatorCodes.contains(code))) {
                    figureNames.add(code + suffix);
                }
            }
        }
        figureNames.addAll(CONTEXT);
    }

    NarrativeWording load(String text) {
        Object root;
        try (Reader reader = new StringReader(text)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | RuntimeException e) {
            throw invalid("not valid YAML: " + e.getMessage());
        }
        Map<String, Object> map = map(root, "the file");
        String formCode = text(map, "form", "");
        if (!formCode.equals(form.code())) {
            throw invalid("form: is '" + formCode + "' but the form is " + form.code());
        }
        Map<String, Object> doc = map(map.get("document"), "document");
        DocumentWording document = new DocumentWording(template(doc, "issuer", "document", CONTEXT),
                template(doc, "nation", "document", CONTEXT), template(doc, "motto", "document", CONTEXT),
                template(doc, "draft_mark", "document", CONTEXT), template(doc, "title", "document", CONTEXT),
                template(doc, "subtitle", "document", CONTEXT), template(doc, "period", "document", CONTEXT));
        List<SentenceTemplate> introduction = new ArrayList<>();
        for (Object line : list(map.get("introduction"), "introduction")) {
            introduction.add(check(String.valueOf(line), "introduction", figureNames));
        }
        SentenceTemplate comparisonScope = template(map, "comparison_scope", "", figureNames);

        Set<String> changeNames = union(CONTEXT, Set.of("percent", "difference", "points"));
        Map<String, Object> ch = map(map.get("change"), "change");
        ChangeWording change = new ChangeWording(template(ch, "up", "change", changeNames), template(ch, "down", "change", changeNames),
                template(ch, "same", "change", changeNames), template(ch, "up_from_zero", "change", changeNames),
                template(ch, "rate_up", "change", changeNames), template(ch, "rate_down", "change", changeNames));

        Map<String, IndicatorWording> indicators = new LinkedHashMap<>();
        map(map.getOrDefault("indicators", Map.of()), "indicators").forEach((code, value) -> {
            requireFigure(code, "indicators");
            Map<String, Object> w = map(value, "indicators." + code);
            String betterText = text(w, "better", "indicators." + code, "higher");
            Better better;
            try {
                better = Better.valueOf(betterText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid("indicators." + code + ".better: '" + betterText + "' is not higher, lower or none");
            }
            indicators.put(code, new IndicatorWording(text(w, "label", "indicators." + code), optionalText(w, "measure"),
                    text(w, "column", "indicators." + code), better));
        });

        Set<String> formGroups = new HashSet<>();
        form.indicators().stream().map(Indicator::group).filter(g -> g != null).forEach(formGroups::add);
        List<GroupWording> groups = new ArrayList<>();
        for (Object item : list(map.get("groups"), "groups")) {
            groups.add(group(map(item, "groups"), formGroups));
        }

        Map<String, Object> st = map(map.get("standouts"), "standouts");
        List<String> standoutIndicators = strings(st.get("indicators"));
        standoutIndicators.forEach(code -> requireIndicator(code, "standouts.indicators"));
        Object topCommunes = st.getOrDefault("communes", 3);
        if (!(topCommunes instanceof Integer n) || n < 0) {
            throw invalid("standouts.communes: expected a whole number, not '" + topCommunes + "'");
        }
        StandoutWording standouts = new StandoutWording(text(st, "heading", "standouts"), n, standoutIndicators,
                template(st, "sentence", "standouts", union(CONTEXT, Set.of("label", "district", "communes"))),
                template(st, "unit", "standouts", Set.of("unit", "value")));

        Map<String, Object> g = map(map.get("gaps"), "gaps");
        Set<String> items = union(CONTEXT, Set.of("items"));
        GapWording gaps = new GapWording(text(g, "heading", "gaps"),
                template(g, "not_reported", "gaps", union(CONTEXT, Set.of("count", "communes"))),
                template(g, "not_reported_district", "gaps", Set.of("communes", "district")),
                template(g, "all_reported", "gaps", CONTEXT),
                template(g, "below_last_year", "gaps", items), template(g, "below_item", "gaps", ITEM),
                template(g, "below_item_rate", "gaps", ITEM), template(g, "worse_than_last_year", "gaps", items),
                template(g, "worse_item", "gaps", ITEM), template(g, "no_data_this_year", "gaps", items));

        Map<String, Object> t = map(map.get("tables"), "tables");
        List<SentenceTemplate> columns = new ArrayList<>();
        for (String column : strings(t.get("summary_columns"))) {
            columns.add(check(column, "tables.summary_columns", CONTEXT));
        }
        if (columns.size() != 5) {
            throw invalid("tables.summary_columns: expected 5 headers (indicator, this year, last year, change, % change), found "
                    + columns.size());
        }
        List<String> keyIndicators = strings(t.get("key_indicators"));
        keyIndicators.forEach(code -> requireFigure(code, "tables.key_indicators"));
        TableWording tables = new TableWording(text(t, "heading", "tables"), template(t, "summary_title", "tables", CONTEXT),
                template(t, "summary_title_without_previous", "tables", CONTEXT), columns,
                template(t, "district_title", "tables", CONTEXT), template(t, "commune_title", "tables", CONTEXT),
                text(t, "unit_column", "tables"), text(t, "reported_column", "tables"), text(t, "reported_mark", "tables"),
                text(t, "not_reported_mark", "tables"), text(t, "points_unit", "tables"), keyIndicators);

        return new NarrativeWording(formCode, document, introduction, comparisonScope, change, indicators,
                text(map, "results_heading", ""), groups, standouts, gaps, tables);
    }

    private GroupWording group(Map<String, Object> map, Set<String> formGroups) {
        String code = text(map, "group", "groups");
        if (!formGroups.contains(code)) {
            throw invalid("groups: '" + code + "' is not a group of form " + form.code() + " (" + String.join(", ", formGroups) + ")");
        }
        String where = "groups[" + code + "]";
        List<SentenceWording> sentences = new ArrayList<>();
        int n = 0;
        for (Object item : list(map.get("sentences"), where + ".sentences")) {
            n++;
            String at = where + " sentence " + n;
            Map<String, Object> s = map(item, at);
            Object lead = s.get("lead");
            List<PartWording> parts = new ArrayList<>();
            int p = 0;
            for (Object partItem : list(s.get("parts"), at + ".parts")) {
                p++;
                String partAt = at + " part " + p;
                Map<String, Object> part = map(partItem, partAt);
                String indicator = optionalText(part, "indicator");
                if (indicator != null) {
                    requireFigure(indicator, partAt + ".indicator");
                }
                Object zero = part.get("zero");
                if (zero != null && indicator == null) {
                    throw invalid(partAt + ": 'zero' needs 'indicator' (the figure whose zero it describes)");
                }
                parts.add(new PartWording(indicator, template(part, "text", partAt, figureNames),
                        zero == null ? null : check(String.valueOf(zero), partAt + ".zero", figureNames)));
            }
            String join = s.containsKey("join") ? String.valueOf(s.get("join")) : ", ";
            sentences.add(new SentenceWording(lead == null ? null : check(String.valueOf(lead), at + ".lead", figureNames), join,
                    s.containsKey("last_join") ? String.valueOf(s.get("last_join")) : join, parts));
        }
        return new GroupWording(code, text(map, "heading", where), template(map, "empty", where, CONTEXT), sentences);
    }

    private SentenceTemplate template(Map<String, Object> map, String key, String where, Set<String> allowed) {
        return check(text(map, key, where), (where.isEmpty() ? "" : where + ".") + key, allowed);
    }

    private SentenceTemplate check(String text, String where, Set<String> allowed) {
        SentenceTemplate template;
        try {
            template = SentenceTemplate.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": " + e.getMessage());
        }
        for (String name : template.names()) {
            if (!allowed.contains(name)) {
                throw invalid(where + ": unknown placeholder {" + name + "} in \"" + text + "\"");
            }
        }
        return template;
    }

    private void requireIndicator(String code, String where) {
        if (!indicatorCodes.contains(code)) {
            throw invalid(where + ": '" + code + "' is not an indicator of form " + form.code());
        }
    }

    private void requireFigure(String code, String where) {
        if (!figureCodes.contains(code)) {
            throw invalid(where + ": '" + code + "' is not an indicator or rate of form " + form.code());
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Set.copyOf(Stream.concat(a.stream(), b.stream()).toList());
    }

    private String text(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw invalid((where.isEmpty() ? "" : where + ".") + key + " is required");
        }
        return String.valueOf(value);
    }

    private static String text(Map<String, Object> map, String key, String where, String defaultValue) {
        Object value = map.get(key);
        return value == null ? defaultValue : String.valueOf(value);
    }

    private static String optionalText(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String where) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw invalid(where + ": expected a mapping");
    }

    private List<?> list(Object value, String where) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw invalid(where + ": expected a list");
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    private InvalidFormException invalid(String message) {
        return new InvalidFormException(origin + ": " + message);
    }
}
