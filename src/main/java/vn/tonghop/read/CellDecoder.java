package vn.tonghop.read;

import java.nio.charset.Charset;

/**
 * Turns a cell as read into its final text. A single-byte CSV is streamed as ISO-8859-1 and each cell decoded
 * here as Windows-1258; in a file written in a legacy font (a CSV, or a workbook typed in .VnTime or VNI-Times),
 * each cell is converted from that font unless it reads better as it is (a header typed later in Unicode, a
 * number).
 */
final class CellDecoder {

    private static final Charset WINDOWS_1258 = Charset.forName("windows-1258");

    private final boolean singleByte;
    private final LegacyFont font;
    private final boolean tieToFont;

    /** A CSV's cells: a tie goes to the legacy font in a single-byte file, to the plain reading in a Unicode one. */
    CellDecoder(TextEncoding encoding) {
        this(encoding.singleByte(), encoding.legacyFont(), encoding.singleByte());
    }

    /**
     * @param tieToFont whether a cell that reads as well in the font as plainly is converted: yes where the text is
     *                  legacy throughout (a single-byte CSV, a workbook typed wholly in the font), no where legacy
     *                  text is only pasted among Unicode (Unicode's own ê, ã, ô are legacy codes too: "Tên xã"
     *                  would read "Tờn xó")
     */
    CellDecoder(boolean singleByte, LegacyFont font, boolean tieToFont) {
        this.singleByte = singleByte;
        this.font = font;
        this.tieToFont = tieToFont;
    }

    String decode(String raw) {
        if (raw.isEmpty()) {
            return raw;
        }
        String plain = singleByte ? windows1258(raw) : raw;
        if (font != null && hasLegacyCodes(raw) && !isUnicodeVietnamese(raw)) {
            String converted = font.convert(fontCodes(raw, singleByte));
            int gain = VietnameseSyllables.score(converted) - VietnameseSyllables.score(plain);
            if (gain > 0 || (gain == 0 && tieToFont)) {
                return CellText.clean(converted);
            }
        }
        return CellText.clean(plain);
    }

    /** Re-reads text streamed as ISO-8859-1 (one character per byte) as Windows-1258. */
    static String windows1258(String latin1) {
        for (int i = 0; i < latin1.length(); i++) {
            if (latin1.charAt(i) >= 0x80) {
                return new String(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), WINDOWS_1258);
            }
        }
        return latin1;
    }

    /**
     * The text with its legacy font codes as characters U+00A0..U+00FF. In a single-byte file the bytes
     * 0x80..0x9F are not font codes but Windows punctuation (curly quotes, dashes), so they are decoded so.
     */
    static String fontCodes(String text, boolean singleByte) {
        if (!singleByte) {
            return text;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && c < 0xA0) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, windows1258(String.valueOf(c)).charAt(0));
            }
        }
        return out == null ? text : out.toString();
    }

    /** Whether the text holds characters that a legacy font would read as Vietnamese letters. */
    static boolean hasLegacyCodes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xA0 && c <= 0xFF) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text holds Vietnamese letters that only Unicode has (ă, đ, ơ, ư, ạ..ỹ, combining tones):
     * such text was typed in Unicode and is never read as a legacy font.
     */
    static boolean isUnicodeVietnamese(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 0x1EA0 && c <= 0x1EF9) || (c >= 0x0300 && c <= 0x0323)
                    || c == 0x0102 || c == 0x0103 || c == 0x0110 || c == 0x0111 || c == 0x0128 || c == 0x0129
                    || c == 0x0168 || c == 0x0169 || c == 0x01A0 || c == 0x01A1 || c == 0x01AF || c == 0x01B0) {
                return true;
            }
        }
        return false;
    }
}
