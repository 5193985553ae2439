package org.survivorvoice.response;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;

import static org.assertj.core.api.Assertions.assertThat;

/** The responses API: who may submit and read, what is stored, and every kind of bad input. */
@IntegrationTest
class ResponseApiIT {

    private static final String FEEDBACK = "/api/v1/instruments/feedback/responses";
    private static final String INTERVIEW = "/api/v1/instruments/interview/responses";

    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    AccountService accounts;

    @BeforeEach
    void staff() {
        TestAccounts.ensure(accounts);
    }

    @Test
    void anonymousResponseIsStoredWithItsAnswersTheDayAndNothingAboutTheSender() {
        String id = submitFeedback("{\"answers\":{\"police-rating\":\"negative\",\"police-comment\":\"They did not listen to me.\"},\"language\":\"pl\"}");

        Document stored = mongo.findById(id, Document.class, "responses").block(Duration.ofSeconds(5));
        assertThat(stored).isNotNull();
        assertThat(stored.keySet()).containsExactlyInAnyOrder(
                "_id", "instrumentId", "instrumentVersion", "channel", "day", "quarter", "language", "answers", "analysisQueued", "aggregated",
                "_class");
        assertThat(stored.get("day")).isEqualTo(LocalDate.now(ZoneId.of("Europe/London")).toString());
        assertThat(stored.get("language")).isEqualTo("pl");
        assertThat(stored.get("answers", Document.class).keySet()).containsExactlyInAnyOrder("police-rating", "police-comment");
        assertThat(stored.get("answers", Document.class).get("police-rating")).isEqualTo("negative");
        // free text is stored encrypted (see EncryptionAtRestIT); the template's raw read does not decrypt it
        assertThat(stored.get("answers", Document.class).get("police-comment"))
                .matches(org.survivorvoice.encryption.FreeTextCipher::isSealed, "encrypted")
                .asString().doesNotContain("They did not listen to me.");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void submittingSetsNoCookieAndPointsToTheNewResponse() {
        client.post().uri(FEEDBACK).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"answers\":{\"gp-rating\":\"very_positive\"}}")
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/v1/responses/"))
                .expectBody().jsonPath("$.id").isNotEmpty().jsonPath("$.reference").doesNotExist();
    }

    @Test
    void officerReadsAResponseExactlyAsSubmitted() {
        String id = submitFeedback("{\"answers\":{\"housing-rating\":\"no_experience\",\"barriers\":[\"language\",\"money\"],\"felt-believed\":true}}");

        client.get().uri("/api/v1/responses/" + id).headers(officer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.instrument.id").isEqualTo("feedback")
                .jsonPath("$.instrument.version").isEqualTo(1)
                .jsonPath("$.channel").isEqualTo("anonymous-form")
                .jsonPath("$.answers.housing-rating").isEqualTo("no_experience")
                // stored in the instrument's order of options, whatever order they came in
                .jsonPath("$.answers.barriers[0]").isEqualTo("money")
                .jsonPath("$.answers.barriers[1]").isEqualTo("language")
                .jsonPath("$.answers.felt-believed").isEqualTo("yes")
                .jsonPath("$.recordedBy").doesNotExist()
                .jsonPath("$.recordedAt").doesNotExist();
    }

    @Test
    void officerRecordsAnInterviewThatGetsAReferenceAndTheQuarterOfItsDate() {
        client.post().uri(INTERVIEW).headers(officer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answers", completeInterview("2015-08-14")))
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.reference").value(reference -> assertThat((String) reference).matches("SV-[0-9A-Z]{4}-[0-9A-Z]{4}"))
                .jsonPath("$.id").value(id -> client.get().uri("/api/v1/responses/" + id).headers(officer()).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.day").isEqualTo("2015-08-14")
                        .jsonPath("$.quarter").isEqualTo("2015/16-Q2")
                        .jsonPath("$.recordedBy").isEqualTo(TestAccounts.OFFICER)
                        .jsonPath("$.channel").isEqualTo("interview"));
    }

    @Test
    void aStaffReferenceIsUniqueInTheDatabase() {
        Response first = new Response("dup-1-" + System.nanoTime(), "interview", 1, org.survivorvoice.survey.Channel.INTERVIEW,
                "2015-08-14", "2015/16-Q2", "en", "SV-TEST-" + System.nanoTime() % 10000, "officer", null, Map.of(), true, true);
        mongo.insert(first).block(Duration.ofSeconds(5));
        Response second = new Response("dup-2-" + System.nanoTime(), "interview", 1, first.channel(), first.day(), first.quarter(),
                "en", first.reference(), "officer", null, Map.of(), true, true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mongo.insert(second).block(Duration.ofSeconds(5)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void staffInstrumentsNeedAnOfficer() {
        String body = "{\"answers\":{\"interview-date\":\"2015-08-14\"}}";
        client.post().uri(INTERVIEW).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri(INTERVIEW).headers(reader()).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri(INTERVIEW).headers(h -> h.setBasicAuth(TestAccounts.OFFICER, "wrong-password-123")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void readingResponsesNeedsAnOfficer() {
        client.get().uri("/api/v1/responses").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/responses").headers(reader()).exchange().expectStatus().isForbidden();
        client.get().uri("/api/v1/responses/anything").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/responses/anything").headers(reader()).exchange().expectStatus().isForbidden();
        client.get().uri("/api/v1/responses").headers(admin()).exchange().expectStatus().isOk();
    }

    @Test
    void responsesArePagedNewestDayFirstAndFilteredByInstrument() {
        for (String date : List.of("2015-07-01", "2016-01-20", "2015-11-05")) {
            client.post().uri(INTERVIEW).headers(officer()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("answers", completeInterview(date))).exchange().expectStatus().isCreated();
        }
        client.get().uri("/api/v1/responses?instrument=interview&page=0&size=2").headers(officer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[*].instrument.id").value(ids -> assertThat((List<Object>) ids).containsOnly("interview"))
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.total").value(total -> assertThat(((Number) total).intValue()).isGreaterThanOrEqualTo(3))
                .jsonPath("$.items[0].day").value(first -> client.get().uri("/api/v1/responses?instrument=interview&size=100")
                        .headers(officer()).exchange().expectBody()
                        .jsonPath("$.items[*].day").value(days -> {
                            @SuppressWarnings("unchecked")
                            List<String> all = (List<String>) days;
                            assertThat(all).isSortedAccordingTo(java.util.Comparator.reverseOrder());
                            assertThat(first).isEqualTo(all.get(0));
                        }));
    }

    static Stream<Arguments> badPages() {
        return Stream.of(
                Arguments.of("/api/v1/responses?page=-1", "\"page\" must be 0 or more."),
                Arguments.of("/api/v1/responses?size=0", "\"size\" must be between 1 and 100."),
                Arguments.of("/api/v1/responses?size=101", "\"size\" must be between 1 and 100."),
                Arguments.of("/api/v1/responses?size=abc", "\"size\" must be a whole number."),
                Arguments.of("/api/v1/responses?instrument=nope", "There is no instrument called nope."));
    }

    @ParameterizedTest
    @MethodSource("badPages")
    void badPagingIsA400ThatSaysWhy(String uri, String detail) {
        client.get().uri(uri).headers(officer()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo(detail).jsonPath("$.status").isEqualTo(400);
    }

    @Test
    void unknownResponseIsA404() {
        client.get().uri("/api/v1/responses/no-such-id").headers(officer()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** A body the API must refuse, the field named in the problem (or null), and the status. */
    static Stream<Arguments> invalidSubmissions() {
        String big = "x".repeat(5001);
        return Stream.of(
                Arguments.of("unknown question", "{\"answers\":{\"favourite-colour\":\"blue\"}}", "favourite-colour", 400),
                Arguments.of("wrong type: number for a scale", "{\"answers\":{\"police-rating\":4}}", "police-rating", 400),
                Arguments.of("scale value outside the scale", "{\"answers\":{\"police-rating\":\"excellent\"}}", "police-rating", 400),
                Arguments.of("wrong type: text for yes-no", "{\"answers\":{\"marac-referred\":\"maybe\"}}", "marac-referred", 400),
                Arguments.of("wrong type: object for a text", "{\"answers\":{\"police-comment\":{\"a\":1}}}", "police-comment", 400),
                Arguments.of("option outside the list", "{\"answers\":{\"barriers\":[\"money\",\"dragons\"]}}", "barriers", 400),
                Arguments.of("text over 5,000 characters", "{\"answers\":{\"police-comment\":\"" + big + "\"}}", "police-comment", 400),
                Arguments.of("nothing answered", "{\"answers\":{}}", "answers", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSubmissions")
    void invalidAnswersAreA400ListingEachFieldAndStoreNothing(String name, String body, String field, int status) {
        long before = count();
        client.post().uri(FEEDBACK).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("/problems/invalid-answers")
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isNotEmpty();
        assertThat(count()).isEqualTo(before);
    }

    /** Values a JSON parser accepts that must not reach storage, on a staff instrument with numbers. */
    static Stream<Arguments> hostileStaffAnswers() {
        return Stream.of(
                Arguments.of("a number too large for a double", "{\"participants\":1e400}", "participants"),
                Arguments.of("a number too large for a long", "{\"participants\":99999999999999999999999}", "participants"),
                Arguments.of("a fraction", "{\"participants\":2.5}", "participants"),
                Arguments.of("a number as text", "{\"participants\":\"3\"}", "participants"),
                Arguments.of("a broken UTF-16 surrogate", "{\"notes\":\"\\ud800 alone\"}", "notes"),
                Arguments.of("a date beyond the calendar", "{\"focus-group-date\":\"+999999999-01-01\"}", "focus-group-date"),
                Arguments.of("an operator hidden in a theme", "{\"key-themes\":[{\"theme\":\"evidence-gathering\",\"finding\":\"x\",\"$where\":\"1\"}]}", "key-themes[0]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileStaffAnswers")
    void hostileValuesAreA400NotA500(String name, String answer, String field) {
        long before = count();
        String base = "\"focus-group-date\":\"2016-01-10\",\"area\":\"housing\",\"participants\":3,";
        String merged = "{\"answers\":{" + base + answer.substring(1) + "}";
        client.post().uri("/api/v1/instruments/focus-group/responses").headers(officer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(merged).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).contains(field));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void missingRequiredAnswersAreEachListed() {
        long before = count();
        client.post().uri(INTERVIEW).headers(officer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"answers\":{\"interview-date\":\"2015-08-14\",\"police-rating\":\"positive\"}}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields)
                        .contains("interview-language", "courts-rating", "marac-rating", "barriers-any")
                        .doesNotContain("police-rating", "interview-date", "police-comment"));
        assertThat(count()).isEqualTo(before);
    }

    /** Bodies that are not even valid submissions: a clear 4xx, nothing stored, never a 5xx. */
    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", MediaType.APPLICATION_JSON, "{\"answers\":", 400),
                Arguments.of("JSON that is not an object", MediaType.APPLICATION_JSON, "[1,2,3]", 400),
                Arguments.of("answers not an object", MediaType.APPLICATION_JSON, "{\"answers\":[]}", 400),
                Arguments.of("no answers", MediaType.APPLICATION_JSON, "{\"language\":\"en\"}", 400),
                Arguments.of("unknown top-level field", MediaType.APPLICATION_JSON, "{\"answers\":{\"gp-rating\":\"neutral\"},\"ip\":\"1.2.3.4\"}", 400),
                Arguments.of("bad language", MediaType.APPLICATION_JSON, "{\"answers\":{\"gp-rating\":\"neutral\"},\"language\":\"<script>\"}", 400),
                Arguments.of("empty body", MediaType.APPLICATION_JSON, "", 400),
                Arguments.of("wrong content type", MediaType.TEXT_PLAIN, "answers", 415),
                Arguments.of("form instead of JSON", MediaType.APPLICATION_FORM_URLENCODED, "gp-rating=neutral", 415));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void malformedRequestsAreAClear4xxAndStoreNothing(String name, MediaType type, String body, int status) {
        long before = count();
        client.post().uri(FEEDBACK).contentType(type).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).isNotBlank().doesNotContain("Exception", "at org."));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aBodyOver64KbIsA413WhetherItsLengthIsDeclaredOrNot() {
        String body = "{\"answers\":{\"police-comment\":\"" + "a".repeat(70_000) + "\"}}";
        long before = count();
        client.post().uri(FEEDBACK).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("The request is larger than 64 KB. Nothing was stored.");
        // Streamed in pieces, without a Content-Length: the codec's limit applies.
        client.post().uri(FEEDBACK).contentType(MediaType.APPLICATION_JSON)
                .body(reactor.core.publisher.Flux.range(0, 80).map(i -> i == 0 ? "{\"answers\":{\"police-comment\":\"" + "a".repeat(1000)
                        : i == 79 ? "\"}}" : "a".repeat(1000)), String.class)
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo("The request is larger than 64 KB. Nothing was stored.");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void unknownInstrumentIsA404() {
        client.post().uri("/api/v1/instruments/no-such-form/responses").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"answers\":{}}").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("There is no instrument called no-such-form");
    }

    @Test
    void unknownApiAddressIsA401ForStrangersAndA404ForStaff() {
        client.get().uri("/api/v1/nothing-here").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/nothing-here").headers(officer()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String submitFeedback(String json) {
        return client.post().uri(FEEDBACK).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private long count() {
        return mongo.count(new Query(Criteria.where("_id").exists(true)), "responses").block(Duration.ofSeconds(5));
    }

    static Map<String, Object> completeInterview(String date) {
        return ResponseApiITData.completeInterview(date);
    }

    static java.util.function.Consumer<HttpHeaders> officer() {
        return h -> h.setBasicAuth(TestAccounts.OFFICER, TestAccounts.PASSWORD);
    }

    static java.util.function.Consumer<HttpHeaders> reader() {
        return h -> h.setBasicAuth(TestAccounts.READER, TestAccounts.PASSWORD);
    }

    static java.util.function.Consumer<HttpHeaders> admin() {
        return h -> h.setBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD);
    }
}
