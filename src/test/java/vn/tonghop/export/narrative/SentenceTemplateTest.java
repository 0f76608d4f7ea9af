package vn.tonghop.export.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.tonghop.export.narrative.SentenceTemplate.Slot;

class SentenceTemplateTest {

    private static final SentenceTemplate SESSIONS =
            SentenceTemplate.parse("tổ chức {sessions} buổi[ ({sessions.change})][, thu hút {attendees} lượt người tham gia]");

    @Test
    void render_whenEveryPlaceholderHasAValue_thenTheWholeSentenceIsWritten() {
        Map<String, Slot> slots = Map.of("sessions", Slot.of("92"), "sessions.change", Slot.of("tăng 12% so với năm 2022"),
                "attendees", Slot.of("2.500"));

        assertThat(SESSIONS.render(slots::get)).hasValue("tổ chức 92 buổi (tăng 12% so với năm 2022), thu hút 2.500 lượt người tham gia");
    }

    @Test
    void render_whenAnOptionalClauseHasNoValueOrAZero_thenOnlyThatClauseIsLeftOut() {
        Map<String, Slot> slots = Map.of("sessions", Slot.of("92"), "attendees", new Slot("0", true));

        assertThat(SESSIONS.render(slots::get)).hasValue("tổ chức 92 buổi");
    }

    @Test
    void render_whenAPlaceholderOutsideBracketsHasNoValue_thenNothingIsWritten() {
        assertThat(SESSIONS.render(Map.of("attendees", Slot.of("2.500"))::get)).isEmpty();
    }

    @Test
    void names_listsThePlaceholdersInsideAndOutsideBrackets() {
        assertThat(SESSIONS.names()).containsExactly("sessions", "sessions.change", "attendees");
    }

    @Test
    void parse_whenBracesOrBracketsDoNotPair_thenItSaysWhere() {
        assertThatThrownBy(() -> SentenceTemplate.parse("tổ chức {sessions buổi")).hasMessageContaining("'{' without '}'");
        assertThatThrownBy(() -> SentenceTemplate.parse("tổ chức [{sessions} buổi")).hasMessageContaining("'[' without ']'");
        assertThatThrownBy(() -> SentenceTemplate.parse("a [b [c]]")).hasMessageContaining("inside");
        assertThatThrownBy(() -> SentenceTemplate.parse("{số buổi}")).hasMessageContaining("bad placeholder");
    }
}
