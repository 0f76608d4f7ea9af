package vn.tonghop.export.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result's zip is kept in memory and written in one piece when it is closed; one that outgrows the memory allowed
 * goes on in its file. Either way the file holds the same bytes as if every write had gone to the file.
 */
class TargetChannelTest {

    @TempDir
    Path dir;

    @Test
    void write_whenSmall_thenNothingReachesTheFileBeforeCloseAndAllOfItAfter() throws IOException {
        Path target = dir.resolve("small.bin");
        TargetChannel channel = new TargetChannel(target, 1024);
        channel.write(ByteBuffer.wrap("header-xxxx-body".getBytes(StandardCharsets.US_ASCII)));
        channel.position(7).write(ByteBuffer.wrap("SIZE".getBytes(StandardCharsets.US_ASCII))); // a header patched afterwards
        channel.position(channel.size());
        channel.write(ByteBuffer.wrap("-end".getBytes(StandardCharsets.US_ASCII)));

        assertThat(target).doesNotExist();
        assertThat(channel.size()).isEqualTo(20);
        channel.close();
        assertThat(Files.readString(target, StandardCharsets.US_ASCII)).isEqualTo("header-SIZE-body-end");
    }

    @Test
    void write_whenPastTheLimit_thenWhatWasKeptGoesToTheFileAndTheRestFollows() throws IOException {
        Path target = dir.resolve("large.bin");
        try (TargetChannel channel = new TargetChannel(target, 8)) {
            channel.write(ByteBuffer.wrap("012345".getBytes(StandardCharsets.US_ASCII)));
            assertThat(target).doesNotExist();
            channel.write(ByteBuffer.wrap("6789ab".getBytes(StandardCharsets.US_ASCII)));
            assertThat(target).exists();
            channel.position(2).write(ByteBuffer.wrap("XY".getBytes(StandardCharsets.US_ASCII)));
            assertThat(channel.size()).isEqualTo(12);
        }
        assertThat(Files.readString(target, StandardCharsets.US_ASCII)).isEqualTo("01XY456789ab");
    }

    @Test
    void write_afterASeekPastTheEnd_thenTheGapReadsAsZeros() throws IOException {
        Path target = dir.resolve("gap.bin");
        try (TargetChannel channel = new TargetChannel(target, 1024)) {
            channel.write(ByteBuffer.wrap(new byte[] {1, 2}));
            channel.position(5).write(ByteBuffer.wrap(new byte[] {9}));
        }
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 0, 0, 0, 9);
    }

    @Test
    void close_whenTheFileExists_thenItIsReplacedNotAppendedTo() throws IOException {
        Path target = dir.resolve("again.bin");
        Files.writeString(target, "an older and longer content");
        try (TargetChannel channel = new TargetChannel(target, 1024)) {
            channel.write(ByteBuffer.wrap("new".getBytes(StandardCharsets.US_ASCII)));
        }
        assertThat(Files.readString(target, StandardCharsets.US_ASCII)).isEqualTo("new");
    }

    @Test
    void packageWriter_inMemoryOrSpilled_thenTheSameZipEitherWay() throws IOException {
        Path kept = dir.resolve("kept.zip");
        Path spilled = dir.resolve("spilled.zip");
        writeWorkbookParts(new PackageWriter(kept, 1 << 20));
        writeWorkbookParts(new PackageWriter(spilled, 200));

        assertThat(Files.readAllBytes(spilled)).isEqualTo(Files.readAllBytes(kept));
        try (ZipFile zip = ZipFile.builder().setPath(kept).get();
             InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            String sheet = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(sheet).startsWith("<worksheet>").endsWith("</worksheet>").contains("<c><v>2999</v></c>");
        }
    }

    private static void writeWorkbookParts(PackageWriter zip) throws IOException {
        try (zip) {
            try (Writer part = zip.textPart("xl/worksheets/sheet1.xml", PackageWriter.WORKSHEET)) {
                part.write("<worksheet>");
                for (int i = 0; i < 3000; i++) {
                    part.write("<c><v>" + i + "</v></c>");
                }
                part.write("</worksheet>");
            }
            zip.part("xl/styles.xml", "<styleSheet/>".getBytes(StandardCharsets.UTF_8), PackageWriter.STYLES);
        }
    }
}
