package vn.tonghop.normalise;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The key of an administrative unit's name: its {@link TextKey} without the administrative prefix
 * ({@code xã} commune, {@code phường} ward, {@code thị trấn} township, {@code thị xã} town, {@code huyện} and
 * {@code quận} districts, {@code thành phố} city, {@code tỉnh} province, {@code đặc khu} special zone, and the
 * abbreviations {@code X. P. TT. Q. H. TP. TX.}). {@code "Xã Cao Sơn"}, {@code "X. Cao Sơn"}, {@code "CAO SƠN"} and
 * {@code "Cao Son"} all give {@code "cao son"}; {@code "Phường 01"} and {@code "P.1"} give {@code "1"}.
 *
 * <p>A prefix is recognised as a whole word only, so {@code Xuân Lạc} and {@code Phúc Lộc} keep their first word,
 * and never when it is the whole name. A prefix spelled with its diacritics ({@code Xã}) is always a prefix. The same
 * letters without diacritics are a prefix only when the whole name is typed without diacritics: real communes are
 * called {@code Quan Sơn}, {@code Tinh Nhuệ} and {@code Xa Dung}, while {@code "Xa Cao Son"} is {@code Xã Cao Sơn}
 * typed on a keyboard without Vietnamese input. Some names stay ambiguous ({@code "Quan Hoa"} typed without
 * diacritics, the ward actually named {@code Phường Đúc}, the township {@code P Rao}, the commune {@code H Bông});
 * {@link #candidates(String)} lists the other readings so that the matcher can try them.
 *
 * <p>Numeric words lose their leading zeros ({@code Phường 01} = {@code Phường 1}). A leading {@code Công an}
 * (commune police, as in {@code "Công an xã Cao Sơn"}) is dropped too, since police reports name their unit that way.
 *
 * <p>Suggested matching within a district or province, using {@link #parse(String)}: take the units registered under
 * the first candidate that has any; if several remain, keep those with the same {@link UnitName#accentedKey()}, then
 * those whose type matches the stated {@link UnitName#prefix()}; one unit left is the match, several are an ambiguous
 * name (an error, never a guess).
 */
public final class UnitNameKey {

    /** One- and two-word prefixes, NFC lower case with diacritics, each with the key of its full form. */
    private static final List<Prefix> PREFIXES = List.of(
            new Prefix(List.of("thị", "trấn"), "thi tran"), new Prefix(List.of("thị", "xã"), "thi xa"),
            new Prefix(List.of("thành", "phố"), "thanh pho"), new Prefix(List.of("đặc", "khu"), "dac khu"),
            new Prefix(List.of("xã"), "xa"), new Prefix(List.of("phường"), "phuong"),
            new Prefix(List.of("huyện"), "huyen"), new Prefix(List.of("quận"), "quan"),
            new Prefix(List.of("tỉnh"), "tinh"),
            new Prefix(List.of("tt"), "thi tran"), new Prefix(List.of("tx"), "thi xa"),
            new Prefix(List.of("tp"), "thanh pho"), new Prefix(List.of("x"), "xa"), new Prefix(List.of("p"), "phuong"),
            new Prefix(List.of("q"), "quan"), new Prefix(List.of("h"), "huyen"));

    private static final List<String> POLICE = List.of("công", "an");
    private static final List<String> POLICE_SHORT = List.of("ca");

    /** {@code P1}, {@code P01}, {@code Q3}: a ward or district number glued to its abbreviation. */
    private static final Pattern GLUED_NUMBER = Pattern.compile("([pq])(\\d+)");

    /** Vietnamese tone marks (decomposed) and their Telex letters; other marks (â ă ê ô ơ ư) belong to the letter. */
    private static final Map<Character, Character> TONES = Map.of(
            '\u0300', 'f', '\u0301', 's', '\u0309', 'r', '\u0303', 'x', '\u0323', 'j');

    private final TextKey textKey = new TextKey();

    /** Returns the key of a unit name, prefix removed; {@code null} or blank gives {@code ""}. */
    public String of(String name) {
        return parse(name).key();
    }

    /**
     * Returns the keys under which {@code name} may be registered, the preferred reading ({@link #of(String)}) first,
     * then the same name with fewer prefix words removed (or, for a prefix typed without diacritics inside a name
     * that has some, with that word removed after all). Never empty; no duplicates.
     */
    public List<String> candidates(String name) {
        return parse(name).candidates();
    }

    /**
     * Reads a unit name: its key, accented key, stated prefix and candidate keys. The readings are remembered, shared by
     * every reader (a name reads the same wherever it is typed): a district's thirteen reports of a year name the same
     * communes, arriving month by month among every other district's files, and reading a name is the costliest part of
     * checking a row. Bounded: past {@value #MAX_REMEMBERED} names (a national year types some 10,000) the new ones are
     * read each time.
     */
    public UnitName parse(String name) {
        return name == null || name.length() > MAX_REMEMBERED_LENGTH ? read(name) : REMEMBERED.get(name);
    }

    private static final int MAX_REMEMBERED = 50_000;
    private static final int MAX_REMEMBERED_LENGTH = 200;
    private static final Remembered<String, UnitName> REMEMBERED = new Remembered<>(MAX_REMEMBERED, new UnitNameKey()::read);

    private UnitName read(String name) {
        List<String> words = words(name);
        boolean plainAscii = isAscii(words);
        List<List<String>> readings = new ArrayList<>();
        readings.add(words);
        List<String> preferred = words;
        List<String> rest = words;
        String prefix = "";

        int police = leadingMatch(rest, POLICE, plainAscii);
        if (police == 0 && leadingMatch(rest, POLICE_SHORT, true) == 1
                && startsWithPrefix(rest.subList(1, rest.size()), plainAscii)) {
            police = 1;
        }
        if (police > 0 && rest.size() > police) {
            rest = rest.subList(police, rest.size());
            readings.add(rest);
            preferred = rest;
        }

        Stripped exact = strip(rest, false);
        if (exact != null) {
            readings.add(exact.rest());
            preferred = exact.rest();
            prefix = exact.prefix();
        } else {
            Stripped folded = strip(rest, true);
            if (folded != null) {
                readings.add(folded.rest());
                if (plainAscii) {
                    preferred = folded.rest();
                    prefix = folded.prefix();
                }
            }
        }

        List<String> keys = new ArrayList<>();
        keys.add(key(preferred));
        for (int i = readings.size() - 1; i >= 0; i--) {
            String k = key(readings.get(i));
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        return new UnitName(keys.get(0), accentedKey(preferred), prefix, keys);
    }

    private record Prefix(List<String> words, String key) {
    }

    private record Stripped(List<String> rest, String prefix) {
    }

    /** Removes one leading prefix, unless it is the whole name; null when none applies. */
    private Stripped strip(List<String> words, boolean folded) {
        for (Prefix prefix : PREFIXES) {
            int n = leadingMatch(words, prefix.words(), folded);
            if (n > 0 && words.size() > n) {
                return new Stripped(words.subList(n, words.size()), prefix.key());
            }
        }
        return null;
    }

    private boolean startsWithPrefix(List<String> words, boolean folded) {
        for (Prefix prefix : PREFIXES) {
            if (leadingMatch(words, prefix.words(), folded) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the number of leading words of {@code words} equal to {@code prefix} (0 if they differ), compared with
     * diacritics, or, when {@code folded}, also without diacritics for words typed in plain ASCII.
     */
    private int leadingMatch(List<String> words, List<String> prefix, boolean folded) {
        if (words.size() < prefix.size()) {
            return 0;
        }
        for (int i = 0; i < prefix.size(); i++) {
            String word = words.get(i);
            String expected = prefix.get(i);
            boolean same = word.equals(expected)
                    || (folded && isAscii(word) && word.equals(textKey.of(expected)));
            if (!same) {
                return 0;
            }
        }
        return prefix.size();
    }

    private String key(List<String> words) {
        StringBuilder key = new StringBuilder();
        for (String word : words) {
            String k = textKey.of(word);
            if (k.isEmpty()) {
                continue;
            }
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(isDigits(k) ? withoutLeadingZeros(k) : k);
        }
        return key.toString();
    }

    /** Words with their letter marks, each word's tone mark moved to its end as a Telex letter. */
    private static String accentedKey(List<String> words) {
        StringBuilder key = new StringBuilder();
        for (String word : words) {
            if (isDigits(word)) {
                appendWord(key, withoutLeadingZeros(word));
                continue;
            }
            String decomposed = Normalizer.normalize(word, Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder(decomposed.length());
            Character tone = null;
            for (int i = 0; i < decomposed.length(); i++) {
                char c = decomposed.charAt(i);
                Character telex = TONES.get(c);
                if (telex != null) {
                    tone = telex;
                } else {
                    base.append(c);
                }
            }
            String letters = Normalizer.normalize(base, Normalizer.Form.NFC);
            appendWord(key, tone == null ? letters : letters + tone);
        }
        return key.toString();
    }

    private static void appendWord(StringBuilder key, String word) {
        if (key.length() > 0) {
            key.append(' ');
        }
        key.append(word);
    }

    /** NFC lower-case words, split on anything that is not a letter, digit or combining mark. */
    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        if (name == null) {
            return words;
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            Matcher glued = GLUED_NUMBER.matcher(words.get(0));
            if (glued.matches()) {
                words.set(0, glued.group(1));
                words.add(1, glued.group(2));
            }
        }
        return words;
    }

    private static boolean isAscii(List<String> words) {
        for (String word : words) {
            if (!isAscii(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String withoutLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
    }
}
