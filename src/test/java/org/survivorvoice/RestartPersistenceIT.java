package org.survivorvoice;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application is stopped and started again on the same data directory: an anonymous response,
 * an officer's interview and the accounts are all still there.
 */
class RestartPersistenceIT {

    @TempDir
    Path dataDir;

    @Test
    void responsesAndAccountsSurviveARestart() {
        String anonymousId;
        String interviewId;
        String reference;
        try (ConfigurableApplicationContext app = start()) {
            WebTestClient client = client(app);
            anonymousId = (String) client.post().uri("/api/v1/instruments/feedback/responses").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"answers\":{\"housing-rating\":\"very_negative\",\"housing-comment\":\"Placed miles from my support.\"}}")
                    .exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id");
            Map<?, ?> created = client.post().uri("/api/v1/instruments/interview/responses").headers(h -> h.setBasicAuth("admin", TestAccounts.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("answers", org.survivorvoice.response.ResponseApiITData.completeInterview("2016-02-09")))
                    .exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody();
            interviewId = (String) created.get("id");
            reference = (String) created.get("reference");
        }

        try (ConfigurableApplicationContext app = start()) {
            WebTestClient client = client(app);
            client.get().uri("/api/v1/responses/" + anonymousId).headers(h -> h.setBasicAuth("admin", TestAccounts.PASSWORD)).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.answers.housing-rating").isEqualTo("very_negative")
                    .jsonPath("$.answers.housing-comment").isEqualTo("Placed miles from my support.");
            client.get().uri("/api/v1/responses/" + interviewId).headers(h -> h.setBasicAuth("admin", TestAccounts.PASSWORD)).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.reference").isEqualTo(reference)
                    .jsonPath("$.quarter").isEqualTo("2015/16-Q4")
                    .jsonPath("$.recordedBy").isEqualTo("admin");
        }
        assertThat(dataDir.resolve("in-process").resolve("survivor-voice.mv")).exists();
    }

    private ConfigurableApplicationContext start() {
        // As arguments: they outrank application.yaml, as on a real command line.
        return new SpringApplicationBuilder(SurvivorVoiceApplication.class).run(
                "--server.port=0",
                "--sv.storage.engine=in-process",
                "--sv.storage.data-dir=" + dataDir,
                "--sv.admin.username=admin",
                "--sv.admin.password=" + TestAccounts.PASSWORD);
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port")).build();
    }
}
