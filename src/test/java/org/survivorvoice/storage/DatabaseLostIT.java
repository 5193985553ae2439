package org.survivorvoice.storage;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.AnonymousVisitor;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.SurvivorVoiceApplication;
import org.survivorvoice.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.survivorvoice.StaffBrowser.form;

/**
 * The service runs in external mode against a database server the test starts, stops and starts
 * again on the same port: while it is gone the public form gives her answers back with "not
 * saved", the API and staff pages answer 503 within seconds, health is DOWN and nothing is logged
 * but single lines; once it is back everything works again without restarting the service, and
 * nothing refused was stored.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseLostIT {

    /** The default server-selection timeout is 3 s; a refused request must come back well within this. */
    private static final Duration PROMPTLY = Duration.ofSeconds(8);

    @TempDir
    Path directory;

    @Test
    void aLostDatabaseIsA503UntilItComesBackAndThenEverythingWorksWithoutARestart(CapturedOutput output) throws IOException {
        int port = freePort();
        Path file = directory.resolve("database.mv");
        MongoServer database = start(file, port);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SurvivorVoiceApplication.class).run(
                "--server.port=0",
                "--sv.storage.mode=external",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + port + "/survivor-voice",
                "--sv.storage.data-dir=" + directory.resolve("unused"),
                "--sv.analysis.enabled=false",
                "--sv.admin.username=admin",
                "--sv.admin.password=" + TestAccounts.PASSWORD)) {
            WebTestClient client = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(30)).build();
            String before = submitThroughTheApi(client).expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
            StaffBrowser officer = StaffBrowser.signIn(client, "admin", TestAccounts.PASSWORD);
            officer.get("/staff/records");
            health(client).expectStatus().isOk();

            database.shutdownNow();
            int logLinesBefore = output.getOut().length();

            // The public form: 503, the form again with every answer kept and "not saved" in the summary.
            AnonymousVisitor survivor = new AnonymousVisitor(client);
            long started = System.nanoTime();
            EntityExchangeResult<byte[]> refused = survivor.send("feedback", form(
                    "police-rating", "negative", "police-comment", "They did not believe me at first.",
                    "barriers", "money", "housing-rating", "very_negative"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
            assertThat(refused.getStatus().value()).isEqualTo(503);
            Document page = StaffBrowser.parse(refused);
            assertThat(page.title()).startsWith("Error:");
            assertThat(page.select(".govuk-error-summary a")).singleElement().satisfies(link -> {
                assertThat(link.text()).isEqualTo("Your answers were not saved. Please try again.");
                assertThat(link.attr("href")).isEqualTo("#answers");
            });
            assertThat(page.getElementById("answers")).isNotNull();
            assertThat(page.selectFirst("textarea[name=police-comment]").text()).isEqualTo("They did not believe me at first.");
            assertThat(page.selectFirst("input[name=police-rating][value=negative]").hasAttr("checked")).isTrue();
            assertThat(page.selectFirst("input[name=housing-rating][value=very_negative]").hasAttr("checked")).isTrue();
            assertThat(page.selectFirst("input[name=barriers][value=money]").hasAttr("checked")).isTrue();
            assertThat(page.select(".govuk-form-group--error")).as("no question is wrong").isEmpty();

            // The API: 503 problem details, promptly.
            started = System.nanoTime();
            submitThroughTheApi(client).expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo(503)
                    .jsonPath("$.type").isEqualTo("/problems/storage-unavailable")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Nothing you sent was stored"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
            client.get().uri("/api/v1/responses").headers(h -> h.setBasicAuth("admin", TestAccounts.PASSWORD)).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("/problems/storage-unavailable");

            // A staff page: a friendly 503 page.
            EntityExchangeResult<byte[]> staffPage = officer.request("/staff/records");
            assertThat(staffPage.getStatus().value()).isEqualTo(503);
            Document error = StaffBrowser.parse(staffPage);
            assertThat(error.select("h1").text()).isEqualTo("Sorry, the service is not available just now");
            assertThat(error.select("main, body").text()).contains("Nothing you sent was stored");

            // Health: DOWN, promptly.
            started = System.nanoTime();
            health(client).expectStatus().isEqualTo(503).expectBody().jsonPath("$.status").isEqualTo("DOWN");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);

            String outage = output.getOut().substring(logLinesBefore);
            assertThat(outage.lines().filter(line -> line.startsWith("\tat "))).as("no stack trace while the database is gone").isEmpty();
            assertThat(outage).contains("answered 503: the database cannot be reached");
            assertThat(outage).doesNotContain("They did not believe me");

            // The database comes back on the same port: no restart of the service.
            database = start(file, port);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> health(client).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP"));
            EntityExchangeResult<byte[]> sent = survivor.send("feedback", form(
                    "police-rating", "negative", "police-comment", "They did not believe me at first."));
            assertThat(sent.getStatus().value()).isEqualTo(303);
            submitThroughTheApi(client).expectStatus().isCreated();
            officer.get("/staff/records");

            // The response stored before the outage, and the two after it: none of the refused ones.
            client.get().uri("/api/v1/responses").headers(h -> h.setBasicAuth("admin", TestAccounts.PASSWORD)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.total").isEqualTo(3);
            client.get().uri("/api/v1/responses/" + before).headers(h -> h.setBasicAuth("admin", TestAccounts.PASSWORD)).exchange()
                    .expectStatus().isOk();
        } finally {
            database.shutdownNow();
        }
    }

    private static WebTestClient.ResponseSpec submitThroughTheApi(WebTestClient client) {
        return client.post().uri("/api/v1/instruments/feedback/responses").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"answers\":{\"housing-rating\":\"negative\",\"housing-comment\":\"Nobody called me back.\"}}")
                .exchange();
    }

    private static WebTestClient.ResponseSpec health(WebTestClient client) {
        return client.get().uri("/actuator/health").exchange();
    }

    /** A database server whose data (an H2 file) outlives it, on a given port. */
    private static MongoServer start(Path file, int port) {
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        server.bind("127.0.0.1", port);
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
