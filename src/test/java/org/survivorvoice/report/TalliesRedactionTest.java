package org.survivorvoice.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.response.Response;
import org.survivorvoice.survey.Channel;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

/** What a response adds to the aggregates does not depend on its text, so the retention job can remove it. */
class TalliesRedactionTest {

    static Instrument interview;

    @BeforeAll
    static void instruments() throws Exception {
        Codebook codebook = Codebook.parse("codebook.yaml", Files.readString(Path.of("nlp-models/codebook.yaml")));
        interview = InstrumentCatalogue.load("classpath:surveys/", codebook).find("interview").orElseThrow();
    }

    private static Response interview(Map<String, Object> answers, Response.Redaction redaction) {
        return new Response("r1", "interview", 1, Channel.INTERVIEW, "2015-08-14", "2015/16-Q2", "en", "SV-AAAA-BBBB", "officer",
                null, answers, true, true, redaction);
    }

    @Test
    void aRedactedResponseCountsExactlyAsItDidWithItsText() {
        Map<String, Object> answers = new HashMap<>(Map.of("interview-date", "2015-08-14", "police-rating", "negative",
                "police-comment", "Nobody called back.", "housing-rating", "positive", "barriers-any", "yes",
                "barriers", List.of("money"), "barriers-comment", "I did not know where to go."));
        Map<CountKey, Long> before = Tallies.of(interview(answers, null), interview);

        Map<String, Object> redacted = new HashMap<>(answers);
        redacted.remove("police-comment");
        redacted.remove("barriers-comment");
        Map<CountKey, Long> after = Tallies.of(interview(redacted, new Response.Redaction("2018-01-01",
                List.of("police-comment", "barriers-comment"))), interview);

        assertThat(after).isEqualTo(before);
        assertThat(before).containsEntry(new CountKey(CountKey.Kind.COMMENTS, "2015/16-Q2", "interview", "police", "", null), 1L);
    }

    @Test
    void aTextThatWasNeverGivenIsNotCountedAfterRedactionEither() {
        Map<String, Object> answers = Map.of("interview-date", "2015-08-14", "police-rating", "negative");
        Map<CountKey, Long> redacted = Tallies.of(interview(answers, new Response.Redaction("2018-01-01", List.of())), interview);

        assertThat(redacted).doesNotContainKey(new CountKey(CountKey.Kind.COMMENTS, "2015/16-Q2", "interview", "police", "", null));
        assertThat(redacted).isEqualTo(Tallies.of(interview(answers, null), interview));
    }

    @Test
    void takingAResponseOutSubtractsExactlyWhatItAdded() {
        Map<CountKey, Long> added = Tallies.of(interview(Map.of("interview-date", "2015-08-14", "police-rating", "negative",
                "police-comment", "Nobody called back."), null), interview);
        Map<CountKey, Long> sum = new HashMap<>(added);
        Tallies.addAll(sum, Tallies.negated(added));

        assertThat(sum.values()).isNotEmpty().allMatch(n -> n == 0);
    }
}
