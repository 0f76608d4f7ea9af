package vn.tonghop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A batch command runs on C1 alone; serve, and a command told so, keep C2. */
class QuickCompilationTest {

    @Test
    void wanted_forBatchCommandsOnly_unlessTheOptimisingCompilerIsAskedFor() {
        assertThat(QuickCompilation.wanted(false)).isTrue();
        assertThat(QuickCompilation.wanted(true)).isFalse();
        System.setProperty("tonghop.optimising-compiler", "true");
        try {
            assertThat(QuickCompilation.wanted(false)).isFalse();
        } finally {
            System.clearProperty("tonghop.optimising-compiler");
        }
    }

    @Test
    void apply_onHotSpot_thenTheDirectiveIsTaken() {
        assertThat(System.getProperty("java.vm.name")).contains("Server VM"); // HotSpot, as the JDKs of these machines
        assertThat(QuickCompilation.apply()).isTrue();
    }
}
