package vn.tonghop.export.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A text part is written as UTF-8 whatever pieces its writer hands over, a surrogate pair split between two included. */
class PackageWriterTest {

    @TempDir
    Path dir;

    @Test
    void textPart_whenVietnameseAndAPairSplitAcrossWritesArrive_thenThePartHoldsTheTextAsUtf8() throws IOException {
        Path target = dir.resolve("p.zip");
        String emoji = "\uD83D\uDE00"; // one code point, two chars
        try (PackageWriter zip = new PackageWriter(target)) {
            try (Writer part = zip.textPart("xl/worksheets/sheet1.xml", PackageWriter.WORKSHEET)) {
                part.write("<t>Xã Cao Sơn ");
                char[] chars = ("Phường Đức Xuân " + emoji + " tổ 7</t>").toCharArray();
                int split = ("Phường Đức Xuân " + emoji.charAt(0)).length(); // after the high surrogate
                part.write(chars, 0, split);
                part.write(chars, split, chars.length - split);
                part.write("<u>" + emoji.charAt(0));
                part.write(emoji.charAt(1) + "</u>");
                part.write(new char[0], 0, 0);
            }
            zip.part("b.xml", "<b>Đạt</b>".getBytes(StandardCharsets.UTF_8), null);
        }

        try (ZipFile zip = ZipFile.builder().setPath(target).get(); InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("<t>Xã Cao Sơn Phường Đức Xuân " + emoji + " tổ 7</t><u>" + emoji + "</u>");
            try (InputStream b = zip.getInputStream(zip.getEntry("b.xml"))) {
                assertThat(new String(b.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<b>Đạt</b>");
            }
        }
    }
}
