package vn.tonghop.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads a form definition ({@code jobs/antq-01.yaml}) and checks it is consistent. */
public final class FormLoader {

    public ReportForm load(Path file) throws IOException {
        return load(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public ReportForm load(InputStream in, String origin) throws IOException {
        return load(new String(in.readAllBytes(), StandardCharsets.UTF_8), origin);
    }

    ReportForm load(String text, String origin) {
        Object root;
        try (Reader reader = new StringReader(text)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | RuntimeException e) {
            throw new InvalidFormException(origin + ": not valid YAML: " + e.getMessage());
        }
        Map<String, Object> map = asMap(root, origin);
        String code = requireText(map, "code", origin);
        String name = String.valueOf(map.getOrDefault("name", code));

        Map<ColumnRole, List<String>> columns = new EnumMap<>(ColumnRole.class);
        Map<String, Object> columnMap = asMap(map.getOrDefault("columns", Map.of()), origin + " columns");
        for (ColumnRole role : ColumnRole.values()) {
            columns.put(role, strings(columnMap.get(role.yamlKey())));
        }

        List<Indicator> indicators = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Object item : list(map.get("indicators"), origin + " indicators")) {
            Indicator indicator = indicator(asMap(item, origin + " indicator"), origin);
            if (!codes.add(indicator.code())) {
                throw new InvalidFormException(origin + ": indicator " + indicator.code() + " declared twice");
            }
            indicators.add(indicator);
        }
        for (Indicator indicator : indicators) {
            checkReference(codes, indicator.code(), "at_most", indicator.rules().atMost(), origin);
            checkReference(codes, indicator.code(), "warn_at_least", indicator.rules().warnAtLeast(), origin);
            checkReference(codes, indicator.code(), "denominator", indicator.denominator(), origin);
        }

        List<RateDefinition> rates = new ArrayList<>();
        for (Object item : list(map.getOrDefault("rates", List.of()), origin + " rates")) {
            Map<String, Object> rate = asMap(item, origin + " rate");
            RateDefinition definition = new RateDefinition(requireText(rate, "code", origin),
                    text(rate.get("numerator")), text(rate.get("denominator")), text(rate.get("flag")));
            if (definition.isFlagShare()) {
                checkReference(codes, definition.code(), "flag", definition.flag(), origin);
            } else {
                checkReference(codes, definition.code(), "numerator", definition.numerator(), origin);
                checkReference(codes, definition.code(), "denominator", definition.denominator(), origin);
            }
            rates.add(definition);
        }
        return new ReportForm(code, name, indicators, columns, strings(map.get("total_row_labels")), rates);
    }

    /** An indicator's code is an identifier: it names a column of aggregates.csv and travels unquoted through COPY. */
    private static final java.util.regex.Pattern INDICATOR_CODE = java.util.regex.Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private static Indicator indicator(Map<String, Object> map, String origin) {
        String code = requireText(map, "code", origin);
        if (!INDICATOR_CODE.matcher(code).matches()) {
            throw new InvalidFormException(origin + ": indicator code '" + code
                    + "' must be lower-case letters, digits and underscores, starting with a letter (e.g. propaganda_sessions)");
        }
        String kindText = requireText(map, "kind", origin + " " + code);
        IndicatorKind kind;
        try {
            kind = IndicatorKind.valueOf(kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFormException(origin + ": indicator " + code + " has unknown kind '" + kindText + "'");
        }
        Map<String, Object> rules = asMap(map.getOrDefault("rules", Map.of()), origin + " " + code + " rules");
        Object min = rules.get("min");
        Rules parsed = new Rules(min == null ? null : new BigDecimal(String.valueOf(min)),
                Boolean.TRUE.equals(rules.get("positive")), text(rules.get("at_most")), text(rules.get("warn_at_least")));
        return new Indicator(code, requireText(map, "header", origin + " " + code), strings(map.get("aliases")), kind,
                text(map.get("group")), parsed, text(map.get("denominator")), "money".equals(map.get("unit")));
    }

    private static void checkReference(Set<String> codes, String owner, String field, String target, String origin) {
        if (target != null && !codes.contains(target)) {
            throw new InvalidFormException(origin + ": " + owner + "." + field + " names unknown indicator '" + target + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String where) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new InvalidFormException(where + ": expected a mapping");
    }

    private static List<?> list(Object value, String where) {
        if (value instanceof List<?> l) {
            return l;
        }
        throw new InvalidFormException(where + ": expected a list");
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String requireText(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw new InvalidFormException(where + ": '" + key + "' is required");
        }
        return String.valueOf(value);
    }
}
