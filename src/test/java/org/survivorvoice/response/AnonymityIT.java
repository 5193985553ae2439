package org.survivorvoice.response;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.analysis.CommentStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an anonymous response leaves behind: in the database, in the logs and in other people's
 * error messages. Every request here carries an address, a user agent and a cookie that the
 * service must not keep: if any of them turns up anywhere, a test fails.
 */
@IntegrationTest
class AnonymityIT {

    /** What a stored anonymous response may hold, and nothing else. */
    static final Set<String> ANONYMOUS_FIELDS = Set.of("_id", "instrumentId", "instrumentVersion", "channel", "day", "quarter",
            "language", "answers", "analysisQueued", "aggregated", "_class");

    final String agent = "Mozilla/5.0 (Tracked; agent-" + UUID.randomUUID() + ")";
    final String address = "203.0.113." + (10 + (int) (Math.random() * 200));
    final String cookie = "tracker-" + UUID.randomUUID();
    final String session = "session-" + UUID.randomUUID();

    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate mongo;

    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void captureEveryLogLine() {
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root().detachAppender(logs);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void anAnonymousResponseAsStoredHoldsNoAddressAgentCookieSessionOrTimeOfDay() {
        Set<String> before = responseIds();
        String viaApi = submitThroughApi("police-comment", "The officer never rang me back " + UUID.randomUUID());
        submitThroughForm("housing-comment", "The housing officer listened to me " + UUID.randomUUID());

        Set<String> added = responseIds();
        added.removeAll(before);
        assertThat(added).hasSize(2).contains(viaApi);
        for (String id : added) {
            assertThat(isObjectId(id)).as("a random id, not an ObjectId carrying the second it was made").isFalse();
            Document stored = raw("responses", id);
            assertThat(stored.keySet()).isSubsetOf(ANONYMOUS_FIELDS).contains("day", "quarter", "answers");
            assertThat(stored.getString("day")).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(stored.getString("channel")).isEqualTo("ANONYMOUS_FORM");
            assertNothingAbout(stored);

            // the comments the analysis made of it, once it has finished with them, hold no time either
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> comments(id).stream()
                    .allMatch(comment -> CommentStatus.DONE.name().equals(comment.getString("status"))));
            assertThat(comments(id)).isNotEmpty().allSatisfy(this::assertNothingAbout);
        }
    }

    @Test
    void theLogsOfPublicPagesHoldNoAddressAgentCookieOrResponseId() {
        String id = submitThroughApi("gp-comment", "My GP believed me and referred me " + UUID.randomUUID());
        submitThroughForm("courts-comment", "The court process was long " + UUID.randomUUID());
        publicGet("/");
        publicGet("/safety");
        publicGet("/f/no-such-form");
        client.post().uri("/api/v1/instruments/feedback/responses").headers(tracked()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"answers\":{\"gp-rating\":\"splendid\"}}").exchange().expectStatus().isBadRequest();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300)).until(() -> comments(id).stream()
                .allMatch(comment -> CommentStatus.DONE.name().equals(comment.getString("status"))));

        List<String> lines = logs.list.stream().map(AnonymityIT::text).toList();
        List<String> access = logs.list.stream().filter(event -> event.getLoggerName().equals("org.survivorvoice.access"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        // the access log is there (so this test would see an address in it) ...
        assertThat(access).anyMatch(line -> line.startsWith("POST /api/v1/instruments/feedback/responses 400 "))
                .anyMatch(line -> line.startsWith("POST /f/feedback 303 "))
                .anyMatch(line -> line.startsWith("GET /safety 200 "))
                .anyMatch(line -> line.startsWith("GET /f/no-such-form 404 "));
        // ... and no line of any logger carries the address, the agent, the cookie, the session or the response's id
        assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(address) || line.contains("127.0.0.1")
                || line.contains("localhost") || line.contains(agent) || line.contains(cookie) || line.contains(session)
                || line.contains(id));
    }

    @Test
    void errorMessagesNeverEchoAnotherRespondentsAnswers() {
        String secret = "Her new address is 14 Orchard Row " + UUID.randomUUID();
        submitThroughApi("police-comment", secret);
        submitThroughForm("social-services-comment", secret);
        String fragment = secret.substring(secret.length() - 12);

        List<String> answers = new ArrayList<>();
        // the form again, with her own mistake and nobody else's words
        MultiValueMap<String, String> mine = formFields();
        mine.set("police-rating", "splendid");
        mine.set("police-comment", "my own words");
        EntityExchangeResult<byte[]> again = client.post().uri("/f/feedback").headers(tracked()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(mine)).exchange().expectStatus().isBadRequest().expectBody().returnResult();
        assertThat(StaffBrowser.body(again)).contains("my own words");
        answers.add(StaffBrowser.body(again));
        // every kind of refusal the public can provoke
        answers.add(apiRefusal(MediaType.APPLICATION_JSON, "{\"answers\":{\"police-rating\":\"splendid\"}}"));
        answers.add(apiRefusal(MediaType.APPLICATION_JSON, "{\"answers\":{\"no-such-question\":\"x\"}}"));
        answers.add(apiRefusal(MediaType.APPLICATION_JSON, "{\"answers\":{\"police-comment\":" + "\"x".repeat(3) + "}"));
        answers.add(apiRefusal(MediaType.APPLICATION_JSON, "{\"answers\":{\"police-comment\":\"" + "y".repeat(6_000) + "\"}}"));
        answers.add(apiRefusal(MediaType.TEXT_PLAIN, "police-comment=hello"));
        answers.add(client.get().uri("/f/" + fragment).headers(tracked()).exchange().expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody());
        answers.add(client.get().uri("/api/v1/responses").headers(tracked()).exchange().expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(answers).hasSize(8).allSatisfy(body -> assertThat(body).isNotNull()
                .doesNotContain(fragment).doesNotContain("Orchard Row").doesNotContain(address).doesNotContain(agent));
    }

    private String apiRefusal(MediaType type, String body) {
        EntityExchangeResult<byte[]> result = client.post().uri("/api/v1/instruments/feedback/responses").headers(tracked())
                .contentType(type).bodyValue(body).exchange().expectBody().returnResult();
        assertThat(result.getStatus().is4xxClientError()).as("%s gives %s", body.length() > 80 ? body.substring(0, 80) : body,
                result.getStatus()).isTrue();
        return StaffBrowser.body(result);
    }

    private void assertNothingAbout(Document stored) {
        String json = stored.toJson();
        assertThat(json).doesNotContain(address).doesNotContain("127.0.0.1").doesNotContain(agent).doesNotContain("Tracked")
                .doesNotContain(cookie).doesNotContain(session);
        assertNoDates(stored, "");
    }

    /** No BSON date or timestamp anywhere, however deep: the day is a plain "2025-06-30" string. */
    private static void assertNoDates(Object value, String path) {
        if (value instanceof Document document) {
            document.forEach((key, inner) -> assertNoDates(inner, path + "." + key));
        } else if (value instanceof List<?> list) {
            list.forEach(inner -> assertNoDates(inner, path + "[]"));
        } else {
            assertThat(value).as("%s holds a time", path).isNotInstanceOf(java.util.Date.class)
                    .isNotInstanceOf(org.bson.BsonTimestamp.class).isNotInstanceOf(java.time.temporal.Temporal.class);
            if (value instanceof String text) {
                assertThat(text).as("%s looks like a time", path).doesNotContainPattern("\\d{2}:\\d{2}");
            }
        }
    }

    private String submitThroughApi(String question, String text) {
        Map<?, ?> created = client.post().uri("/api/v1/instruments/feedback/responses").headers(tracked())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answers", Map.of(question, text, "police-rating", "negative")))
                .exchange().expectStatus().isCreated()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    private void submitThroughForm(String question, String text) {
        MultiValueMap<String, String> fields = formFields();
        fields.set(question, text);
        fields.set("housing-rating", "positive");
        client.post().uri("/f/feedback").headers(tracked()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(fields)).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }

    /** The form's own hidden fields, as a browser would send them back. */
    private MultiValueMap<String, String> formFields() {
        EntityExchangeResult<byte[]> page = client.get().uri("/f/feedback").headers(tracked()).exchange()
                .expectStatus().isOk().expectBody().returnResult();
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        StaffBrowser.parse(page).select("form#answers input[type=hidden]").forEach(input -> fields.add(input.attr("name"), input.val()));
        return fields;
    }

    private void publicGet(String path) {
        client.get().uri(path).headers(tracked()).exchange().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }

    private Consumer<HttpHeaders> tracked() {
        return headers -> {
            headers.set(HttpHeaders.USER_AGENT, agent);
            headers.set("X-Forwarded-For", address);
            headers.set("X-Real-IP", address);
            headers.set("Forwarded", "for=" + address);
            headers.set(HttpHeaders.COOKIE, "tracker=" + cookie + "; SESSION=" + session);
        };
    }

    private Set<String> responseIds() {
        Query query = new Query();
        query.fields().include("_id");
        return new HashSet<>(mongo.find(query, Document.class, "responses").map(document -> String.valueOf(document.get("_id")))
                .collectList().block());
    }

    private Document raw(String collection, String id) {
        return mongo.findById(id, Document.class, collection).block();
    }

    private List<Document> comments(String responseId) {
        return mongo.find(Query.query(Criteria.where("responseId").is(responseId)), Document.class, "comments").collectList().block();
    }

    private static boolean isObjectId(String id) {
        return ObjectId.isValid(id);
    }

    private static String text(ILoggingEvent event) {
        return event.getLoggerName() + " " + event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
}
