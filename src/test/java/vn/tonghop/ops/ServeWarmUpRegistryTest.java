package vn.tonghop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
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
    void warmUpPacks_beforeAndAfterARun_thenNothingThenTheExportsWrittenAsideAndNothingRecordedOrLeft() throws Exception {
        Database.clear(jdbc);
        assertThat(warmUp.warmUpPacks()).isZero(); // nothing aggregated yet
        Cli cli = new Cli(context);
        assertThat(cli.run("units", "import", "sample-input/registry/units.csv").exitCode()).isZero();
        java.nio.file.Path work = java.nio.file.Files.createTempDirectory("warm-up-packs-");
        org.springframework.util.FileSystemUtils.copyRecursively(java.nio.file.Path.of("sample-input/inbox"), work.resolve("inbox"));
        assertThat(cli.run("run", "--inbox", work.resolve("inbox").toString(), "--out", work.resolve("out").toString()).exitCode())
                .isIn(0, 4);
        int recorded = jdbc.queryForObject("SELECT count(*) FROM pack_written", Integer.class);
        String tmp = System.getProperty("java.io.tmpdir");
        long leftBefore = leftovers(tmp);

        assertThat(warmUp.warmUpPacks()).isEqualTo(3); // aggregates.csv, a workbook and its summary

        assertThat(jdbc.queryForObject("SELECT count(*) FROM pack_written", Integer.class)).isEqualTo(recorded);
        assertThat(leftovers(tmp)).isEqualTo(leftBefore);
        org.springframework.util.FileSystemUtils.deleteRecursively(work);
    }

    private static long leftovers(String tmp) throws java.io.IOException {
        try (var found = java.nio.file.Files.list(java.nio.file.Path.of(tmp))) {
            return found.filter(p -> p.getFileName().toString().startsWith("tonghop-warm-up-packs-")).count();
        }
    }
}
