package org.survivorvoice.encryption;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.SurvivorVoiceApplication;
import org.survivorvoice.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.encryption.FreeTextCipherTest.KEY_A;
import static org.survivorvoice.encryption.FreeTextCipherTest.KEY_B;

/**
 * The key change as an operator does it, one restart at a time, on the same data: text stored
 * without a key, then with key a; key b added as the current key; everything re-encrypted; key a
 * removed. The text reads at every step. Without the key it was encrypted with, the service says
 * which key is missing, and shows no text.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyChangeAcrossRestartsIT {

    private static final String BEFORE = "Stored before there was a key.";
    private static final String UNDER_A = "Stored under key a.";

    @TempDir
    Path dataDir;

    @Test
    void theKeyIsChangedAndTheOldOneRemovedWithoutLosingAWord(CapturedOutput output) {
        String plainId;
        String underA;
        try (ConfigurableApplicationContext app = start()) {
            plainId = submit(app, BEFORE);
            assertThat(storedComment(app, plainId)).isEqualTo(BEFORE);
        }
        assertThat(output.getOut()).contains("is stored UNENCRYPTED: no encryption key is configured");

        try (ConfigurableApplicationContext app = start("--sv.encryption.key-id=a", "--sv.encryption.keys.a=" + KEY_A)) {
            underA = submit(app, UNDER_A);
            assertThat(keyOf(app, underA)).isEqualTo("a");
            assertThat(storedComment(app, plainId)).as("still plain until rewritten").isEqualTo(BEFORE);
            assertThat(read(app, plainId)).isEqualTo(BEFORE);
        }

        try (ConfigurableApplicationContext app = start("--sv.encryption.key-id=b", "--sv.encryption.keys.a=" + KEY_A,
                "--sv.encryption.keys.b=" + KEY_B)) {
            String underB = submit(app, "Stored under key b.");
            assertThat(keyOf(app, underB)).isEqualTo("b");
            assertThat(read(app, underA)).isEqualTo(UNDER_A);

            Rekeying.Progress done = app.getBean(Rekeying.class).start(Rekeying.Mode.REENCRYPT).block(Duration.ofSeconds(60));
            assertThat(done.problem()).isNull();
            // three answers, and the three comments queued from them (waiting for an instance that analyses)
            assertThat(done.byKey()).containsExactly(Map.entry("b", 6L));
            assertThat(done.reencrypted()).as("the two plain and the two under key a").isEqualTo(4);
            assertThat(List.of(keyOf(app, plainId), keyOf(app, underA), keyOf(app, underB))).containsOnly("b");
        }

        try (ConfigurableApplicationContext app = start("--sv.encryption.key-id=b", "--sv.encryption.keys.b=" + KEY_B)) {
            assertThat(read(app, plainId)).isEqualTo(BEFORE);
            assertThat(read(app, underA)).isEqualTo(UNDER_A);
        }

        try (ConfigurableApplicationContext app = start()) {
            client(app).get().uri("/api/v1/responses/" + underA).headers(h -> h.setBasicAuth("admin", TestAccounts.PASSWORD))
                    .exchange().expectStatus().isEqualTo(500)
                    .expectBody(String.class).value(body -> assertThat(body).doesNotContain(UNDER_A));
        }
        assertThat(output.getOut()).contains("field answers.housing-comment is encrypted with key 'b', which is not configured: "
                + "add sv.encryption.keys.b");
        assertThat(output.getOut()).doesNotContain(KEY_A).doesNotContain(KEY_B);
    }

    private ConfigurableApplicationContext start(String... encryption) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--sv.storage.engine=in-process",
                "--sv.storage.data-dir=" + dataDir,
                "--sv.analysis.enabled=false",
                "--sv.admin.username=admin",
                "--sv.admin.password=" + TestAccounts.PASSWORD));
        arguments.addAll(List.of(encryption));
        return new SpringApplicationBuilder(SurvivorVoiceApplication.class).run(arguments.toArray(String[]::new));
    }

    private static String submit(ConfigurableApplicationContext app, String comment) {
        return (String) client(app).post().uri("/api/v1/instruments/feedback/responses").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answers", Map.of("housing-rating", "negative", "housing-comment", comment)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static String read(ConfigurableApplicationContext app, String id) {
        Map<?, ?> response = client(app).get().uri("/api/v1/responses/" + id).headers(h -> h.setBasicAuth("admin", TestAccounts.PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) ((Map<?, ?>) response.get("answers")).get("housing-comment");
    }

    /** The comment as stored. */
    private static Object storedComment(ConfigurableApplicationContext app, String id) {
        return new RawDocuments(app.getBean(ReactiveMongoTemplate.class)).find("responses", id)
                .get("answers", Document.class).get("housing-comment");
    }

    private static String keyOf(ConfigurableApplicationContext app, String id) {
        Object stored = storedComment(app, id);
        return FreeTextCipher.isSealed(stored) ? ((Document) stored).getString("k") : null;
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port")).build();
    }
}
