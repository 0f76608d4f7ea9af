package vn.tonghop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The real registry on both sides of the 2025 reform ({@code ../shared/data/admin-units}: the lists before and after
 * it and both mappings), for the tests that compare years across it; skipped with a clear message where it is absent.
 */
public final class ReformRegistry {

    public static final Path ADMIN_UNITS = Path.of("../shared/data/admin-units");

    private ReformRegistry() {
    }

    /** Imports the four files with {@code units import}, or skips the calling test when the registry is absent. */
    public static void importInto(Cli cli) {
        Assumptions.assumeTrue(Files.isDirectory(ADMIN_UNITS), "../shared/data/admin-units absent: real-registry test skipped");
        for (String file : List.of("units-2024.csv", "units-2025.csv", "mapping-2025.csv", "mapping-provinces-2025.csv")) {
            Cli.Result imported = cli.run("units", "import", ADMIN_UNITS.resolve(file).toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
        }
    }

    /** Writes a clerk's file into {@code inbox/<office>/}. */
    public static void drop(Path inbox, String office, String name, String content) throws IOException {
        Path folder = inbox.resolve(office);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }
}
