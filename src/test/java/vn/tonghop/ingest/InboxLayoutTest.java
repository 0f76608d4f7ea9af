package vn.tonghop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where files may go: never outside the inbox, archive/ or rejected/, whatever a folder or file is called. */
class InboxLayoutTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 9);

    @TempDir
    Path site;

    @ParameterizedTest(name = "folder \"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "064|064",
            "02251|02251",
            "..|__",
            "...|___",
            "../../etc|___.._etc",
            "..\\..|___..",
            ".an|_an",
            "  064  |064",
            "064;DROP TABLE unit;--|064_DROP TABLE unit_--",
            "$(touch x)|_(touch x)",
            "a/b|a_b",
            "Chợ Đồn|Chợ Đồn"})
    void destination_whenTheOfficeFolderHasAnyName_thenItStaysUnderTheDaysFolder(String folder, String expected) {
        InboxLayout layout = new InboxLayout(site.resolve("inbox"));

        Path archive = layout.destination(false, DAY, folder);
        Path rejected = layout.destination(true, DAY, folder);

        assertThat(archive.getParent()).isEqualTo(site.resolve("archive/2024-01-09"));
        assertThat(archive.getFileName().toString()).isEqualTo(expected);
        assertThat(rejected.getParent()).isEqualTo(site.resolve("rejected/2024-01-09"));
    }

    @Test
    void safeName_turnsSeparatorsAndLeadingDotsIntoUnderscores() {
        assertThat(InboxLayout.safeName("../../etc")).isEqualTo("___.._etc");
        assertThat(InboxLayout.safeName("..")).isEqualTo("__");
        assertThat(InboxLayout.safeName("")).isEqualTo("_");
        assertThat(InboxLayout.safeName("bao cao (1).xlsx")).isEqualTo("bao cao (1).xlsx");
        // Decomposed Vietnamese (NFD, as some systems write names) keeps its marks.
        String nfd = java.text.Normalizer.normalize("Chợ Đồn.xlsx", java.text.Normalizer.Form.NFD);
        assertThat(InboxLayout.safeName(nfd)).isEqualTo(nfd);
    }

    @Test
    void destination_atTheInboxRoot_isTheDaysFolderItself() {
        InboxLayout layout = new InboxLayout(site.resolve("inbox"));

        assertThat(layout.destination(true, DAY, null)).isEqualTo(site.resolve("rejected/2024-01-09"));
    }

    @Test
    void fileIn_whenTheNameTriesToClimb_thenItIsASafeNameInsideTheFolder() {
        Path folder = site.resolve("archive/2024-01-09/064");

        assertThat(InboxLayout.fileIn(folder, "../../../x.csv")).isEqualTo(folder.resolve("___.._.._x.csv"));
        assertThat(InboxLayout.fileIn(folder, "..")).isEqualTo(folder.resolve("__"));
    }

    @Test
    void file_whenTheRecordedPathLeavesTheInbox_thenItIsRefused() {
        InboxLayout layout = new InboxLayout(site.resolve("inbox"));

        assertThatThrownBy(() -> layout.file("../archive/x.csv")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> layout.file("064/../../x.csv")).isInstanceOf(IllegalArgumentException.class);
        assertThat(layout.file("064/x.csv")).isEqualTo(site.resolve("inbox/064/x.csv"));
        // A backslash is part of a name on this system, not a way up.
        assertThat(layout.file("..\\../x.csv")).isEqualTo(site.resolve("inbox").resolve("..\\..").resolve("x.csv"));
    }

    @Test
    void isWaiting_takesRealFilesOnly() throws IOException {
        Path inbox = Files.createDirectories(site.resolve("inbox/064"));
        Path real = Files.writeString(inbox.resolve("cho-don-2023.csv"), "x");
        Path outside = Files.writeString(site.resolve("secret.csv"), "x");
        Path link = Files.createSymbolicLink(inbox.resolve("lien-ket.csv"), outside);

        assertThat(InboxLayout.isWaiting(real)).isTrue();
        assertThat(InboxLayout.isWaiting(link)).isFalse();
        assertThat(InboxLayout.isWaiting(Files.writeString(inbox.resolve("~$cho-don-2023.xlsx"), "x"))).isFalse();
        assertThat(InboxLayout.isWaiting(Files.writeString(inbox.resolve("cho-don-2023.ketqua.xlsx"), "x"))).isFalse();
        assertThat(InboxLayout.isWaiting(inbox)).isFalse();
    }

    @Test
    void portable_keepsABackslashInsideItsName() {
        assertThat(InboxScanTasklet.portable(Path.of("..\\..", "x.csv"))).isEqualTo("..\\../x.csv");
        assertThat(InboxScanTasklet.portable(Path.of("064", "cho-don-2023.xlsx"))).isEqualTo("064/cho-don-2023.xlsx");
    }
}
