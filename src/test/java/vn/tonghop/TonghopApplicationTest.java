package vn.tonghop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TonghopApplicationTest {

    @Test
    void isServe_onlyForTheServeCommand_soOtherCommandsStartNoWebServer() {
        assertThat(TonghopApplication.isServe("serve", "--inbox", "inbox")).isTrue();
        assertThat(TonghopApplication.isServe("--tonghop.language=en", "serve")).isTrue();
        assertThat(TonghopApplication.isServe("run", "--inbox", "serve")).isFalse();
        assertThat(TonghopApplication.isServe("status")).isFalse();
        assertThat(TonghopApplication.isServe()).isFalse();
    }
}
