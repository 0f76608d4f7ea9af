package vn.tonghop.normalise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RememberedTest {

    @Test
    void get_whenAskedAgain_thenAnsweredFromMemoryUntilTheBoundThenEachTime() {
        AtomicInteger asked = new AtomicInteger();
        Remembered<String, String> upper = new Remembered<>(2, text -> {
            asked.incrementAndGet();
            return text.toUpperCase(java.util.Locale.ROOT);
        });

        assertThat(upper.get("xã")).isEqualTo("XÃ");
        assertThat(upper.get("xã")).isEqualTo("XÃ");
        assertThat(upper.get("thôn")).isEqualTo("THÔN");
        assertThat(asked).as("two questions, each answered once").hasValue(2);

        assertThat(upper.get("bản")).isEqualTo("BẢN");
        assertThat(upper.get("bản")).isEqualTo("BẢN");
        assertThat(asked).as("past the bound: answered each time").hasValue(4);
        assertThat(upper.get("thôn")).isEqualTo("THÔN");
        assertThat(asked).hasValue(4);
    }
}
