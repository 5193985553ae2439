package org.survivorvoice.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.codebook.Theme;
import org.survivorvoice.survey.Agencies;
import org.survivorvoice.survey.Agency;
import org.survivorvoice.survey.OperationalGroup;
import org.survivorvoice.survey.Option;

class QuarterlyReportBuilderTest {

    private static final Codebook CODEBOOK = new Codebook(1, List.of(
            new Theme("kept-informed", "Kept informed", "updates"),
            new Theme("timeliness", "Timeliness", "waiting")));
    private final QuarterlyReportBuilder builder = new QuarterlyReportBuilder(new QuarterlyReportBuilder.Labels(agencies(), CODEBOOK,
            List.of(new Option("money", "Money"), new Option("language", "Language"))), new Disclosure(5));
    private final List<ReportCount> current = new ArrayList<>();
    private final List<ReportCount> previous = new ArrayList<>();

    private static Agencies agencies() {
        String yaml = """
                agencies:
                  - id: police
                    label: Police
                    description: p
                  - id: housing
                    label: Housing
                    description: h
                groups:
                  - id: housing
                    label: Housing
                    agencies: [housing]
                    themes: []
                    topics: []
                """;
        return Agencies.parse("agencies.yaml", yaml, CODEBOOK);
    }

    private void add(List<ReportCount> into, CountKey.Kind kind, String quarter, String channel, String subject, String key, String sentiment,
                     long n) {
        into.add(ReportCount.of(1, new CountKey(kind, quarter, channel, subject, key, sentiment), n));
    }

    private QuarterlyReport build(String channel, ReportScope scope) {
        return builder.build(new QuarterlyReportBuilder.Period("2015/16-Q2", "2015/16-Q4", "2015/16 Q2 to 2015/16 Q4",
                List.of("2015/16-Q2", "2015/16-Q3", "2015/16-Q4"), "2014/15 Q3 to 2014/15 Q1", channel), scope, current, previous, 0);
    }

    private ReportScope everything() {
        return ReportScope.everything(agencies(), List.of("kept-informed", "timeliness"));
    }

    @Test
    void ratingsAreSummedOverQuartersAndChannelsIntoTheBriefsPercentages() {
        String[] values = {"very_positive", "positive", "neutral", "negative", "very_negative", "no_experience"};
        long[] q2 = {5, 6, 3, 5, 4, 2};
        long[] q3 = {8, 10, 5, 10, 5, 5};
        for (int i = 0; i < 6; i++) {
            add(current, CountKey.Kind.RATING, "2015/16-Q2", "interview", "police", values[i], null, q2[i]);
            add(current, CountKey.Kind.RATING, "2015/16-Q3", "interview", "police", values[i], null, q3[i]);
        }
        add(current, CountKey.Kind.RATING, "2015/16-Q3", "anonymous-form", "police", "very_negative", null, 40);

        QuarterlyReport.RatingRow interviews = build("interview", everything()).ratings().get(0);

        assertThat(interviews.base().count()).isEqualTo(68);
        assertThat(interviews.cells().stream().map(c -> c.cell().percent()).toList()).containsExactly(19, 24, 12, 22, 13, 10);
        assertThat(interviews.covered()).containsExactly("2015/16-Q2", "2015/16-Q3");
        assertThat(interviews.cell("very_positive").percentOfExperienced()).isEqualTo(21); // 13 of 61
        assertThat(build("all", everything()).ratings().get(0).base().count()).isEqualTo(108);
    }

    @Test
    void aReaderOfHousingGetsHousingOnlyAndNoOutcomes() {
        add(current, CountKey.Kind.RATING, "2015/16-Q2", "interview", "police", "negative", null, 30);
        add(current, CountKey.Kind.RATING, "2015/16-Q2", "interview", "housing", "negative", null, 30);
        ReportScope housing = ReportScope.of(List.of(new OperationalGroup("housing", "Housing", List.of("housing"), List.of(), List.of())));

        QuarterlyReport report = build("all", housing);

        assertThat(report.ratings()).extracting(QuarterlyReport.RatingRow::agency).containsExactly("housing");
        assertThat(report.sentiment()).extracting(QuarterlyReport.SentimentRow::agency).containsExactly("housing");
        assertThat(report.marac()).isNull();
        assertThat(report.barriers()).isNull();
        assertThat(report.outcomes()).isEmpty();
    }

    @Test
    void themesShowTheirShareAndTheChangeAgainstThePreviousPeriod() {
        for (String tone : List.of("negative", "positive")) {
            add(current, CountKey.Kind.SENTIMENT, "2015/16-Q2", "interview", "police", tone, null, 20);
            add(previous, CountKey.Kind.SENTIMENT, "2014/15-Q4", "interview", "police", tone, null, 10);
        }
        add(current, CountKey.Kind.THEME, "2015/16-Q2", "interview", "police", "kept-informed", "negative", 10);
        add(previous, CountKey.Kind.THEME, "2014/15-Q4", "interview", "police", "kept-informed", "negative", 5);
        add(current, CountKey.Kind.THEME, "2015/16-Q2", "interview", "police", "timeliness", "negative", 3);

        QuarterlyReport.AgencyThemes police = build("all", everything()).themes().get(0);

        assertThat(police.analysed().count()).isEqualTo(40);
        QuarterlyReport.ThemeLine informed = police.themes().get(0);
        assertThat(informed.theme()).isEqualTo("kept-informed");
        assertThat(informed.cell().percent()).isEqualTo(25);
        assertThat(informed.previousShare()).isEqualTo(25);
        assertThat(informed.changeText()).isEqualTo("0");
        QuarterlyReport.ThemeLine timeliness = police.themes().get(1);
        assertThat(timeliness.cell().suppressed()).isTrue();
        assertThat(timeliness.cell().percent()).isNull();
        assertThat(timeliness.change()).isNull();
    }

    @Test
    void commentsWhoseToneContradictsTheRatingAreCounted() {
        add(current, CountKey.Kind.RATED, "2015/16-Q2", "interview", "police", "very_positive", "very_negative", 6);
        add(current, CountKey.Kind.RATED, "2015/16-Q2", "interview", "police", "negative", "positive", 2);
        add(current, CountKey.Kind.RATED, "2015/16-Q2", "interview", "police", "positive", "positive", 30);

        QuarterlyReport.SentimentRow police = build("all", everything()).sentiment().get(0);

        assertThat(police.contradicting().count()).isEqualTo(8);
    }

    @Test
    void barriersAreSharesOfThoseAsked() {
        add(current, CountKey.Kind.MEASURE, "2015/16-Q2", "interview", "barriers-any", "yes", null, 10);
        add(current, CountKey.Kind.MEASURE, "2015/16-Q2", "interview", "barriers-any", "no", null, 10);
        add(current, CountKey.Kind.MEASURE, "2015/16-Q2", "interview", "barriers", "money", null, 6);
        add(current, CountKey.Kind.MEASURE, "2015/16-Q2", "interview", "barriers", "language", null, 2);

        QuarterlyReport.Barriers barriers = build("all", everything()).barriers();

        assertThat(barriers.any().yes().percent()).isEqualTo(50);
        assertThat(barriers.named().get(0).cell().percent()).isEqualTo(30);
        assertThat(barriers.named().get(1).cell().text()).isEqualTo("fewer than 5");
        assertThat(Set.of(barriers.named().get(1).cell().percentText())).containsExactly("");
    }
}
