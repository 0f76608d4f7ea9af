package vn.tonghop.export.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.tonghop.form.FormLoader;
import vn.tonghop.form.Indicator;
import vn.tonghop.form.InvalidFormException;
import vn.tonghop.form.ReportForm;

/** The wording file of {@code jobs/} is checked against the form: a typo stops the export and says where. */
class NarrativeWordingLoaderTest {

    static ReportForm form;
    static String text;

    @BeforeAll
    static void load() throws IOException {
        form = new FormLoader().load(Path.of("jobs/antq-01.yaml"));
        text = Files.readString(Path.of("jobs/antq-01-narrative.yaml"), StandardCharsets.UTF_8);
    }

    private static NarrativeWording load(String yaml) {
        return new NarrativeWordingLoader(form, "antq-01-narrative.yaml").load(yaml);
    }

    @Test
    void load_theWordingOfJobs_hasASectionForEveryGroupOfTheForm() {
        NarrativeWording wording = load(text);

        assertThat(wording.groups()).extracting(NarrativeWording.GroupWording::group)
                .containsExactly("propaganda", "models", "security", "forums", "standards", "force");
        assertThat(wording.groups()).extracting(NarrativeWording.GroupWording::group)
                .containsExactlyInAnyOrderElementsOf(form.indicators().stream().map(Indicator::group).distinct().toList());
        assertThat(wording.indicators()).containsKeys("propaganda_sessions", "donations_vnd", "rate_villages_safe");
        assertThat(wording.indicator("traffic_accidents").orElseThrow().better()).isEqualTo(NarrativeWording.Better.LOWER);
    }

    @Test
    void wording_whenTheJobsFolderIsAbsent_thenTheCopyInsideTheJarIsUsed() throws IOException {
        NarrativeWording wording = new NarrativeReports(null, form, "/nonexistent-jobs-dir").wording();

        assertThat(wording.formCode()).isEqualTo("ANTQ-01");
        assertThat(wording.groups()).hasSize(6);
    }

    @Test
    void load_whenAPlaceholderIsMistyped_thenTheErrorNamesTheSentence() {
        String broken = text.replace("tổ chức {propaganda_sessions} buổi", "tổ chức {propaganda_sesions} buổi");

        assertThatThrownBy(() -> load(broken)).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("antq-01-narrative.yaml: groups[propaganda] sentence 1 part 1.text: unknown placeholder {propaganda_sesions}");
    }

    @Test
    void load_whenAGroupOrIndicatorIsNotInTheForm_thenItIsRefused() {
        assertThatThrownBy(() -> load(text.replace("- group: forums", "- group: forum")))
                .hasMessageContaining("groups: 'forum' is not a group of form ANTQ-01");
        assertThatThrownBy(() -> load(text.replace("- indicator: thefts", "- indicator: theft")))
                .hasMessageContaining("'theft' is not an indicator or rate of form ANTQ-01");
    }

    @Test
    void load_whenABracketIsNotClosed_thenItSaysWhere() {
        String broken = text.replace("[ ({self_mgmt_models.change})]", "[ ({self_mgmt_models.change})");

        assertThatThrownBy(() -> load(broken)).hasMessageContaining("groups[models] sentence 1 part 1.text: '[' without ']'");
    }
}
