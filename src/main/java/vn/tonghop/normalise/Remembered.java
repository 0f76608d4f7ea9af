package vn.tonghop.normalise;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The answers of a pure function, remembered for every caller and every thread, up to a bound: past it the new
 * questions are answered each time, so a long-lived {@code serve} holds no more than the bound. For what thousands of
 * files repeat (a district's commune names, a form's headers and title lines, the words of its headers).
 *
 * @param <K> the question; callers keep long or one-off texts out (they are answered directly)
 * @param <V> the answer, immutable: it is handed to every caller that asks the same
 */
public final class Remembered<K, V> {

    private final Map<K, V> answers = new ConcurrentHashMap<>();
    private final int bound;
    private final Function<K, V> function;

    public Remembered(int bound, Function<K, V> function) {
        this.bound = bound;
        this.function = function;
    }

    /** The function's answer to {@code question}, remembered while fewer than the bound are. */
    public V get(K question) {
        V known = answers.get(question);
        if (known == null) {
            known = function.apply(question);
            if (answers.size() < bound) {
                answers.put(question, known);
            }
        }
        return known;
    }
}
