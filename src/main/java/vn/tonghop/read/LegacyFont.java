package vn.tonghop.read;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The pre-Unicode Vietnamese font encodings that old offices still type in. Their text arrives as mojibake:
 * the font's byte codes read as Latin-1 characters ({@code X· Cao S¬n}, {@code Xaõ Cao Sôn}). Both
 * converters read the characters U+00A0..U+00FF as the font's codes and leave every other character alone.
 */
enum LegacyFont {

    /**
     * TCVN 5712:1993 VN3, the "ABC" fonts ({@code .VnTime}): one byte per letter. Capital letters with a tone
     * have no code of their own (they were typed with the capitals-only {@code .VnTimeH} fonts using the small
     * letters' codes), so a converted word whose other letters are all capitals is put in capitals.
     */
    TCVN3("TCVN3") {
        @Override
        String convert(String fontText) {
            StringBuilder out = new StringBuilder(fontText.length());
            boolean changed = false;
            for (int i = 0; i < fontText.length(); i++) {
                char c = fontText.charAt(i);
                char u = c >= 0xA0 && c <= 0xFF ? TCVN3_TABLE.charAt(c - 0xA0) : c;
                changed |= u != c;
                out.append(u);
            }
            return changed ? capitaliseShoutedWords(out.toString(), fontText) : fontText;
        }
    },

    /**
     * VNI-Windows: a base letter followed by a byte for its diacritic and tone ({@code aù} = á, {@code oâ} = ô,
     * {@code aá} = ấ), with single bytes for đ, ơ, ư and the i/ỵ forms ({@code ñ}, {@code ô}, {@code ö},
     * {@code í}, {@code ì}, {@code æ}, {@code ó}, {@code ò}, {@code î}).
     */
    VNI("VNI") {
        @Override
        String convert(String fontText) {
            StringBuilder out = new StringBuilder(fontText.length());
            for (int i = 0; i < fontText.length(); i++) {
                char c = fontText.charAt(i);
                if (c < 0xC0 || c > 0xFF) {
                    out.append(c);
                    continue;
                }
                boolean upper = c < 0xE0;
                int lower = upper ? c + 0x20 : c;
                char single = VNI_SINGLE.charAt(lower - 0xE0);
                if (single != '-') {
                    out.append(upper ? Character.toUpperCase(single) : single);
                    continue;
                }
                String marks = vniMarks(lower);
                if (marks != null && out.length() > 0) {
                    char combined = combine(out.charAt(out.length() - 1), marks);
                    if (combined != 0) {
                        out.setCharAt(out.length() - 1, combined);
                        continue;
                    }
                }
                out.append(c);
            }
            return out.toString();
        }
    };

    /** Unicode for TCVN3 codes 0xA0..0xFF; a code that is not a letter maps to itself. */
    private static final String TCVN3_TABLE =
            // A0   A1 ... AF
            "\u00A0ĂÂÊÔƠƯĐăâêôơưđ\u00AF"
            // B0 .. BF: B5 à, B6 ả, B7 ã, B8 á, B9 ạ, BB ằ, BC ẳ, BD ẵ, BE ắ
            + "\u00B0\u00B1\u00B2\u00B3\u00B4àảãáạ\u00BAằẳẵắ\u00BF"
            // C0 .. CF: C6 ặ, C7 ầ, C8 ẩ, C9 ẫ, CA ấ, CB ậ, CC è, CE ẻ, CF ẽ
            + "\u00C0\u00C1\u00C2\u00C3\u00C4\u00C5ặầẩẫấậè\u00CDẻẽ"
            // D0 .. DF: é ẹ ề ể ễ ế ệ ì ỉ (D9-DB unused) ĩ í ị ò
            + "éẹềểễếệìỉ\u00D9\u00DA\u00DBĩíịò"
            // E0 .. EF: (E0 unused) ỏ õ ó ọ ồ ổ ỗ ố ộ ờ ở ỡ ớ ợ ù
            + "\u00E0ỏõóọồổỗốộờởỡớợù"
            // F0 .. FF: (F0 unused) ủ ũ ú ụ ừ ử ữ ứ ự ỳ ỷ ỹ ý ỵ (FF unused)
            + "\u00F0ủũúụừửữứựỳỷỹýỵ\u00FF";

    /** VNI codes 0xE0..0xFF (and their capitals 0xC0..0xDF) that are whole letters; '-' marks a modifier. */
    private static final String VNI_SINGLE =
            // E0 .. EF: E6 ỉ, EC ì, ED í, EE ỵ
            "------ỉ-----ìíỵ-"
            // F0 .. FF: F1 đ, F2 ị, F3 ĩ, F4 ơ, F6 ư
            + "-địĩơ-ư---------";

    private final String label;

    LegacyFont(String label) {
        this.label = label;
    }

    /** The name reported as a CSV's encoding. */
    String label() {
        return label;
    }

    /** Converts text typed in this font to Unicode (not yet NFC-normalised). */
    abstract String convert(String fontText);

    /** The combining marks a VNI modifier code (lower-case form) adds, or null if it is not a modifier. */
    private static String vniMarks(int code) {
        return switch (code) {
            case 0xF9 -> "\u0301";
            case 0xF8 -> "\u0300";
            case 0xFB -> "\u0309";
            case 0xF5 -> "\u0303";
            case 0xEF -> "\u0323";
            case 0xE2 -> "\u0302";
            case 0xE1 -> "\u0302\u0301";
            case 0xE0 -> "\u0302\u0300";
            case 0xE5 -> "\u0302\u0309";
            case 0xE3 -> "\u0302\u0303";
            case 0xE4 -> "\u0302\u0323";
            case 0xEA -> "\u0306";
            case 0xE9 -> "\u0306\u0301";
            case 0xE8 -> "\u0306\u0300";
            case 0xFA -> "\u0306\u0309";
            case 0xFC -> "\u0306\u0303";
            case 0xEB -> "\u0306\u0323";
            default -> null;
        };
    }

    /**
     * Puts VNI marks on the letter before them, if Vietnamese allows it there (circumflex on a, e, o; breve on
     * a; one tone on a vowel); returns 0 otherwise, and the modifier is kept as the character it looks like.
     */
    private static char combine(char base, String marks) {
        String decomposed = Normalizer.normalize(String.valueOf(base), Normalizer.Form.NFD);
        char letter = Character.toLowerCase(decomposed.charAt(0));
        String existing = decomposed.substring(1);
        if ("aeiouy".indexOf(letter) < 0) {
            return 0;
        }
        boolean hasTone = existing.chars().anyMatch(m -> "\u0300\u0301\u0303\u0309\u0323".indexOf(m) >= 0);
        char shape = marks.charAt(0);
        String tone = marks;
        if (shape == '\u0302' || shape == '\u0306') {
            boolean allowed = existing.isEmpty()
                    && (shape == '\u0302' ? "aeo".indexOf(letter) >= 0 : letter == 'a');
            if (!allowed) {
                return 0;
            }
            tone = marks.substring(1);
        }
        if (!tone.isEmpty() && hasTone) {
            return 0;
        }
        String composed = Normalizer.normalize(decomposed + marks, Normalizer.Form.NFC);
        return composed.length() == 1 ? composed.charAt(0) : 0;
    }

    /**
     * {@code B¸O C¸O} typed in a capitals-only font converts to {@code BáO CáO}. A converted word is put in
     * capitals when its other letters are all capitals and either there are at least two of them or the whole
     * text is in capitals ({@code VÖ} in a shouted title); {@code X· Cao S¬n} stays {@code Xã Cao Sơn}.
     */
    private static String capitaliseShoutedWords(String converted, String original) {
        int capitals = 0;
        boolean small = false;
        for (int i = 0; i < original.length(); i++) {
            char o = original.charAt(i);
            if (o == converted.charAt(i) && Character.isLetter(o)) {
                capitals += Character.isUpperCase(o) ? 1 : 0;
                small |= Character.isLowerCase(o);
            }
        }
        boolean shouted = !small && capitals >= 3;
        StringBuilder out = new StringBuilder(converted);
        int i = 0;
        while (i < converted.length()) {
            if (!Character.isLetter(converted.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            int wordCapitals = 0;
            boolean wordSmall = false;
            boolean convertedHere = false;
            while (end < converted.length() && Character.isLetter(converted.charAt(end))) {
                char o = original.charAt(end);
                if (o != converted.charAt(end)) {
                    convertedHere = true;
                } else {
                    wordCapitals += Character.isUpperCase(o) ? 1 : 0;
                    wordSmall |= Character.isLowerCase(o);
                }
                end++;
            }
            if (convertedHere && !wordSmall && (wordCapitals >= 2 || shouted)) {
                out.replace(i, end, converted.substring(i, end).toUpperCase(Locale.ROOT));
            }
            i = end;
        }
        return out.toString();
    }
}
