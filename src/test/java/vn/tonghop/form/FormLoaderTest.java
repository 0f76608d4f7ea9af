package vn.tonghop.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The declarative form: the catalogue of SPEC §3 as jobs/antq-01.yaml declares it, and a clear refusal of a broken one. */
class FormLoaderTest {

    @TempDir
    Path dir;

    @Test
    void load_whenTheShippedForm_thenItHasTheCatalogueOfThirtyFiveIndicatorsAndFourRates() throws IOException {
        ReportForm form = new FormLoader().load(Path.of("jobs/antq-01.yaml"));

        assertThat(form.code()).isEqualTo("ANTQ-01");
        assertThat(form.indicators()).hasSize(35);
        assertThat(form.indicator("propaganda_sessions").orElseThrow().kind()).isEqualTo(IndicatorKind.FLOW);
        assertThat(form.rates()).hasSize(4);
    }

    @Test
    void load_whenAnIndicatorCodeIsNotAnIdentifier_thenTheFormIsRefusedNamingIt() throws IOException {
        String yaml = Files.readString(Path.of("jobs/antq-01.yaml"), StandardCharsets.UTF_8)
                .replaceFirst("code: propaganda_sessions", "code: \"số buổi, tuyên truyền\"");
        Path broken = dir.resolve("antq-01.yaml");
        Files.writeString(broken, yaml, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new FormLoader().load(broken)).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("'số buổi, tuyên truyền'").hasMessageContaining("lower-case letters");
    }
}
