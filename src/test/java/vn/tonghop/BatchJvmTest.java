package vn.tonghop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch command started with {@code java -jar} runs in a second JVM with the quick compiler alone and the serial
 * collector, its own options and arguments passed on unchanged after them; options given on the command line win.
 */
class BatchJvmTest {

    @Test
    void command_forAJar_thenTheOptionsGoInFrontOfItsOwn() {
        BatchJvm.Launch launch = BatchJvm.launch("/usr/bin/java", List.of("-Xmx512m", "-jar", "tonghop.jar", "run", "--inbox", "hộp thư"),
                "tonghop.jar", false).orElseThrow();
        assertThat(launch.commandLine(Path.of("tonghop.jar"), List.of()))
                .containsExactly("/usr/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dtonghop.batch-jvm.child=true",
                        "-Xmx512m", "-jar", "tonghop.jar", "run", "--inbox", "hộp thư");
        assertThat(launch.commandLine(Path.of("/cache/tonghop.jar"), List.of("-XX:SharedArchiveFile=/cache/tonghop.jsa")))
                .containsExactly("/usr/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dtonghop.batch-jvm.child=true",
                        "-Xmx512m", "-XX:SharedArchiveFile=/cache/tonghop.jsa", "-jar", "/cache/tonghop.jar", "run", "--inbox", "hộp thư");
    }

    @Test
    void command_whenACompilerLevelOrACollectorIsGiven_thenThatOneIsLeftAsGiven() {
        assertThat(BatchJvm.launch("java", List.of("-XX:TieredStopAtLevel=4", "-XX:+UseG1GC", "-jar", "t.jar", "status"), "t.jar", false)
                .orElseThrow().commandLine(Path.of("t.jar"), List.of()))
                .containsExactly("java", "-Dtonghop.batch-jvm.child=true", "-XX:TieredStopAtLevel=4", "-XX:+UseG1GC", "-jar", "t.jar",
                        "status");
        assertThat(BatchJvm.launch("java", List.of("-Dtonghop.optimising-compiler=true", "-jar", "t.jar", "run"), "t.jar", true)
                .orElseThrow().commandLine(Path.of("t.jar"), List.of()))
                .containsExactly("java", "-XX:+UseSerialGC", "-Dtonghop.batch-jvm.child=true", "-Dtonghop.optimising-compiler=true",
                        "-jar", "t.jar", "run");
    }

    @Test
    void command_whenNotStartedFromAJar_thenTheCommandRunsWhereItIs() {
        assertThat(BatchJvm.launch("java", List.of("-cp", "classes", "vn.tonghop.TonghopApplication", "run"), "classes", false)).isEmpty();
        assertThat(BatchJvm.launch("java", List.of("-jar"), "", false)).isEmpty();
        // an argument of the command that reads "-jar" does not make a jar launch of a class path started otherwise
        assertThat(BatchJvm.launch("java", List.of("-cp", "x", "Main", "-jar", "y"), "x", false)).isEmpty();
    }

    @Test
    void command_forServeTheSecondJvmAndWhenSwitchedOff_thenNone() {
        assertThat(BatchJvm.launch(true)).isEmpty();
        System.setProperty(BatchJvm.ENABLED, "false");
        try {
            assertThat(BatchJvm.launch(false)).isEmpty();
        } finally {
            System.clearProperty(BatchJvm.ENABLED);
        }
        System.setProperty(BatchJvm.CHILD, "true");
        try {
            assertThat(BatchJvm.launch(false)).isEmpty();
        } finally {
            System.clearProperty(BatchJvm.CHILD);
        }
    }
}
