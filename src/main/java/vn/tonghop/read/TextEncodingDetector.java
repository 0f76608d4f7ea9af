package vn.tonghop.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import vn.tonghop.normalise.Remembered;

/**
 * Detects a CSV's encoding from a sample of its first bytes: a byte-order mark; UTF-16 without one (zero
 * bytes at every other position); strict UTF-8; else Windows-1258. Within single-byte and UTF-8 text it
 * then looks for the legacy TCVN3 and VNI fonts, chosen only when they read as clearly more Vietnamese
 * syllables than the plain reading. Rejects binary content, empty files and web pages.
 */
final class TextEncodingDetector {

    /** Share of control characters above which a file is binary rather than text. */
    private static final double MAX_CONTROL_SHARE = 0.02;
    /** Share of zero bytes at one parity (and almost none at the other) that marks BOM-less UTF-16. */
    private static final double UTF16_ZERO_SHARE = 0.25;
    /** How many more syllables a legacy font must yield than the plain reading to be chosen. */
    private static final int LEGACY_MARGIN = 2;

    private TextEncodingDetector() {
    }

    /** The encoding and the sample decoded with it (BOM removed, still raw: not yet per-cell decoded). */
    record Detection(TextEncoding encoding, String sampleText) {
    }

    /**
     * @param sample     the file's first bytes
     * @param wholeFile  whether the sample is the whole file (then it may also be judged empty)
     */
    static Detection detect(byte[] sample, boolean wholeFile, String fileName) throws UnreadableFileException {
        TextEncoding encoding = unicodeByBom(sample);
        if (encoding == null) {
            encoding = utf16WithoutBom(sample);
        }
        if (encoding == null) {
            rejectBinaryBytes(sample, fileName);
            encoding = isStrictUtf8(sample)
                    ? new TextEncoding(StandardCharsets.UTF_8, 0, false, null, "UTF-8")
                    : new TextEncoding(StandardCharsets.ISO_8859_1, 0, true, null, "windows-1258");
        }
        String text = decode(sample, encoding, wholeFile);
        rejectBinaryText(text, fileName);
        if (isBlank(text)) {
            if (wholeFile) {
                throw new UnreadableFileException(UnreadableReason.EMPTY,
                        "File " + fileName + " is empty (no data besides whitespace, BOM or delimiters)");
            }
        }
        if (looksLikeWebPage(text)) {
            throw new UnreadableFileException(UnreadableReason.WEB_PAGE,
                    "File " + fileName + " is an HTML/XML page, not CSV or a workbook");
        }
        LegacyFont font = legacyFont(text, encoding.singleByte());
        if (font != null) {
            encoding = new TextEncoding(encoding.streamCharset(), encoding.bomLength(), encoding.singleByte(), font,
                    encoding.carrierLabel());
        }
        return new Detection(encoding, text);
    }

    private static TextEncoding unicodeByBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new TextEncoding(StandardCharsets.UTF_8, 3, false, null, "UTF-8 (BOM)");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 2, false, null, "UTF-16LE");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 2, false, null, "UTF-16BE");
        }
        return null;
    }

    /** Latin letters, digits and delimiters in UTF-16 have a zero high byte: zeros at odd (LE) or even (BE) offsets. */
    private static TextEncoding utf16WithoutBom(byte[] b) {
        int pairs = Math.min(b.length, 8192) / 2;
        if (pairs < 2) {
            return null;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < pairs * 2; i += 2) {
            zeroEven += b[i] == 0 ? 1 : 0;
            zeroOdd += b[i + 1] == 0 ? 1 : 0;
        }
        double even = (double) zeroEven / pairs;
        double odd = (double) zeroOdd / pairs;
        if (odd >= UTF16_ZERO_SHARE && even < 0.02) {
            return new TextEncoding(StandardCharsets.UTF_16LE, 0, false, null, "UTF-16LE");
        }
        if (even >= UTF16_ZERO_SHARE && odd < 0.02) {
            return new TextEncoding(StandardCharsets.UTF_16BE, 0, false, null, "UTF-16BE");
        }
        return null;
    }

    private static void rejectBinaryBytes(byte[] sample, String fileName) throws UnreadableFileException {
        int controls = 0;
        for (byte b : sample) {
            if (b == 0) {
                throw new UnreadableFileException(UnreadableReason.BINARY,
                        "File " + fileName + " holds NUL bytes: binary content, not a CSV");
            }
            controls += isControl((char) (b & 0xFF)) ? 1 : 0;
        }
        if (controls > Math.max(2, sample.length * MAX_CONTROL_SHARE)) {
            throw new UnreadableFileException(UnreadableReason.BINARY,
                    "File " + fileName + " holds " + controls + " control bytes in " + sample.length
                            + ": binary content, not a CSV");
        }
    }

    private static void rejectBinaryText(String text, String fileName) throws UnreadableFileException {
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            controls += c == 0 || isControl(c) || c == '\uFFFD' ? 1 : 0;
        }
        if (controls > Math.max(2, text.length() * MAX_CONTROL_SHARE)) {
            throw new UnreadableFileException(UnreadableReason.BINARY,
                    "File " + fileName + " decodes to " + controls + " control or invalid characters in "
                            + text.length() + ": binary content, not a CSV");
        }
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A) || c == 0x7F;
    }

    /**
     * Valid UTF-8 throughout the sample. A sequence cut by the sample's end is allowed, and so is one cut by the
     * file's end: a file cut short mid-letter (a copy interrupted) is still UTF-8, not Windows-1258 mojibake.
     */
    private static boolean isStrictUtf8(byte[] sample) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample);
        CharBuffer out = CharBuffer.allocate(sample.length + 1);
        CoderResult result = decoder.decode(in, out, false);
        return !result.isError() && in.remaining() < 4;
    }

    private static String decode(byte[] sample, TextEncoding encoding, boolean wholeFile) {
        CharsetDecoder decoder = encoding.streamCharset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer in = ByteBuffer.wrap(sample, encoding.bomLength(), sample.length - encoding.bomLength());
        CharBuffer out = CharBuffer.allocate(sample.length + 1);
        decoder.decode(in, out, wholeFile);
        if (wholeFile) {
            decoder.flush(out);
        }
        out.flip();
        String text = out.toString();
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** Nothing but whitespace, BOMs, delimiters and quotes. */
    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isWhitespace(c) || c == '\uFEFF' || c == '\u00A0' || c == ',' || c == ';' || c == '"')) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeWebPage(String text) {
        String head = text.stripLeading();
        if (!head.startsWith("<")) {
            return false;
        }
        String lower = head.substring(0, Math.min(head.length(), 2048)).toLowerCase(Locale.ROOT);
        return lower.startsWith("<?xml") || lower.startsWith("<!doctype") || lower.contains("<html")
                || lower.contains("<table");
    }

    /**
     * The legacy font that reads the sample as clearly more Vietnamese than the plain reading, if any. Also asked
     * of a workbook's first cells ({@code singleByte} false: a cell's font codes are its characters U+00A0..U+00FF).
     */
    static LegacyFont legacyFont(String text, boolean singleByte) {
        int plain = 0;
        int[] legacy = new int[LegacyFont.values().length];
        boolean anyHigh = false;
        for (String word : VietnameseSyllables.words(text)) {
            if (!CellDecoder.hasLegacyCodes(word)) {
                continue;
            }
            anyHigh = true;
            int[] scores = scores(word, singleByte);
            plain += scores[0];
            for (LegacyFont font : LegacyFont.values()) {
                legacy[font.ordinal()] += scores[1 + font.ordinal()];
            }
        }
        if (!anyHigh) {
            return null;
        }
        LegacyFont best = null;
        for (LegacyFont font : LegacyFont.values()) {
            int score = legacy[font.ordinal()];
            if (score >= plain + LEGACY_MARGIN && (best == null || score > legacy[best.ordinal()])) {
                best = font;
            }
        }
        return best;
    }

    /**
     * A word's syllable score read plainly ({@code [0]}) and in each legacy font ({@code [1 + ordinal]}), remembered for
     * every file: the files of one office, and of a province, repeat the same headers and titles, and scoring their
     * words in three readings was most of detecting a CSV's encoding. Bounded: past {@value #MAX_REMEMBERED_WORDS}
     * words the new ones are scored each time.
     */
    private static int[] scores(String word, boolean singleByte) {
        if (word.length() > MAX_REMEMBERED_LENGTH) {
            return score(word, singleByte);
        }
        return singleByte ? SINGLE_BYTE_SCORES.get(word) : UNICODE_SCORES.get(word);
    }

    private static int[] score(String word, boolean singleByte) {
        LegacyFont[] fonts = LegacyFont.values();
        int[] scores = new int[1 + fonts.length];
        String plainWord = singleByte ? CellDecoder.windows1258(word) : word;
        scores[0] = VietnameseSyllables.wordScore(plainWord);
        boolean unicode = CellDecoder.isUnicodeVietnamese(word);
        for (LegacyFont font : fonts) {
            scores[1 + font.ordinal()] = unicode ? scores[0]
                    : VietnameseSyllables.wordScore(font.convert(CellDecoder.fontCodes(word, singleByte)));
        }
        return scores;
    }

    private static final int MAX_REMEMBERED_WORDS = 50_000;
    private static final int MAX_REMEMBERED_LENGTH = 40;
    private static final Remembered<String, int[]> SINGLE_BYTE_SCORES = new Remembered<>(MAX_REMEMBERED_WORDS, word -> score(word, true));
    private static final Remembered<String, int[]> UNICODE_SCORES = new Remembered<>(MAX_REMEMBERED_WORDS, word -> score(word, false));
}
