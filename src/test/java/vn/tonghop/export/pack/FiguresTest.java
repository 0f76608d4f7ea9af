package vn.tonghop.export.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small arithmetic of the pack: changes, ranks, Vietnamese notation in the HTML summary. */
class FiguresTest {

    private static UnitFigures unit(String code, String value) {
        return new UnitFigures("district", code, code, null, 1, 1, value == null ? Map.of() : Map.of("x", new BigDecimal(value)), true,
                List.of(), List.of());
    }

    @Test
    void change_ofACount_isTheDifferenceAndTheRelativeChange_ofARate_isInPoints() {
        assertThat(Change.between(new BigDecimal("804"), new BigDecimal("799"), false).difference()).isEqualByComparingTo("5");
        assertThat(Change.between(new BigDecimal("90"), new BigDecimal("60"), false).relative()).isEqualByComparingTo("0.5");
        assertThat(Change.between(new BigDecimal("3"), BigDecimal.ZERO, false).relative()).as("no relative change from zero").isNull();
        Change rate = Change.between(new BigDecimal("0.9420"), new BigDecimal("0.9280"), true);
        assertThat(rate.difference()).isEqualByComparingTo("1.40");
        assertThat(rate.relative()).isNull();
        assertThat(Change.between(null, BigDecimal.ONE, false).difference()).isNull();
    }

    @Test
    void ranking_isCompetitionRankingHighestFirst_andSkipsUnitsWithoutAFigure() {
        Map<String, Integer> ranks = Ranking.of(List.of(unit("a", "5"), unit("b", "9"), unit("c", "5"), unit("d", "1"), unit("e", null)), "x");
        assertThat(ranks).containsExactlyInAnyOrderEntriesOf(Map.of("b", 1, "a", 2, "c", 2, "d", 4));
    }

    @Test
    void figure_inTheHtml_usesDotsForThousandsAndACommaForDecimals() {
        assertThat(HtmlSummary.figure(new BigDecimal("158000"), false)).isEqualTo("158.000");
        assertThat(HtmlSummary.figure(new BigDecimal("100000000"), false)).isEqualTo("100.000.000");
        assertThat(HtmlSummary.figure(new BigDecimal("0.9565"), true)).isEqualTo("95,7%");
        assertThat(HtmlSummary.figure(null, false)).isEqualTo("–");
        assertThat(HtmlSummary.esc("<b>\"Tân\" & 'Tú'</b>")).isEqualTo("&lt;b&gt;&quot;Tân&quot; &amp; &#39;Tú&#39;&lt;/b&gt;");
    }

    @Test
    void niceStep_givesRoundGridlines() {
        assertThat(HtmlSummary.niceStep(804, false)).isEqualTo(200.0);
        assertThat(HtmlSummary.niceStep(7, false)).isEqualTo(2.0);
        assertThat(HtmlSummary.niceStep(0.95, true)).isEqualTo(0.2);
    }
}
