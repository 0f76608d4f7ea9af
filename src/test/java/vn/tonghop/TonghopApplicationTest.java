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

    @Test
    void writesWorkbooks_forTheCommandsThatWritePacksOrResults_soOnlyTheyWarmUpPoi() {
        assertThat(TonghopApplication.writesWorkbooks("run", "--inbox", "inbox")).isTrue();
        assertThat(TonghopApplication.writesWorkbooks("--tonghop.language=en", "export", "--year", "2023")).isTrue();
        assertThat(TonghopApplication.writesWorkbooks("ingest")).isTrue();
        assertThat(TonghopApplication.writesWorkbooks("status")).isFalse();
        assertThat(TonghopApplication.writesWorkbooks("history", "--commune", "01975", "--year", "2023")).isFalse();
        assertThat(TonghopApplication.writesWorkbooks()).isFalse();
    }
}
