package org.survivorvoice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.bson.Document;
import org.survivorvoice.encryption.FreeTextEncryption;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.analysis.CommentStatus;

import static org.awaitility.Awaitility.await;

/** Helpers of the audit, erasure and retention tests: records through the API, raw counts, raw scans. */
public final class LifecycleData {

    private LifecycleData() {
    }

    /** A stored staff record: its id and reference. */
    public record Stored(String id, String reference) {
    }

    /** The test client with room for slow answers (a PDF on a busy machine), as a browser waits for them. */
    public static WebTestClient patient(WebTestClient client) {
        return client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    public static Consumer<HttpHeaders> basic(String username) {
        return headers -> headers.setBasicAuth(username, TestAccounts.PASSWORD);
    }

    /** Submits a staff record through the API as the officer. */
    public static Stored submit(WebTestClient client, String instrument, Map<String, Object> answers) {
        @SuppressWarnings("unchecked")
        Map<String, Object> created = client.post().uri("/api/v1/instruments/" + instrument + "/responses")
                .headers(basic(TestAccounts.OFFICER)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answers", answers)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return new Stored((String) created.get("id"), (String) created.get("reference"));
    }

    /**
     * Waits until every comment of these records is analysed and its labels are counted (the worker
     * queues the recount just after it records the analysis).
     */
    public static void awaitCounted(ReactiveMongoTemplate mongo, Collection<String> responseIds) {
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).until(() -> {
            long comments = mongo.count(Query.query(Criteria.where("responseId").in(responseIds)), "comments").block();
            long busy = mongo.count(Query.query(Criteria.where("responseId").in(responseIds).orOperator(
                    Criteria.where("status").in(CommentStatus.PENDING.name(), CommentStatus.RUNNING.name()),
                    Criteria.where("recount").is(true))), "comments").block();
            long responses = mongo.count(Query.query(Criteria.where("_id").in(responseIds).and("aggregated").is(true)), "responses").block();
            return comments > 0 && busy == 0 && responses == responseIds.size();
        });
    }

    /** Every non-zero count of these quarters in the generation in use, keyed quarter|channel|cell. */
    public static Map<String, Long> counts(ReactiveMongoTemplate mongo, Collection<String> quarters) {
        Document state = mongo.findById("aggregates", Document.class, "report_state").block(Duration.ofSeconds(5));
        long epoch = ((Number) state.get("epoch")).longValue();
        Map<String, Long> counts = new TreeMap<>();
        mongo.find(Query.query(Criteria.where("epoch").is(epoch).and("quarter").in(quarters)), Document.class, "report_counts")
                .collectList().block(Duration.ofSeconds(10))
                .forEach(document -> document.get("counts", Document.class).forEach((cell, n) -> {
                    if (((Number) n).longValue() != 0) {
                        counts.put(document.getString("quarter") + "|" + document.getString("channel") + "|" + cell, ((Number) n).longValue());
                    }
                }));
        return counts;
    }

    /** Rebuilds the aggregates through the API and waits for the rebuild to finish. */
    public static void rebuild(WebTestClient client) {
        client.post().uri("/api/v1/reports/rebuild").headers(basic(TestAccounts.ADMIN)).exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() ->
                !client.get().uri("/api/v1/reports/rebuild").headers(basic(TestAccounts.ADMIN)).exchange().expectStatus().isOk()
                        .expectBody(Map.class).returnResult().getResponseBody().get("running").equals(true));
    }

    /** "collection: document" for every raw document, in every collection, that contains {@code text}. */
    public static List<String> storedDocumentsContaining(ReactiveMongoTemplate mongo, FreeTextEncryption encryption, String text) {
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getCollectionNames().collectList().block(Duration.ofSeconds(10))) {
            mongo.findAll(Document.class, collection).collectList().block(Duration.ofSeconds(30)).stream()
                    .map(document -> opened(encryption, collection, document))
                    .filter(json -> json.contains(text))
                    .forEach(json -> found.add(collection + ": " + json));
        }
        return found;
    }

    /** The document as stored, with its encrypted free text (if any) decrypted, as JSON. */
    private static String opened(FreeTextEncryption encryption, String collection, Document document) {
        String stored = document.toJson();
        try {
            encryption.openAll(collection, document);
            return stored + " " + document.toJson();
        } catch (RuntimeException unreadable) {
            return stored;
        }
    }
}
