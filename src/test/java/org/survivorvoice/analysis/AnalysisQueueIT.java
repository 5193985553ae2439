package org.survivorvoice.analysis;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every free-text answer saved through any route is analysed soon after, without the submitter waiting. */
@IntegrationTest
class AnalysisQueueIT {

    @Autowired
    WebTestClient client;
    @Autowired
    CommentRepository comments;

    @Test
    void anAnonymousCommentIsQueuedAtOnceAndAnalysedSoonAfter() {
        String id = (String) client.post().uri("/api/v1/instruments/feedback/responses").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"answers\":{\"police-rating\":\"very_negative\",\"police-comment\":\"The officer laughed at me and said it was just a domestic. Nobody ever called me back.\"}}")
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");

        List<Comment> queued = comments.findByResponseId(id).collectList().block();
        assertThat(queued).singleElement().satisfies(comment -> {
            assertThat(comment.agency()).isEqualTo("police");
            assertThat(comment.rating()).isEqualTo("very_negative");
            assertThat(comment.kind()).isEqualTo("comment");
        });

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(comments.findById(id + "/police-comment").block().status()).isEqualTo(CommentStatus.DONE));
        Comment done = comments.findById(id + "/police-comment").block();
        assertThat(done.machine().sentiment()).isIn("very_negative", "negative");
        assertThat(done.effective().source()).isEqualTo("machine");
        assertThat(done.leaseUntil()).isNull();
        assertThat(done.leaseOwner()).isNull();
    }
}
