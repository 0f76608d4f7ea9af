package vn.tonghop.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A database holding tonghop's schema and the sample registry ({@code sample-input/registry/units.csv}),
 * imported once per test JVM by the jar itself; tests copy it ({@code CREATE DATABASE ... TEMPLATE}).
 */
public final class RegistryTemplate {

    private static String name;

    private RegistryTemplate() {
    }

    public static synchronized String name() {
        if (name == null) {
            try {
                Path work = Files.createDirectories(Path.of("target/it-work/registry"));
                String url = SharedPostgres.newDatabase("registry", null);
                TonghopProcess imported = TonghopProcess.run(work, url, Map.of(), Duration.ofMinutes(3), "units", "import",
                        Path.of("sample-input/registry/units.csv").toAbsolutePath().toString());
                assertThat(imported.exitCode()).as(imported.output()).isZero();
                name = SharedPostgres.databaseName(url);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return name;
    }

    /** A fresh database with the schema and the sample registry; returns its URL. */
    public static String newDatabase(String prefix) {
        return SharedPostgres.newDatabase(prefix, name());
    }
}
