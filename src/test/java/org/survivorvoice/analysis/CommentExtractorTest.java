package org.survivorvoice.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.response.Response;
import org.survivorvoice.survey.Channel;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;

import static org.assertj.core.api.Assertions.assertThat;

class CommentExtractorTest {

    @Test
    void eachFreeTextAnswerBecomesAPendingCommentWithItsAgencyAndTheClientsRating() throws Exception {
        Codebook codebook = Codebook.parse("codebook.yaml", Files.readString(Path.of("nlp-models/codebook.yaml")));
        Instrument interview = InstrumentCatalogue.load("classpath:surveys/", codebook).find("interview").orElseThrow();
        Response response = new Response("r1", "interview", 1, Channel.INTERVIEW, "2015-08-14", "2015/16-Q2", "en", "SV-AAAA-BBBB",
                "officer", null, Map.of(
                        "police-rating", "negative", "police-comment", "Nobody called back.",
                        "gp-rating", "no_experience", "gp-comment", "Never went.",
                        "barriers-comment", "I did not know where to go.",
                        "interview-language", "english"), false, false);

        List<Comment> comments = CommentExtractor.comments(response, interview);

        assertThat(comments).extracting(Comment::id).containsExactly("r1/police-comment", "r1/gp-comment", "r1/barriers-comment");
        assertThat(comments).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CommentStatus.PENDING);
            assertThat(c.quarter()).isEqualTo("2015/16-Q2");
            assertThat(c.channel()).isEqualTo(Channel.INTERVIEW);
        });
        assertThat(comments.get(0).rating()).isEqualTo("negative");
        assertThat(comments.get(0).agency()).isEqualTo("police");
        assertThat(comments.get(1).rating()).as("no experience is not a rating").isNull();
        assertThat(comments.get(2).agency()).isNull();
        assertThat(comments.get(2).rating()).isNull();
    }
}
