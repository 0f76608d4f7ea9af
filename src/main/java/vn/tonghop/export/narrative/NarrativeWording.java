package vn.tonghop.export.narrative;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wording of the narrative report, read once from {@code jobs/<form>-narrative.yaml}: every sentence,
 * heading and table title is a {@link SentenceTemplate} staff can rephrase without a code change.
 */
record NarrativeWording(String formCode, DocumentWording document, List<SentenceTemplate> introduction,
                        SentenceTemplate comparisonScope, ChangeWording change, Map<String, IndicatorWording> indicators,
                        String resultsHeading, List<GroupWording> groups, StandoutWording standouts, GapWording gaps,
                        TableWording tables) {

    NarrativeWording {
        introduction = List.copyOf(introduction);
        indicators = Map.copyOf(indicators);
        groups = List.copyOf(groups);
    }

    Optional<IndicatorWording> indicator(String code) {
        return Optional.ofNullable(indicators.get(code));
    }

    /** The heading block: issuing office, national motto, title and period. */
    record DocumentWording(SentenceTemplate issuer, SentenceTemplate nation, SentenceTemplate motto, SentenceTemplate draftMark,
                           SentenceTemplate title, SentenceTemplate subtitle, SentenceTemplate period) {
    }

    /** The phrases of {@code {indicator.change}}. */
    record ChangeWording(SentenceTemplate up, SentenceTemplate down, SentenceTemplate same, SentenceTemplate upFromZero,
                         SentenceTemplate rateUp, SentenceTemplate rateDown) {
    }

    /** Which way an indicator is good, for the list of gaps. */
    enum Better {
        HIGHER, LOWER, NONE
    }

    /**
     * @param label   the indicator as a noun phrase inside a sentence
     * @param measure the word that counts it ("buổi"), or null
     * @param column  the short table header
     */
    record IndicatorWording(String label, String measure, String column, Better better) {
    }

    /** One section of the results: an indicator group of the form. */
    record GroupWording(String group, String heading, SentenceTemplate empty, List<SentenceWording> sentences) {

        GroupWording {
            sentences = List.copyOf(sentences);
        }
    }

    /** A sentence: an optional lead, then its parts joined, then a full stop. */
    record SentenceWording(SentenceTemplate lead, String join, String lastJoin, List<PartWording> parts) {

        SentenceWording {
            parts = List.copyOf(parts);
        }
    }

    /**
     * @param indicator the indicator whose zero selects {@code zero} (and leaves the part out without it), or null
     * @param zero      what to say when the indicator is 0, or null
     */
    record PartWording(String indicator, SentenceTemplate text, SentenceTemplate zero) {
    }

    record StandoutWording(String heading, int communes, List<String> indicators, SentenceTemplate sentence, SentenceTemplate unit) {

        StandoutWording {
            indicators = List.copyOf(indicators);
        }
    }

    record GapWording(String heading, SentenceTemplate notReported, SentenceTemplate notReportedDistrict, SentenceTemplate allReported,
                      SentenceTemplate belowLastYear, SentenceTemplate belowItem, SentenceTemplate belowItemRate,
                      SentenceTemplate worseThanLastYear, SentenceTemplate worseItem, SentenceTemplate noDataThisYear) {
    }

    /** @param summaryTitleAlone the title of Bảng 1 when the province has no figures of the previous year */
    record TableWording(String heading, SentenceTemplate summaryTitle, SentenceTemplate summaryTitleAlone, List<SentenceTemplate> summaryColumns,
                        SentenceTemplate districtTitle, SentenceTemplate communeTitle, String unitColumn, String reportedColumn,
                        String reportedMark, String notReportedMark, String pointsUnit, List<String> keyIndicators) {

        TableWording {
            summaryColumns = List.copyOf(summaryColumns);
            keyIndicators = List.copyOf(keyIndicators);
        }
    }
}
