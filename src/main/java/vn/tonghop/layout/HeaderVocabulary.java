package vn.tonghop.layout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.tonghop.form.ColumnRole;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.ReportForm;
import vn.tonghop.normalise.Remembered;
import vn.tonghop.normalise.TextKey;

/**
 * What a header cell means, by the form's headers and aliases, compared without diacritics, case and
 * punctuation; a trailing "(đồng)"-style unit in parentheses may be present or not.
 */
public final class HeaderVocabulary {

    /** What a column carries: an indicator (by code) or an identifying role. */
    public record Target(String indicator, ColumnRole role) {
    }

    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    /** "1. ", "I. ", "a) ", "(3) " in front of a header. */
    private static final Pattern NUMBERING = Pattern.compile("^(\\(?[0-9]{1,2}[.)]|\\(?[IVX]{1,4}[.)]|[a-z]\\))\\s+");
    private static final int MIN_CONTAINED_WORDS = 3;

    private final TextKey textKey = new TextKey();
    private final Map<String, Target> targets = new HashMap<>();
    private static final int MAX_REMEMBERED = 50_000;
    private final Remembered<String, Optional<Target>> answers = new Remembered<>(MAX_REMEMBERED, this::answer);
    private final Map<String, String> indicatorCodes = new HashMap<>();
    private final List<String> totalLabels;
    /** Aliases of at least {@value #MIN_CONTAINED_WORDS} words, padded with spaces, longest first (ties by text). */
    private final List<Map.Entry<String, Target>> containable;

    public HeaderVocabulary(ReportForm form) {
        for (ColumnRole role : ColumnRole.values()) {
            for (String alias : form.aliases(role)) {
                register(alias, new Target(null, role));
            }
        }
        for (Indicator indicator : form.indicators()) {
            Target target = new Target(indicator.code(), null);
            register(indicator.header(), target);
            indicator.aliases().forEach(alias -> register(alias, target));
            register(indicator.code(), target);
            indicatorCodes.put(indicator.code().toLowerCase(java.util.Locale.ROOT), indicator.code());
        }
        totalLabels = form.totalRowLabels().stream().map(textKey::of).toList();
        // Worked out once: every header that matches no alias exactly is compared with all of them.
        containable = targets.entrySet().stream()
                .filter(e -> e.getKey().split(" ").length >= MIN_CONTAINED_WORDS)
                .map(e -> Map.entry(" " + e.getKey() + " ", e.getValue()))
                .sorted(java.util.Comparator.comparingInt((Map.Entry<String, Target> e) -> -e.getKey().length())
                        .thenComparing(Map.Entry::getKey))
                .toList();
    }

    private void register(String text, Target target) {
        targets.putIfAbsent(textKey.of(text), target);
        targets.putIfAbsent(textKey.of(PARENTHESES.matcher(text).replaceAll(" ")), target);
    }

    public Optional<Target> lookup(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (isFigure(header)) {
            return Optional.empty(); // a number is never a header: the data rows scanned while looking for it are mostly numbers
        }
        // Thousands of files repeat the same headers: remember the answers (bounded, the vocabulary is shared).
        return header.length() <= 300 ? answers.get(header) : answer(header);
    }

    private Optional<Target> answer(String header) {
        String cleaned = NUMBERING.matcher(header.strip()).replaceFirst("");
        Target target = targets.get(textKey.of(cleaned));
        if (target == null) {
            target = targets.get(textKey.of(PARENTHESES.matcher(cleaned).replaceAll(" ")));
        }
        if (target == null) {
            target = longestContained(" " + textKey.of(PARENTHESES.matcher(cleaned).replaceAll(" ")) + " ");
        }
        return Optional.ofNullable(target);
    }

    /** Digits with their separators and signs only ("1.260", "(3)", "10/10", "-"): a figure or a column number. */
    static boolean isFigure(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (!(ch >= '0' && ch <= '9') && ".,/()-+% \t".indexOf(ch) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A header that says more than an alias ("Tổng số buổi tuyên truyền, phổ biến pháp luật trong năm")
     * takes the longest alias of at least {@value #MIN_CONTAINED_WORDS} words it contains, word for word.
     */
    private Target longestContained(String paddedKey) {
        for (Map.Entry<String, Target> alias : containable) {
            if (paddedKey.contains(alias.getKey())) {
                return alias.getValue();
            }
        }
        return null;
    }

    /** The indicator a long-form row names by code (or by header), if the form has it. */
    public Optional<String> indicatorCode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = indicatorCodes.get(text.strip().toLowerCase(java.util.Locale.ROOT));
        if (code != null) {
            return Optional.of(code);
        }
        return lookup(text).map(Target::indicator);
    }

    /** "Cộng", "Tổng cộng", "TỔNG SỐ", "Cộng toàn huyện" ... */
    public boolean isTotalLabel(String cell) {
        String key = textKey.of(cell);
        if (key.isEmpty()) {
            return false;
        }
        for (String label : totalLabels) {
            if (key.equals(label) || key.startsWith(label + " ")) {
                return true;
            }
        }
        return false;
    }

    /** True when the cell is a total label and nothing more ("Tổng cộng", not "Tổng Cọt", a commune's name). */
    public boolean isExactTotalLabel(String cell) {
        String key = textKey.of(cell);
        return !key.isEmpty() && totalLabels.contains(key);
    }

    public String key(String text) {
        return textKey.of(text);
    }
}
