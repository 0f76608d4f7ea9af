package vn.tonghop.export.narrative;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A piece of wording from {@code jobs/*-narrative.yaml} with named placeholders, as staff write it:
 * {@code "tổ chức {propaganda_sessions} buổi[, thu hút {propaganda_attendees} lượt người tham gia]"}.
 *
 * <ul>
 *   <li>{@code {name}} is replaced by the figure or text of that name. When there is none (an indicator
 *       nobody reported, no previous year) the whole template yields nothing, so a sentence is never
 *       written with a hole or a made-up zero.</li>
 *   <li>{@code [ ... ]} is an optional clause: it is left out, alone, when one of its placeholders has no
 *       value or is zero ("thu hút 0 lượt người" is never written).</li>
 * </ul>
 * Brackets do not nest; braces and brackets have no escape (the wording of these reports needs neither).
 */
final class SentenceTemplate {

    /** A placeholder's text, and whether the figure behind it is zero. */
    record Slot(String text, boolean zero) {

        static Slot of(String text) {
            return new Slot(text, false);
        }
    }

    private sealed interface Segment permits Literal, Placeholder, OptionalClause {
    }

    private record Literal(String text) implements Segment {
    }

    private record Placeholder(String name) implements Segment {
    }

    private record OptionalClause(List<Segment> segments) implements Segment {
    }

    private final String source;
    private final List<Segment> segments;

    private SentenceTemplate(String source, List<Segment> segments) {
        this.source = source;
        this.segments = segments;
    }

    /** @throws IllegalArgumentException for an unclosed brace or bracket, a nested bracket or an empty name */
    static SentenceTemplate parse(String text) {
        List<Segment> top = new ArrayList<>();
        List<Segment> current = top;
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            switch (c) {
                case '{' -> {
                    int close = text.indexOf('}', i);
                    if (close < 0) {
                        throw new IllegalArgumentException("'{' without '}' in: " + text);
                    }
                    String name = text.substring(i + 1, close).trim();
                    if (name.isEmpty() || !name.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                        throw new IllegalArgumentException("bad placeholder '{" + name + "}' in: " + text);
                    }
                    flush(literal, current);
                    current.add(new Placeholder(name));
                    i = close + 1;
                    continue;
                }
                case '[' -> {
                    if (current != top) {
                        throw new IllegalArgumentException("'[' inside '[...]' in: " + text);
                    }
                    flush(literal, current);
                    current = new ArrayList<>();
                }
                case ']' -> {
                    if (current == top) {
                        throw new IllegalArgumentException("']' without '[' in: " + text);
                    }
                    flush(literal, current);
                    top.add(new OptionalClause(List.copyOf(current)));
                    current = top;
                }
                case '}' -> throw new IllegalArgumentException("'}' without '{' in: " + text);
                default -> literal.append(c);
            }
            i++;
        }
        if (current != top) {
            throw new IllegalArgumentException("'[' without ']' in: " + text);
        }
        flush(literal, top);
        return new SentenceTemplate(text, List.copyOf(top));
    }

    private static void flush(StringBuilder literal, List<Segment> into) {
        if (!literal.isEmpty()) {
            into.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }

    /** Every placeholder name the template uses, in order. */
    Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        collect(segments, names);
        return names;
    }

    private static void collect(List<Segment> segments, Set<String> names) {
        for (Segment s : segments) {
            if (s instanceof Placeholder p) {
                names.add(p.name());
            } else if (s instanceof OptionalClause o) {
                collect(o.segments(), names);
            }
        }
    }

    /**
     * @param lookup a placeholder's value, or null when there is none
     * @return the text, or empty when a placeholder outside brackets has no value
     */
    Optional<String> render(Function<String, Slot> lookup) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            if (segment instanceof Literal l) {
                out.append(l.text());
            } else if (segment instanceof Placeholder p) {
                Slot slot = lookup.apply(p.name());
                if (slot == null) {
                    return Optional.empty();
                }
                out.append(slot.text());
            } else if (segment instanceof OptionalClause o) {
                renderClause(o, lookup).ifPresent(out::append);
            }
        }
        return Optional.of(out.toString().strip());
    }

    private static Optional<String> renderClause(OptionalClause clause, Function<String, Slot> lookup) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : clause.segments()) {
            if (segment instanceof Literal l) {
                out.append(l.text());
            } else if (segment instanceof Placeholder p) {
                Slot slot = lookup.apply(p.name());
                if (slot == null || slot.zero()) {
                    return Optional.empty();
                }
                out.append(slot.text());
            }
        }
        return Optional.of(out.toString());
    }

    @Override
    public String toString() {
        return source;
    }
}
