package org.survivorvoice.storage;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survivorvoice.AppProcess;
import org.survivorvoice.TestAccounts;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application runs as its own process on the in-process engine and is killed with SIGKILL
 * while anonymous submissions with free-text comments are in flight, a few times over the same
 * data directory. Every submission that was answered 201 is there afterwards, read from the file
 * the killed process left and through the staff API of the restarted service, each comment pending
 * or analysed; once the service has run a while, every comment is analysed.
 *
 * <p>Slow (each start loads the analysis): it runs in the {@code kill-test} Maven profile, which
 * {@code .ci/run} uses.
 */
class SubmissionsSurviveKillIT {

    private static final int ROUNDS = Integer.getInteger("sv.kill-test.rounds", 2);
    private static final int SENDERS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
    private static final Duration START = Duration.ofMinutes(6);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[] COMMENTS = {
            "The officer did not call me back about the bail breach and I felt on my own.",
            "My IDVA was brilliant, she believed me and kept me informed at every step.",
            "Housing kept losing my forms and we waited months in a hotel room.",
            "The GP listened and referred me to someone who understood domestic abuse."};

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everySubmissionAnswered201SurvivesSigkillAndIsAnalysedAfterARestart() throws Exception {
        Path data = directory.resolve("data");
        // First start: the analysis trains its model and stores it, so later starts only load it.
        try (AppProcess app = start(data, "warm-up")) {
            awaitAnalysisReady(app);
            app.stop();
        }

        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // response id -> its police comment
        int interrupted = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            try (AppProcess app = start(data, "round-" + round)) {
                awaitAnalysisReady(app); // so that comments are being analysed when the process dies
                interrupted += submitUntilKilled(app, round, acknowledged);
                assertThat(app.waitFor(Duration.ofSeconds(10))).isTrue();
            }
            assertEverySubmissionIsInTheFile(data, acknowledged.keySet(), round);
        }
        assertThat(interrupted).as("requests cut off by the kills (in flight when the process died)").isPositive();

        try (AppProcess app = start(data, "after")) {
            awaitAnalysisReady(app);
            for (Map.Entry<String, String> submission : acknowledged.entrySet()) {
                HttpResponse<String> stored = send(app, HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/responses/"
                        + submission.getKey())).header("Authorization", basic()).GET());
                assertThat(stored.statusCode()).as("GET response %s", submission.getKey()).isEqualTo(200);
                assertThat(stored.body()).contains(submission.getValue());
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode queue = json.readTree(send(app, HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/analysis"))
                        .header("Authorization", basic()).GET()).body()).get("queue");
                assertThat(queue.get("pending").asLong() + queue.get("running").asLong()).as(queue.toString()).isZero();
            });
            app.stop();
        }

        try (InProcessStores.Open store = InProcessStores.open(data)) {
            List<Document> responses = Flux.from(store.database().getCollection("responses").find()).collectList().block();
            assertThat(responses.stream().map(r -> r.getString("_id"))).containsAll(acknowledged.keySet());
            for (Document response : responses) {
                String id = response.getString("_id");
                assertThat(response.getBoolean("analysisQueued")).as("response %s handed to the analysis", id).isTrue();
                List<Document> comments = comments(store, id);
                assertThat(comments).as("comments of %s", id).hasSize(2)
                        .allSatisfy(comment -> assertThat(comment.getString("status")).isEqualTo("DONE"));
            }
        }
    }

    /** Sends anonymous submissions from several threads and kills the process while they are in flight. */
    private int submitUntilKilled(AppProcess app, int round, Map<String, String> acknowledged) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger thisRound = new AtomicInteger();
        AtomicInteger cutOff = new AtomicInteger();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int sender = 0; sender < SENDERS; sender++) {
            int number = sender;
            senders.submit(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String comment = "Round " + round + ", sender " + number + ", number " + i + ": " + COMMENTS[i % COMMENTS.length];
                    String body = "{\"answers\": {\"police-rating\": \"negative\", \"police-comment\": \"" + comment
                            + "\", \"housing-rating\": \"very_negative\", \"housing-comment\": \"" + COMMENTS[(i + 2) % COMMENTS.length]
                            + "\"}}";
                    try {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                        URI.create(app.baseUrl() + "/api/v1/instruments/feedback/responses"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        Matcher id = ID.matcher(answer.body());
                        if (answer.statusCode() == 201 && id.find()) {
                            acknowledged.put(id.group(1), comment);
                            thisRound.incrementAndGet();
                        } else {
                            unexpected.add(answer.statusCode() + " " + answer.body());
                        }
                    } catch (ConnectException e) {
                        return; // the process is gone: nothing listens any more
                    } catch (IOException e) {
                        cutOff.incrementAndGet(); // the process died while this request was in flight
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        try {
            while (thisRound.get() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(thisRound.get()).as("submissions answered 201 in round %s before the kill", round)
                    .isGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
            app.kill();
        } finally {
            stop.set(true);
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(unexpected).as("answers other than 201 before the kill").isEmpty();
        System.out.printf("Kill test, round %d: %d submissions answered 201, %d cut off in flight by SIGKILL%n",
                round, thisRound.get(), cutOff.get());
        return cutOff.get();
    }

    /** Read from the data directory the killed process left, before anything else opens it. */
    private static void assertEverySubmissionIsInTheFile(Path data, Set<String> acknowledged, int round) {
        try (InProcessStores.Open store = InProcessStores.open(data)) {
            List<String> missing = new ArrayList<>();
            for (String id : acknowledged) {
                Document response = Mono.from(store.database().getCollection("responses").find(Filters.eq("_id", id)).first()).block();
                if (response == null) {
                    missing.add(id);
                    continue;
                }
                assertThat(comments(store, id)).as("comments of %s after round %s", id, round).hasSize(2)
                        .allSatisfy(comment -> assertThat(comment.getString("status")).isIn("PENDING", "RUNNING", "DONE"));
            }
            assertThat(missing).as("responses answered 201 but missing after the kill in round %s", round).isEmpty();
        }
    }

    private static List<Document> comments(InProcessStores.Open store, String responseId) {
        return Flux.from(store.database().getCollection("comments").find(Filters.eq("responseId", responseId))).collectList().block();
    }

    private AppProcess start(Path data, String name) {
        return AppProcess.start(directory.resolve(name + ".log"),
                "--sv.storage.engine=in-process",
                "--sv.storage.data-dir=" + data,
                "--sv.admin.username=admin",
                "--sv.admin.password=" + TestAccounts.PASSWORD,
                // eight clients on one address, as fast as they can: the per-address limit would refuse most of them
                "--sv.limits.enabled=false",
                // a comment claimed by the killed process is taken again this soon after the restart
                "--sv.analysis.lease=20s")
                .awaitReady(START);
    }

    private void awaitAnalysisReady(AppProcess app) {
        await().atMost(START).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(send(app, HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/analysis"))
                        .header("Authorization", basic()).GET()).body()).contains("\"state\":\"ready\""));
    }

    private HttpResponse<String> send(AppProcess app, HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
