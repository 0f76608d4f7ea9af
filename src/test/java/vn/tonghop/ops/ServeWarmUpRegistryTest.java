package vn.tonghop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;
import vn.tonghop.registry.RegistryCache;
import vn.tonghop.registry.UnitMatch;
import vn.tonghop.support.Cli;
import vn.tonghop.support.Database;
import vn.tonghop.support.TonghopSpringTest;

/** serve's warm-up loads the unit registry its first run would otherwise load, into the cache the runs share. */
@TonghopSpringTest
class ServeWarmUpRegistryTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ServeWarmUp warmUp;

    @Autowired
    RegistryCache registry;

    @Test
    void loadRegistry_whenUnitsAreImported_thenTheSharedCacheHoldsThem() {
        Database.clear(jdbc);
        assertThat(warmUp.loadRegistry()).isFalse(); // no units yet: nothing to load

        Cli.Result imported = new Cli(context).run("units", "import", "sample-input/registry/units.csv");
        assertThat(imported.exitCode()).as(imported.out() + imported.err()).isZero();

        assertThat(warmUp.loadRegistry()).isTrue();
        assertThat(registry.current().communeByCode("02002", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)))
                .isInstanceOf(UnitMatch.Found.class);
    }

    @Test
    void warmUpPacks_beforeAndAfterARun_thenNothingThenTheExportsWrittenAsideAndNothingRecordedOrLeft(@TempDir Path work)
            throws Exception {
        Database.clear(jdbc);
        assertThat(warmUp.warmUpPacks()).isZero(); // nothing aggregated yet
        Cli cli = new Cli(context);
        assertThat(cli.run("units", "import", "sample-input/registry/units.csv").exitCode()).isZero();
        FileSystemUtils.copyRecursively(Path.of("sample-input/inbox"), work.resolve("inbox"));
        assertThat(cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString()).exitCode())
                .isZero();
        int recorded = jdbc.queryForObject("SELECT count(*) FROM pack_written", Integer.class);
        String tmp = System.getProperty("java.io.tmpdir");
        long leftBefore = leftovers(tmp);

        assertThat(warmUp.warmUpPacks()).isEqualTo(3); // a workbook, its summary and aggregates.csv, deleted after

        assertThat(jdbc.queryForObject("SELECT count(*) FROM pack_written", Integer.class)).as("nothing recorded").isEqualTo(recorded);
        assertThat(leftovers(tmp)).as("nothing left").isEqualTo(leftBefore);

        Path aside = Files.createDirectories(work.resolve("aside"));
        List<Path> written = warmUp.exportsInto(aside);
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("tonghop-06-2023.xlsx", "tonghop-06-2023.html", "aggregates.csv");
        assertThat(Files.readAllLines(aside.resolve("aggregates.csv"))).hasSize(1 + jdbc.queryForObject(
                "SELECT count(*) FROM aggregate_value", Integer.class));
        assertThat(Files.readString(aside.resolve("tonghop-06-2023.html"), StandardCharsets.UTF_8)).contains("Bắc Kạn");
    }

    private static long leftovers(String tmp) throws IOException {
        try (var found = Files.list(Path.of(tmp))) {
            return found.filter(p -> p.getFileName().toString().startsWith("tonghop-warm-up-packs-")).count();
        }
    }
}
