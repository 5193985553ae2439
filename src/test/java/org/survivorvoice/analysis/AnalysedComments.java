package org.survivorvoice.analysis;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.awaitility.Awaitility.await;

/** For tests that need a comment the analysis has finished with. */
public final class AnalysedComments {

    private AnalysedComments() {
    }

    /** Submits {@code text} as the anonymous form's answer to {@code question} and waits for its analysis; returns the comment id. */
    public static String submitAndWait(WebTestClient client, CommentRepository comments, String question, String text) {
        String response = (String) client.post().uri("/api/v1/instruments/feedback/responses").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answers", Map.of(question, text)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        String id = response + "/" + question;
        await().atMost(AnalysisQueueIT.SOON).pollInterval(Duration.ofMillis(300))
                .until(() -> comments.findById(id).block().status() == CommentStatus.DONE);
        return id;
    }
}
