package vn.tonghop.read;

import java.nio.charset.Charset;

/**
 * How a CSV's bytes become text. {@code streamCharset} is what the file is read with: for a single-byte file
 * it is ISO-8859-1, which keeps every byte as one character so that each cell can afterwards be decoded as
 * Windows-1258 or as a legacy font; {@code legacyFont} is null unless the text was typed in TCVN3 or VNI.
 */
record TextEncoding(Charset streamCharset, int bomLength, boolean singleByte, LegacyFont legacyFont,
                    String carrierLabel) {

    /** What {@link TableFile#encoding()} reports: {@code "TCVN3"}, or {@code "TCVN3 in UTF-8"} when carried in a Unicode file. */
    String label() {
        if (legacyFont == null) {
            return carrierLabel;
        }
        return singleByte ? legacyFont.label() : legacyFont.label() + " in " + carrierLabel;
    }
}
