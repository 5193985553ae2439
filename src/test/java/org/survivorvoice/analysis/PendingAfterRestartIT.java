package org.survivorvoice.analysis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.SurvivorVoiceApplication;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Comments still waiting when the service stops are analysed after it starts again, and so are
 * those of a response stored just before a crash, before its comments were queued.
 */
class PendingAfterRestartIT {

    @TempDir
    Path dataDir;

    @Test
    void pendingCommentsAreAnalysedAfterARestart() {
        String waiting;
        String neverQueued;
        try (ConfigurableApplicationContext app = start(false)) {
            WebTestClient client = client(app);
            waiting = submit(client, "The IDVA was amazing, she never gave up on me.");
            neverQueued = submit(client, "Nobody from the council ever called me back.");
            CommentRepository comments = app.getBean(CommentRepository.class);
            assertThat(comments.findById(waiting + "/specialist-service-comment").block().status()).isEqualTo(CommentStatus.PENDING);
            // As if the process died between storing the response and queueing its comments:
            ReactiveMongoTemplate mongo = app.getBean(ReactiveMongoTemplate.class);
            mongo.remove(Query.query(Criteria.where("responseId").is(neverQueued)), Comment.class).block();
            mongo.updateFirst(Query.query(Criteria.where("_id").is(neverQueued)), Update.update("analysisQueued", false), Response.class).block();
        }

        try (ConfigurableApplicationContext app = start(true)) {
            CommentRepository comments = app.getBean(CommentRepository.class);
            await().atMost(AnalysisQueueIT.SOON).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(comments.findById(waiting + "/specialist-service-comment").block().status()).isEqualTo(CommentStatus.DONE);
                Comment recovered = comments.findById(neverQueued + "/housing-comment").block();
                assertThat(recovered).isNotNull();
                assertThat(recovered.status()).isEqualTo(CommentStatus.DONE);
            });
            assertThat(app.getBean(ReactiveMongoTemplate.class).findById(neverQueued, Response.class).block().analysisQueued()).isTrue();
        }
    }

    private String submit(WebTestClient client, String comment) {
        String question = comment.contains("council") ? "housing-comment" : "specialist-service-comment";
        return (String) client.post().uri("/api/v1/instruments/feedback/responses").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answers", Map.of(question, comment)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private ConfigurableApplicationContext start(boolean analysis) {
        return new SpringApplicationBuilder(SurvivorVoiceApplication.class).run(
                "--server.port=0",
                "--sv.storage.engine=in-process",
                "--sv.storage.data-dir=" + dataDir,
                "--sv.admin.password=" + TestAccounts.PASSWORD,
                "--sv.analysis.enabled=" + analysis);
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port")).build();
    }
}
