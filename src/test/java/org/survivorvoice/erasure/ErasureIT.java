package org.survivorvoice.erasure;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.encryption.FreeTextEncryption;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.LifecycleData;
import org.survivorvoice.LifecycleData.Stored;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.analysis.CommentReview;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditEntry;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.quote.QuoteService;
import org.survivorvoice.report.Aggregates;
import org.survivorvoice.response.ResponseApiITData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.LifecycleData.basic;
import static org.survivorvoice.StaffBrowser.form;

/**
 * Erasing a record by its reference: the confirm step says what goes; afterwards nothing holds
 * the reference, the record's id or its words, in any collection but the audit log (which holds
 * the reference and no words); the report counts are what they were before the record existed,
 * and a rebuild gives the same. The records are in quarters no other test uses.
 */
@IntegrationTest
class ErasureIT {

    private static final List<String> PAGE_QUARTERS = List.of("2005/06-Q2");
    private static final String MARKER = "Quenbrightly";
    private static final String POLICE_WORDS = "The desk sergeant " + MARKER + " laughed at me and nobody ever called me back.";
    private static final String HOUSING_WORDS = "Housing told me " + MARKER + "-Tallow was not their problem and I slept in the car.";
    private static final String QUOTE = "[The officer] laughed at me and nobody ever called me back, " + MARKER + "-quoted.";

    WebTestClient client;
    @Autowired
    AccountService accounts;

    @Autowired
    void client(WebTestClient client) {
        this.client = LifecycleData.patient(client);
    }
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    FreeTextEncryption encryption;
    @Autowired
    Aggregates aggregates;
    @Autowired
    CommentReview review;
    @Autowired
    QuoteService quotes;

    @BeforeEach
    void staff() {
        TestAccounts.ensure(accounts);
    }

    private static Map<String, Object> interview(String date, String police, String housing, String policeWords, String housingWords) {
        Map<String, Object> answers = new HashMap<>(ResponseApiITData.completeInterview(date));
        answers.put("police-rating", police);
        answers.put("housing-rating", housing);
        if (policeWords == null) {
            answers.remove("police-comment");
        } else {
            answers.put("police-comment", policeWords);
        }
        if (housingWords != null) {
            answers.put("housing-comment", housingWords);
        }
        return answers;
    }

    @Test
    void anAdministratorErasesARecordAndEverythingMadeFromItThroughThePages() {
        Stored first = LifecycleData.submit(client, "interview", interview("2005-07-04", "positive", "negative",
                "The officer who came was patient with me.", null));
        Stored second = LifecycleData.submit(client, "interview", interview("2005-08-09", "very_negative", "no_experience",
                "They never came back to take my statement.", null));
        LifecycleData.awaitCounted(mongo, List.of(first.id(), second.id()));
        aggregates.settled().block(Duration.ofSeconds(30));
        Map<String, Long> before = LifecycleData.counts(mongo, PAGE_QUARTERS);
        String csvBefore = ratingsCsv();

        Stored erased = LifecycleData.submit(client, "interview", interview("2005-09-12", "negative", "very_negative",
                POLICE_WORDS, HOUSING_WORDS));
        LifecycleData.awaitCounted(mongo, List.of(erased.id()));
        String policeComment = erased.id() + "/police-comment";
        review.review(policeComment, "very_negative", List.of("kept-informed"), TestAccounts.OFFICER).block(Duration.ofSeconds(10));
        quotes.approve(policeComment, QUOTE, "negative", false, TestAccounts.OFFICER).block(Duration.ofSeconds(10));
        // a draft left under the record's id, as when a submission is cut short after storing the record
        mongo.insert(new Document("_id", erased.id()).append("instrumentId", "interview").append("instrumentVersion", 1)
                .append("owner", TestAccounts.OFFICER).append("answers", new Document("police-comment", POLICE_WORDS))
                .append("createdAt", Instant.now()).append("updatedAt", Instant.now()), "drafts").block(Duration.ofSeconds(5));
        LifecycleData.awaitCounted(mongo, List.of(erased.id()));
        aggregates.settled().block(Duration.ofSeconds(30));
        assertThat(LifecycleData.counts(mongo, PAGE_QUARTERS)).as("the record is counted").isNotEqualTo(before);
        assertThat(LifecycleData.storedDocumentsContaining(mongo, encryption, MARKER)).as("its words are stored").isNotEmpty();

        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        admin.get("/admin/erasure");
        org.jsoup.nodes.Document badFormat = admin.refused("/admin/erasure", form("reference", "SV-12"), 400);
        assertThat(badFormat.select(".govuk-error-summary a").attr("href")).isEqualTo("#reference");
        assertThat(badFormat.select("#reference-error").text()).contains("Enter a record reference such as SV-7K3Q-9D2M");
        org.jsoup.nodes.Document unknown = admin.refused("/admin/erasure", form("reference", "SV-0000-0000"), 404);
        assertThat(unknown.select(".govuk-error-summary").text()).contains("There is no record with the reference SV-0000-0000");

        org.jsoup.nodes.Document confirm = admin.refused("/admin/erasure", form("reference", " " + erased.reference().toLowerCase() + " "), 200);
        assertThat(confirm.select("h1").text()).isEqualTo("Erase " + erased.reference() + "?");
        assertThat(confirm.select("main li").eachText()).contains("2 comments from it, with their analysis and reviews",
                "1 quote approved or withdrawn from those comments", "1 draft left under its id");
        assertThat(confirm.text()).doesNotContain(MARKER);
        assertThat(confirm.select("input[name=reference]").attr("value")).isEqualTo(erased.reference());

        org.jsoup.nodes.Document done = admin.submit("/admin/erasure/confirm", form("reference", erased.reference()));
        assertThat(done.select(".govuk-notification-banner").text()).contains("Record " + erased.reference() + " erased");
        aggregates.settled().block(Duration.ofSeconds(30));

        assertThat(LifecycleData.counts(mongo, PAGE_QUARTERS)).as("counts as before the record existed").isEqualTo(before);
        assertThat(ratingsCsv()).isEqualTo(csvBefore);
        LifecycleData.rebuild(client);
        aggregates.settled().block(Duration.ofSeconds(30));
        assertThat(LifecycleData.counts(mongo, PAGE_QUARTERS)).as("a rebuild gives the same counts").isEqualTo(before);

        for (String trace : List.of(MARKER, erased.id(), erased.reference())) {
            assertThat(LifecycleData.storedDocumentsContaining(mongo, encryption, trace)).as(trace)
                    .allMatch(document -> document.startsWith("audit_log: "));
        }
        assertThat(LifecycleData.storedDocumentsContaining(mongo, encryption, MARKER)).as("not even in the audit log").isEmpty();
        List<AuditEntry> entries = mongo.find(Query.query(Criteria.where("action").is(AuditAction.ERASED).and("target").is(erased.reference())),
                AuditEntry.class).collectList().block(Duration.ofSeconds(5));
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo(TestAccounts.ADMIN);
            assertThat(entry.role()).isEqualTo("ADMIN");
            assertThat(entry.targetKind()).isEqualTo(AuditTarget.RECORD);
            assertThat(entry.detail()).isEqualTo("record, 2 comments, 1 quote, 1 draft");
        });
        assertThat(admin.request("/staff/records/" + erased.id()).getStatus().value()).isEqualTo(404);
        admin.get("/admin/erasure");
        admin.refused("/admin/erasure/confirm", form("reference", erased.reference()), 404);
    }

    @Test
    void theApiErasesForAdministratorsOnlyWithProblemsForBadOrUnknownReferences() {
        Stored record = LifecycleData.submit(client, "interview", interview("2005-10-03", "neutral", "no_experience",
                "Nobody explained what MARAC was.", null));
        LifecycleData.awaitCounted(mongo, List.of(record.id()));
        String path = "/api/v1/responses/by-reference/" + record.reference();

        client.delete().uri(path).headers(basic(TestAccounts.OFFICER)).exchange().expectStatus().isForbidden();
        client.delete().uri(path).headers(basic(TestAccounts.READER)).exchange().expectStatus().isForbidden();
        client.delete().uri(path).exchange().expectStatus().isUnauthorized();
        client.delete().uri("/api/v1/responses/by-reference/SV-12").headers(basic(TestAccounts.ADMIN)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("/problems/invalid-reference")
                .jsonPath("$.errors[0].field").isEqualTo("reference");
        client.delete().uri("/api/v1/responses/by-reference/SV-0000-0000").headers(basic(TestAccounts.ADMIN)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("SV-0000-0000"));
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(record.id())), "responses").block()).isTrue();

        client.delete().uri(path).headers(basic(TestAccounts.ADMIN)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.reference").isEqualTo(record.reference())
                .jsonPath("$.erased.records").isEqualTo(1)
                .jsonPath("$.erased.comments").isEqualTo(1)
                .jsonPath("$.erased.quotes").isEqualTo(0);
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(record.id())), "responses").block()).isFalse();
        assertThat(mongo.exists(Query.query(Criteria.where("responseId").is(record.id())), "comments").block()).isFalse();
        client.delete().uri(path).headers(basic(TestAccounts.ADMIN)).exchange().expectStatus().isNotFound();
    }

    @Test
    void officersAndReadersCannotReachTheErasurePage() {
        for (String user : List.of(TestAccounts.OFFICER, TestAccounts.READER)) {
            StaffBrowser browser = StaffBrowser.signIn(client, user, TestAccounts.PASSWORD);
            assertThat(browser.request("/admin/erasure").getStatus().value()).as(user).isEqualTo(403);
            browser.get("/staff");
            EntityExchangeResult<byte[]> posted = browser.post("/admin/erasure/confirm", form("reference", "SV-0000-0000"));
            assertThat(posted.getStatus().value()).as(user).isEqualTo(403);
        }
    }

    private String ratingsCsv() {
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        EntityExchangeResult<byte[]> csv = officer.request("/reports/ratings.csv?from=2005/06-Q2&to=2005/06-Q2");
        assertThat(csv.getStatus().value()).isEqualTo(200);
        return StaffBrowser.body(csv);
    }
}
