package vn.tonghop.normalise;

import java.text.Normalizer;

/**
 * The comparison key used to match headers, aliases and names: diacritics, case and punctuation do not count.
 *
 * <p>{@code "Số buổi tuyên truyền, phổ biến pháp luật"} and {@code "SO BUOI TUYEN TRUYEN - PHO BIEN PHAP LUAT"} both
 * give {@code "so buoi tuyen truyen pho bien phap luat"}; text in NFC and NFD gives the same key.
 */
public final class TextKey {

    /**
     * Returns the key of {@code s}: diacritics removed ({@code đ} becomes {@code d}), lower case, every run of
     * characters that are neither letters nor digits replaced by one space, trimmed. {@code null} gives {@code ""}.
     */
    public String of(String s) {
        String folded = fold(s);
        StringBuilder key = new StringBuilder(folded.length());
        boolean gap = false;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && key.length() > 0) {
                    key.append(' ');
                }
                gap = false;
                key.appendCodePoint(cp);
            } else {
                gap = true;
            }
        }
        return key.toString();
    }

    /**
     * Returns {@code s} without diacritics and in lower case, punctuation and spacing untouched
     * ({@code "Quý III/2022"} gives {@code "quy iii/2022"}). {@code null} gives {@code ""}.
     *
     * <p>Decomposing to NFD also covers NFC input: NFD(NFC(s)) equals NFD(s) by definition, so no separate NFC pass
     * is needed. Combining marks (Vietnamese tone marks, circumflex, breve, horn) are then dropped. {@code đ} has no
     * decomposition and is mapped by hand. Case is lowered per code point so that no combining mark reappears.
     */
    public String fold(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (isAscii(s)) {
            return s.toLowerCase(java.util.Locale.ROOT); // nothing to decompose: figures, codes, unaccented names
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isCombiningMark(cp)) {
                continue;
            }
            if (cp == 'đ' || cp == 'Đ') {
                folded.append('d');
            } else {
                folded.appendCodePoint(Character.toLowerCase(cp));
            }
        }
        return folded.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }
}
