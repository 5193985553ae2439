package org.survivorvoice.quote;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentStatus;
import org.survivorvoice.survey.Channel;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteRulesTest {

    static final String RAW = "Sarah at Brixton police station believed me, and Dave never came near me again.";

    static Comment comment(String kind, String text, String sentiment) {
        return new Comment("r1/police-comment", "r1", "feedback", Channel.ANONYMOUS_FORM, "police-comment", "police", "2015/16-Q2", kind,
                text, null, null, CommentStatus.DONE, 1, null, null, null, null, 1, null, null,
                sentiment == null ? null : new Comment.Labels(sentiment, List.of("heard-believed"), "machine"), null, false);
    }

    @Test
    void anAnonymisedQuoteWithAToneIsAccepted() {
        assertThat(QuoteRules.check(comment("comment", RAW, "positive"),
                "[The officer] believed me, and [my ex-partner] never came near me again.", "positive", false)).isEmpty();
    }

    @Test
    void theQuoteIsRequired() {
        assertThat(QuoteRules.check(comment("comment", RAW, "positive"), QuoteRules.tidy("  \r\n "), "positive", false))
                .containsExactly(new QuoteError("text", "Enter the quote as it will be published"));
    }

    @Test
    void theQuoteIsAtMostAThousandCharacters() {
        assertThat(QuoteRules.check(comment("comment", RAW, null), "a".repeat(1000), "neutral", false)).isEmpty();
        assertThat(QuoteRules.check(comment("comment", RAW, null), "a".repeat(1001), "neutral", false))
                .containsExactly(new QuoteError("text", "The quote must be 1,000 characters or fewer (this is 1,001)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Sarah at Brixton police station believed me, and Dave never came near me again.",
            "sarah at brixton police station believed me and dave never came near me again",
            "  Sarah at Brixton police station believed me,\n\nand Dave never came near me again!  ",
            "[Sarah] at [Brixton] police station believed me, and [Dave] never came near me again."})
    void theCommentWordForWordIsRefusedUnlessTheOfficerConfirmsNothingIdentifiesAnyone(String text) {
        Comment comment = comment("comment", RAW, "positive");
        assertThat(QuoteRules.check(comment, QuoteRules.tidy(text), "positive", false))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("text");
                    assertThat(error.message()).startsWith("The quote has the same words as the comment")
                            .contains("Nothing in this comment could identify anyone");
                });
        assertThat(QuoteRules.check(comment, QuoteRules.tidy(text), "positive", true)).isEmpty();
    }

    @Test
    void anUnknownToneIsRefusedAndNoToneTakesTheComments() {
        Comment comment = comment("comment", RAW, "positive");
        assertThat(QuoteRules.check(comment, "[She] believed me.", "glowing", false))
                .containsExactly(new QuoteError("tone", "Choose whether the quote is positive, negative or neutral"));
        assertThat(QuoteRules.check(comment, "[She] believed me.", null, false)).isEmpty();
        assertThat(QuoteRules.check(comment, "[She] believed me.", "", false)).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThat(QuoteRules.check(comment("comment", RAW, null), "", "glowing", false)).extracting(QuoteError::field)
                .containsExactly("text", "tone");
    }

    @Test
    void aFocusGroupFindingIsTheOfficersWordsAndCannotBeAQuote() {
        Comment finding = comment("finding", "Most felt the first officer set the tone.", null);
        assertThat(QuoteRules.quotable(finding)).isFalse();
        assertThat(QuoteRules.check(finding, "[Most] felt the first officer set the tone.", "neutral", false))
                .extracting(QuoteError::message).singleElement().asString().contains("cannot be published as a quote");
        assertThat(QuoteRules.quotable(comment("quote", RAW, null))).isTrue();
    }

    @Test
    void tidyingMakesLineEndingsPlainAndDropsControlCharacters() {
        assertThat(QuoteRules.tidy("  one\r\ntwo\rthree\u0007\tfour  ")).isEqualTo("one\ntwo\nthree\tfour");
        assertThat(QuoteRules.tidy(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "very_positive, POSITIVE",
            "positive, POSITIVE",
            "neutral, NEUTRAL",
            "negative, NEGATIVE",
            "very_negative, NEGATIVE"})
    void theToneDefaultsFromTheCommentsTone(String sentiment, Tone tone) {
        assertThat(Tone.of(new Comment.Labels(sentiment, List.of(), "officer"))).isEqualTo(tone);
    }

    @Test
    void aCommentWithoutATonesGivesANeutralQuote() {
        assertThat(Tone.of(null)).isEqualTo(Tone.NEUTRAL);
        assertThat(Tone.of(new Comment.Labels(null, List.of(), "machine"))).isEqualTo(Tone.NEUTRAL);
    }

    @Test
    void tonesAreWrittenInLowerCaseAndLabelledForPeople() {
        assertThat(Tone.NEGATIVE.value()).isEqualTo("negative");
        assertThat(Tone.NEGATIVE.label()).isEqualTo("Negative");
        assertThat(Tone.fromValue("positive")).contains(Tone.POSITIVE);
        assertThat(Tone.fromValue("POSITIVE")).isEmpty();
    }
}
