package vn.tonghop.read;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tells well-formed Vietnamese syllables from mojibake, to choose how to decode a CSV: a reading that yields
 * many real syllables ({@code Sơn}, {@code Thông}) beats one that yields {@code S¬n} or {@code Thoâng}.
 *
 * <p>A syllable is an initial consonant, a vowel nucleus and a final consonant from Vietnamese spelling, with
 * at most one tone mark placed where Vietnamese places it (on the vowel with a diacritic, else on the last
 * vowel before a final consonant, else on the first of two / the middle of three vowels; both placements for
 * {@code oa, oe, uy}); a syllable closed by c, ch, p or t carries the acute or the dot below.
 */
final class VietnameseSyllables {

    private static final List<String> INITIALS = List.of("ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th",
            "tr", "ch", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "");
    private static final List<String> FINALS = List.of("ch", "ng", "nh", "c", "m", "n", "p", "t", "");
    private static final Set<String> CHECKED_FINALS = Set.of("c", "ch", "p", "t");
    private static final Set<String> OPEN_NUCLEI = Set.of("a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
            "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oa", "oe", "oi", "ôi", "ơi", "ua", "uê",
            "ui", "uơ", "uy", "ưa", "ưi", "ưu", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "uya",
            "uyu", "ươi", "ươu");
    private static final Set<String> CLOSED_NUCLEI = Set.of("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u",
            "ư", "y", "iê", "yê", "oa", "oă", "oe", "oo", "uâ", "uê", "uô", "uy", "ươ", "uyê");
    private static final Set<String> EITHER_PLACEMENT = Set.of("oa", "oe", "uy");
    private static final String MARKED_VOWELS = "âăêôơư";
    private static final String LETTERS = "abcdeghiklmnopqrstuvxyđâăêôơư";

    private static final char NO_TONE = 0;
    private static final char ACUTE = '\u0301';
    private static final char DOT_BELOW = '\u0323';

    private VietnameseSyllables() {
    }

    /**
     * Scores a text: +1 for each word that carries a non-ASCII letter and is a well-formed syllable, -1 for each
     * word that carries a non-ASCII character and is not. Pure ASCII words and words with digits count 0.
     */
    static int score(String text) {
        int score = 0;
        for (String word : words(text)) {
            score += wordScore(word);
        }
        return score;
    }

    /** Splits on whitespace and ASCII punctuation, the characters every reading of the bytes agrees on. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean separator = i == text.length() || isSeparator(text.charAt(i));
            if (separator) {
                if (start >= 0) {
                    words.add(text.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return words;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || c == '\u00A0'
                || (c < 0x80 && !Character.isLetterOrDigit(c));
    }

    /** +1, 0 or -1 for one word already decoded to Unicode (any normal form). */
    static int wordScore(String word) {
        String w = Normalizer.normalize(word, Normalizer.Form.NFC);
        int start = 0;
        int end = w.length();
        while (start < end && !Character.isLetter(w.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(w.charAt(end - 1))) {
            end--;
        }
        w = w.substring(start, end);
        boolean nonAscii = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isDigit(c)) {
                return 0;
            }
            nonAscii |= c >= 0x80;
        }
        if (!nonAscii) {
            return 0;
        }
        return isSyllable(w) ? 1 : -1;
    }

    /** Whether a word is one well-formed Vietnamese syllable (case-insensitive, any normal form). */
    static boolean isSyllable(String word) {
        String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder toneless = new StringBuilder(decomposed.length());
        char tone = NO_TONE;
        int toneIndex = -1;
        int bases = 0;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (isToneMark(c)) {
                if (tone != NO_TONE || bases == 0) {
                    return false;
                }
                tone = c;
                toneIndex = bases - 1;
            } else {
                if (Character.getType(c) != Character.NON_SPACING_MARK) {
                    bases++;
                }
                toneless.append(c);
            }
        }
        String letters = Normalizer.normalize(toneless, Normalizer.Form.NFC);
        if (letters.length() != bases || letters.isEmpty()) {
            return false;
        }
        for (int i = 0; i < letters.length(); i++) {
            if (LETTERS.indexOf(letters.charAt(i)) < 0) {
                return false;
            }
        }
        for (String initial : INITIALS) {
            if (!letters.startsWith(initial)) {
                continue;
            }
            String rhyme = letters.substring(initial.length());
            for (String fin : FINALS) {
                if (rhyme.length() > fin.length() && rhyme.endsWith(fin)) {
                    String nucleus = rhyme.substring(0, rhyme.length() - fin.length());
                    if (fits(nucleus, fin, tone, toneIndex - initial.length())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isToneMark(char c) {
        return c == '\u0300' || c == ACUTE || c == '\u0303' || c == '\u0309' || c == DOT_BELOW;
    }

    private static boolean fits(String nucleus, String fin, char tone, int toneAt) {
        if (!(fin.isEmpty() ? OPEN_NUCLEI : CLOSED_NUCLEI).contains(nucleus)) {
            return false;
        }
        if (CHECKED_FINALS.contains(fin) && tone != ACUTE && tone != DOT_BELOW) {
            return false;
        }
        if (tone == NO_TONE) {
            return true;
        }
        int marked = -1;
        for (int i = 0; i < nucleus.length(); i++) {
            if (MARKED_VOWELS.indexOf(nucleus.charAt(i)) >= 0) {
                marked = i;
            }
        }
        if (marked >= 0) {
            return toneAt == marked;
        }
        int last = nucleus.length() - 1;
        if (!fin.isEmpty()) {
            return toneAt == last;
        }
        return switch (nucleus.length()) {
            case 1 -> toneAt == 0;
            case 2 -> toneAt == 0 || (toneAt == 1 && EITHER_PLACEMENT.contains(nucleus));
            default -> toneAt == 1;
        };
    }
}
