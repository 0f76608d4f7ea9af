package vn.tonghop.validate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.ReportForm;
import vn.tonghop.form.Rules;
import vn.tonghop.layout.HeaderVocabulary;
import vn.tonghop.layout.SourceCell;
import vn.tonghop.layout.SubmittedRow;
import vn.tonghop.normalise.NumberParser;
import vn.tonghop.normalise.ParsedNumber;
import vn.tonghop.normalise.Period;
import vn.tonghop.normalise.PeriodParser;
import vn.tonghop.normalise.UnitNameKey;
import vn.tonghop.normalise.YesNo;
import vn.tonghop.normalise.YesNoParser;
import vn.tonghop.registry.Unit;
import vn.tonghop.registry.UnitMatch;

/**
 * Normalises and checks one commune's row against the form and the registry (SPEC §2 and §5): which
 * period, which commune (a code always wins over a name; two matching names are an error), whether the
 * sending office may report for it, and every value and rule. All or nothing: any error rejects the row.
 */
public final class RowValidator {

    /** A date cell as the readers render it (2023-10-10). */
    private static final Pattern DATE_CELL = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private final ReportForm form;
    private final Messages messages;
    private final NumberParser numbers = new NumberParser();
    private final YesNoParser yesNo = new YesNoParser();
    private final PeriodParser periods = new PeriodParser();
    private final UnitNameKey nameKeys = new UnitNameKey();
    private final HeaderVocabulary vocabulary;

    public RowValidator(ReportForm form, Messages messages) {
        this.form = form;
        this.messages = messages;
        this.vocabulary = new HeaderVocabulary(form);
    }

    /** The checked row, or empty for a line that is not a commune's row at all (a note, a signature). */
    public Optional<CheckedRow> check(SubmittedRow row, FileContext context) {
        return check(row, context, (code, value) -> { });
    }

    /**
     * As {@link #check(SubmittedRow, FileContext)}, handing each number of the row as the clerk typed it (before
     * any rule, a yes as 1) to {@code typed}: the file's total row is checked against their sums
     * ({@link TotalRowCheck#add(String, BigDecimal)}), so its cells are not parsed a second time.
     */
    public Optional<CheckedRow> check(SubmittedRow row, FileContext context, BiConsumer<String, BigDecimal> typed) {
        List<Issue> issues = new ArrayList<>();
        Period period = period(row, context, issues);
        Unit commune = commune(row, context, period, issues);
        if (commune == null && !hasReadableValue(row)) {
            return Optional.empty(); // a note, a date line or a signature below the table: not a commune's row
        }
        if (commune == null && issues.isEmpty()) {
            issues.add(rowIssue(Severity.ERROR, "row.unit.missing", row, null, null, messages.get("row.unit.missing")));
        }
        String communeCode = commune == null ? null : commune.code();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Map<String, SourceCell> sources = new LinkedHashMap<>();
        parseValues(row, communeCode, values, sources, issues, typed);
        checkRules(row, communeCode, values, sources, issues);
        // Long form: a code the form does not have is reported and its value left out, the rest of the commune's values
        // taken (as a wide file's unknown column is); the same indicator twice for one commune and period is ambiguous.
        Map<String, List<SourceCell>> repeated = new LinkedHashMap<>();
        for (SourceCell unknown : row.unknownIndicators()) {
            Optional<String> code = vocabulary.indicatorCode(unknown.column());
            if (code.isPresent()) {
                repeated.computeIfAbsent(code.get(), c -> firstGiven(row, c)).add(unknown);
            } else {
                issues.add(new Issue(Severity.WARNING, "cell.unknownIndicator", row.sheet(), unknown.rowNumber(), unknown.column(),
                        unknown.raw(), communeCode, messages.get("cell.unknownIndicator", unknown.column(), form.code())));
            }
        }
        repeated.values().forEach(cells -> repeatedIndicator(row, cells, communeCode, issues));
        boolean accepted = issues.stream().noneMatch(Issue::isError);
        if (accepted && commune != null && !row.hasAnyValue()) {
            issues.add(rowIssue(Severity.WARNING, "row.noValues", row, null, communeCode,
                    messages.get("row.noValues", commune.fullName())));
            accepted = false;
        }
        return Optional.of(new CheckedRow(row, commune, period, accepted ? values : Map.of(), sources, issues, accepted));
    }

    /**
     * Long form: one indicator given on several lines for one commune and period, its first line first. Each line is
     * marked, naming the indicator, the lines and the values they give, so the clerk sees which one to delete.
     */
    private void repeatedIndicator(SubmittedRow row, List<SourceCell> cells, String communeCode, List<Issue> issues) {
        String rows = cells.stream().map(c -> String.valueOf(c.rowNumber())).collect(Collectors.joining(", "));
        String values = cells.stream().map(c -> '"' + c.raw().strip() + '"').collect(Collectors.joining(", "));
        String message = messages.get("cell.repeatedIndicator", cells.get(0).column(), rows, values);
        for (SourceCell cell : cells) {
            issues.add(new Issue(Severity.ERROR, "cell.repeatedIndicator", row.sheet(), cell.rowNumber(), cell.column(), cell.raw(),
                    communeCode, message));
        }
    }

    /** The line that first gave an indicator, as a list the later lines giving it again are added to. */
    private static List<SourceCell> firstGiven(SubmittedRow row, String code) {
        List<SourceCell> cells = new ArrayList<>();
        SourceCell first = row.cells().get(code);
        if (first != null) {
            cells.add(first);
        }
        return cells;
    }

    /** True when some indicator cell holds a number or a yes/no answer, i.e. the line carries data. */
    private boolean hasReadableValue(SubmittedRow row) {
        for (Map.Entry<String, SourceCell> entry : row.cells().entrySet()) {
            String raw = entry.getValue().raw();
            if (raw.isBlank()) {
                continue;
            }
            boolean flag = form.indicator(entry.getKey()).map(Indicator::isFlag).orElse(false);
            if (numbers.parse(raw) instanceof ParsedNumber.Value || (flag && yesNo.parse(raw) != YesNo.INVALID)) {
                return true;
            }
        }
        return false;
    }

    private Period period(SubmittedRow row, FileContext context, List<Issue> issues) {
        Period period = context.filePeriod();
        SourceCell cell = row.period();
        if (cell != null && !cell.raw().isBlank()) {
            Optional<Period> own = periods.parse(cell.raw());
            if (own.isEmpty()) {
                issues.add(cellIssue(Severity.ERROR, "row.period.unreadable", row, cell, null, messages.get("row.period.unreadable", cell.raw())));
                return null;
            }
            // A row may state a finer period inside the file's (a "năm 2023" file with quarterly rows).
            if (period != null && !period.contains(own.get())) {
                issues.add(cellIssue(Severity.ERROR, "row.period.conflict", row, cell, null,
                        messages.get("row.period.conflict", messages.period(own.get()), messages.period(period))));
                return null;
            }
            period = own.get();
        }
        if (period == null) {
            issues.add(rowIssue(Severity.ERROR, "row.period.missing", row, null, null, messages.get("row.period.missing")));
            return null;
        }
        if (period.start().isAfter(context.today())) {
            String message = messages.get("row.period.future", messages.period(period),
                    period.start().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            // the row's own period cell is the one to correct where it gave the period; the file's title or name otherwise
            issues.add(cell != null && !cell.raw().isBlank()
                    ? cellIssue(Severity.ERROR, "row.period.future", row, cell, null, message)
                    : rowIssue(Severity.ERROR, "row.period.future", row, null, null, message));
        }
        return period;
    }

    private Unit commune(SubmittedRow row, FileContext context, Period period, List<Issue> issues) {
        var registry = context.registry();
        var from = period == null ? java.time.LocalDate.MIN : period.start();
        var to = period == null ? java.time.LocalDate.MAX : period.end();
        SourceCell code = row.unitCode();
        SourceCell name = row.unitName();
        Unit found = null;
        if (code != null && !code.raw().isBlank()) {
            UnitMatch match = registry.communeByCode(code.raw(), from, to);
            if (match instanceof UnitMatch.Found f) {
                found = f.unit();
                if (name != null && !name.raw().isBlank() && !nameReadings(name.raw()).contains(found.nameKey())) {
                    issues.add(cellIssue(Severity.WARNING, "row.unit.nameMismatch", row, name, found.code(),
                            messages.get("row.unit.nameMismatch", found.code(), found.fullName(), name.raw())));
                }
            } else {
                issues.add(cellIssue(Severity.ERROR, "row.unit.unknownCode", row, code, null,
                        messages.get("row.unit.unknownCode", code.raw(), period == null ? "?" : messages.period(period))));
                return null;
            }
        } else if (name != null && !name.raw().isBlank()) {
            String district = row.districtName() == null ? null : row.districtName().raw();
            UnitMatch match = registry.communeByName(name.raw(), district, context.office(), from, to);
            if (match instanceof UnitMatch.Found f) {
                found = f.unit();
            } else if (match instanceof UnitMatch.Ambiguous a) {
                issues.add(cellIssue(Severity.ERROR, "row.unit.ambiguous", row, name, null, messages.get("row.unit.ambiguous", name.raw(),
                        a.candidates().stream().map(u -> u.fullName() + " (" + u.code() + ")").collect(Collectors.joining(", ")))));
                return null;
            } else {
                UnitMatch elsewhere = context.office() == null ? match : registry.communeByName(name.raw(), district, null, from, to);
                if (elsewhere instanceof UnitMatch.Found outside) {
                    found = outside.unit(); // reported below as outside the office's scope
                } else if (row.hasAnyValue()) {
                    String key = context.office() == null ? "row.unit.unknownName" : "row.unit.unknownNameInOffice";
                    issues.add(cellIssue(Severity.ERROR, "row.unit.unknownName", row, name, null, messages.get(key, name.raw(),
                            context.office() == null ? "" : context.office().fullName())));
                    return null;
                } else {
                    return null; // a note or signature line in the name column
                }
            }
        } else {
            return null;
        }
        Unit office = context.office();
        if (office != null && !registry.contains(office, found)) {
            SourceCell where = code != null && !code.raw().isBlank() ? code : name;
            issues.add(cellIssue(Severity.ERROR, "row.unit.outOfScope", row, where, found.code(),
                    messages.get("row.unit.outOfScope", found.fullName(), found.code(), office.fullName(), context.officeFolder())));
        }
        return found;
    }

    /** The keys a typed commune name may be registered under (remembered by {@link UnitNameKey#parse}). */
    private List<String> nameReadings(String typed) {
        return nameKeys.parse(typed).candidates();
    }

    private void parseValues(SubmittedRow row, String communeCode, Map<String, BigDecimal> values,
                             Map<String, SourceCell> sources, List<Issue> issues, BiConsumer<String, BigDecimal> typed) {
        Map<String, BigDecimal> impliedDenominators = new LinkedHashMap<>();
        Map<String, SourceCell> impliedSources = new LinkedHashMap<>();
        for (Map.Entry<String, SourceCell> entry : row.cells().entrySet()) {
            Indicator indicator = form.indicator(entry.getKey()).orElseThrow();
            SourceCell cell = entry.getValue();
            String raw = cell.raw();
            if (indicator.isFlag()) {
                YesNo answer = yesNo.parse(raw);
                if (answer == YesNo.YES) {
                    typed.accept(indicator.code(), BigDecimal.ONE);
                } else if (answer == YesNo.INVALID && numbers.parse(raw) instanceof ParsedNumber.Value number) {
                    typed.accept(indicator.code(), number.value()); // "2" under a yes/no column still adds up as typed
                }
                if (answer == YesNo.INVALID) {
                    issues.add(cellIssue(Severity.ERROR, "cell.notYesNo", row, cell, communeCode, messages.get("cell.notYesNo", raw, cell.column())));
                } else {
                    values.put(indicator.code(), answer == YesNo.YES ? BigDecimal.ONE : BigDecimal.ZERO);
                    sources.put(indicator.code(), cell);
                }
                continue;
            }
            ParsedNumber parsed = numbers.parse(raw);
            if (parsed instanceof ParsedNumber.Empty) {
                continue;
            }
            if (parsed instanceof ParsedNumber.Invalid) {
                Matcher date = DATE_CELL.matcher(raw);
                if (date.matches()) {
                    // Excel turns a typed "10/10" into a date unless the cell is formatted as text
                    String shown = date.group(3) + "/" + date.group(2) + "/" + date.group(1);
                    issues.add(cellIssue(Severity.ERROR, "cell.dateNotNumber", row, cell, communeCode,
                            messages.get("cell.dateNotNumber", shown, cell.column())));
                } else {
                    issues.add(cellIssue(Severity.ERROR, "cell.notNumber", row, cell, communeCode, messages.get("cell.notNumber", raw, cell.column())));
                }
                continue;
            }
            ParsedNumber.Value value = (ParsedNumber.Value) parsed;
            typed.accept(indicator.code(), value.value());
            if (!isWhole(value.value()) || (value.denominator() != null && !isWhole(value.denominator()))) {
                issues.add(cellIssue(Severity.ERROR, "cell.notWhole", row, cell, communeCode, messages.get("cell.notWhole", raw, cell.column())));
                continue;
            }
            if (value.denominator() != null) {
                if (indicator.denominator() == null) {
                    issues.add(cellIssue(Severity.ERROR, "cell.fractionNotAllowed", row, cell, communeCode,
                            messages.get("cell.fractionNotAllowed", raw, cell.column())));
                    continue;
                }
                impliedDenominators.put(indicator.denominator(), value.denominator());
                impliedSources.put(indicator.denominator(), cell);
            }
            values.put(indicator.code(), value.value().stripTrailingZeros());
            sources.put(indicator.code(), cell);
        }
        // "6/6" under the villages-safe column also says how many villages there are.
        impliedDenominators.forEach((code, denominator) -> {
            BigDecimal stated = values.get(code);
            SourceCell cell = impliedSources.get(code);
            if (stated == null) {
                values.put(code, denominator.stripTrailingZeros());
                sources.put(code, cell);
            } else if (stated.compareTo(denominator) != 0) {
                issues.add(cellIssue(Severity.ERROR, "cell.fractionConflict", row, cell, communeCode, messages.get("cell.fractionConflict",
                        cell.raw(), cell.column(), plain(denominator), sources.get(code).column(), plain(stated))));
            }
        });
    }

    private void checkRules(SubmittedRow row, String communeCode, Map<String, BigDecimal> values,
                            Map<String, SourceCell> sources, List<Issue> issues) {
        for (Map.Entry<String, BigDecimal> entry : values.entrySet()) {
            Indicator indicator = form.indicator(entry.getKey()).orElseThrow();
            Rules rules = indicator.rules();
            BigDecimal value = entry.getValue();
            SourceCell cell = sources.get(indicator.code());
            if (rules.min() != null && value.compareTo(rules.min()) < 0) {
                String key = rules.min().signum() == 0 ? "cell.negative" : "cell.belowMin";
                issues.add(cellIssue(Severity.ERROR, key, row, cell, communeCode, messages.get(key, cell.raw(), cell.column(), plain(rules.min()))));
            }
            if (rules.positive() && value.signum() <= 0) {
                issues.add(cellIssue(Severity.ERROR, "cell.notPositive", row, cell, communeCode, messages.get("cell.notPositive", cell.raw(), cell.column())));
            }
            compare(row, communeCode, values, sources, issues, indicator, rules.atMost(), Severity.ERROR, "cell.atMost", value, true);
            compare(row, communeCode, values, sources, issues, indicator, rules.warnAtLeast(), Severity.WARNING, "cell.warnAtLeast", value, false);
        }
    }

    private void compare(SubmittedRow row, String communeCode, Map<String, BigDecimal> values, Map<String, SourceCell> sources,
                         List<Issue> issues, Indicator indicator, String otherCode, Severity severity, String key,
                         BigDecimal value, boolean mustNotExceed) {
        if (otherCode == null || !values.containsKey(otherCode)) {
            return;
        }
        BigDecimal other = values.get(otherCode);
        boolean broken = mustNotExceed ? value.compareTo(other) > 0 : value.compareTo(other) < 0;
        if (broken) {
            Indicator otherIndicator = form.indicator(otherCode).orElseThrow();
            SourceCell cell = sources.get(indicator.code());
            issues.add(cellIssue(severity, key, row, cell, communeCode,
                    messages.get(key, indicator.header(), plain(value), lowerFirst(otherIndicator.header()), plain(other))));
        }
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    /** 1800 → "1.800", as Vietnamese readers write it. */
    public static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        String text = v.toPlainString();
        String sign = text.startsWith("-") ? "-" : "";
        String digits = sign.isEmpty() ? text : text.substring(1);
        String whole = digits.contains(".") ? digits.substring(0, digits.indexOf('.')) : digits;
        String fraction = digits.contains(".") ? "," + digits.substring(digits.indexOf('.') + 1) : "";
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(whole.charAt(i));
        }
        return sign + grouped + fraction;
    }

    private static Issue cellIssue(Severity severity, String code, SubmittedRow row, SourceCell cell, String communeCode, String message) {
        return new Issue(severity, code, row.sheet(), cell == null ? row.rowNumber() : cell.rowNumber(),
                cell == null ? null : cell.column(), cell == null ? null : cell.raw(), communeCode, message);
    }

    private static Issue rowIssue(Severity severity, String code, SubmittedRow row, String column, String communeCode, String message) {
        return new Issue(severity, code, row.sheet(), row.rowNumber(), column, null, communeCode, message);
    }
}
