package org.survivorvoice.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.survivorvoice.survey.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AgreementTest {

    @Test
    void kappaOfATwoByTwoTableMatchesTheTextbook() {
        // 20 yes/yes, 5 machine-only, 10 officer-only, 15 no/no: po = 0.7, pe = 0.5*0.6 + 0.5*0.4 = 0.5, kappa = 0.4
        assertThat(Agreement.kappa(new int[][] {{20, 5}, {10, 15}})).isCloseTo(0.4, within(1e-9));
        assertThat(Agreement.kappa(new int[][] {{10, 0}, {0, 10}})).isEqualTo(1.0);
        assertThat(Agreement.kappa(new int[][] {{0, 0}, {0, 12}})).as("all agree on 'no'").isEqualTo(1.0);
        assertThat(Agreement.kappa(new int[][] {{0, 0}, {0, 0}})).isEqualTo(0.0);
        assertThat(Agreement.kappa(new int[][] {{5, 5}, {5, 5}})).as("chance").isCloseTo(0.0, within(1e-9));
    }

    @Test
    void perThemePrecisionRecallAndTheToneAreComputedOverReviewedComments() {
        List<Comment> reviewed = new ArrayList<>();
        reviewed.add(comment("positive", List.of("heard-believed"), "positive", List.of("heard-believed", "timeliness")));
        reviewed.add(comment("negative", List.of("timeliness"), "very_negative", List.of("timeliness")));
        reviewed.add(comment("neutral", List.of(), "positive", List.of("heard-believed")));
        reviewed.add(comment("negative", List.of("heard-believed"), "negative", List.of()));

        Agreement.Result result = Agreement.of(reviewed, List.of("heard-believed", "timeliness"));

        assertThat(result.reviewed()).isEqualTo(4);
        assertThat(result.sentiment().exact()).isEqualTo(0.5);
        assertThat(result.sentiment().polarity()).isEqualTo(0.75);
        Agreement.ThemeAgreement believed = result.themes().get(0);
        // heard-believed: officer on comments 1 and 3, machine on 1 and 4
        assertThat(believed.officer()).isEqualTo(2);
        assertThat(believed.machine()).isEqualTo(2);
        assertThat(believed.both()).isEqualTo(1);
        assertThat(believed.precision()).isEqualTo(0.5);
        assertThat(believed.recall()).isEqualTo(0.5);
        // timeliness: officer on comments 1 and 2, machine on 2 only: po = 0.75, pe = 0.25*0.5 + 0.75*0.5 = 0.5
        Agreement.ThemeAgreement timeliness = result.themes().get(1);
        assertThat(timeliness.precision()).isEqualTo(1.0);
        assertThat(timeliness.recall()).isEqualTo(0.5);
        assertThat(timeliness.kappa()).isCloseTo(0.5, within(1e-9));
    }

    private static Comment comment(String machineSentiment, List<String> machineThemes, String humanSentiment, List<String> humanThemes) {
        return new Comment("r/q", "r", "feedback", Channel.ANONYMOUS_FORM, "q", null, "2015/16-Q2", "comment", "text", null, null,
                CommentStatus.DONE, 1, null, null, null, null, 1,
                new Comment.MachineLabels(machineSentiment, 0.9, List.of(),
                        machineThemes.stream().map(t -> new Comment.ThemeEvidence(t, 0.9, List.of())).toList(), "m"),
                new Comment.HumanLabels(humanSentiment, humanThemes, "officer", Instant.EPOCH, true), null, null, false);
    }
}
