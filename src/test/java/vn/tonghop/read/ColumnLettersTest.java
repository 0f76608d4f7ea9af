package vn.tonghop.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColumnLettersTest {

    @Test
    void of_beforeAndPastTheLettersMadeOnce() {
        assertThat(ColumnLetters.of(0)).isEqualTo("A");
        assertThat(ColumnLetters.of(25)).isEqualTo("Z");
        assertThat(ColumnLetters.of(26)).isEqualTo("AA");
        assertThat(ColumnLetters.of(255)).isEqualTo("IV");
        assertThat(ColumnLetters.of(256)).isEqualTo("IW");
        assertThat(ColumnLetters.of(701)).isEqualTo("ZZ");
        assertThat(ColumnLetters.of(702)).isEqualTo("AAA");
        assertThat(ColumnLetters.of(16_383)).isEqualTo("XFD");
    }
}
