package org.survivorvoice.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.survivorvoice.quote.Quote;
import org.survivorvoice.quote.QuoteService;
import org.survivorvoice.response.ResponseApiITData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.LifecycleData.basic;
import static org.survivorvoice.StaffBrowser.form;

/**
 * Every kind of action leaves an entry naming its actor, her role and its target; only
 * administrators read the log; and the log never holds the words of the comment that was viewed,
 * reviewed, quoted and erased. The record is in a quarter (2004/05-Q1) no other test uses.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogIT {

    private static final String MARKER = "Zephyrinthe";
    private static final String WORDS = "The officer " + MARKER + " told me to stop wasting police time and walked off.";
    private static final String QUOTE = "[The officer] told me to stop wasting police time and walked off, " + MARKER + "-quoted.";
    private static final String TYPED_USERNAME = "not-an-account-xq7";
    private static final String PERIOD = "from=2004/05-Q1&to=2004/05-Q1";

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
    QuoteService quotes;

    private Stored record;
    private String commentId;
    private String quoteId;
    private String draftId;

    @BeforeAll
    void actions() {
        TestAccounts.ensure(accounts);
        Map<String, Object> answers = new HashMap<>(ResponseApiITData.completeInterview("2004-05-10"));
        answers.put("police-comment", WORDS);
        record = LifecycleData.submit(client, "interview", answers);
        commentId = record.id() + "/police-comment";
        LifecycleData.awaitCounted(mongo, List.of(record.id()));

        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        officer.get("/staff/records/" + record.id());
        officer.get("/staff/comments?show=all");
        officer.get("/staff/comments/" + commentId);
        officer.submit("/staff/comments/" + commentId, form("sentiment", "very_negative", "themes", "heard-believed",
                "next", "/staff/comments?show=all"));
        officer.get("/staff/quotes/new?comment=" + commentId);
        officer.submit("/staff/quotes", form("comment", commentId, "text", QUOTE, "tone", "negative"));
        quoteId = quotes.forComment(commentId).map(Quote::id).block(Duration.ofSeconds(5));
        officer.submit("/staff/quotes/" + quoteId + "/withdraw", form("back", "comment"));
        officer.get("/reports?" + PERIOD);
        assertThat(officer.request("/reports/ratings.csv?" + PERIOD).getStatus().value()).isEqualTo(200);
        assertThat(officer.request("/reports/quarterly.pdf?" + PERIOD).getStatus().value()).isEqualTo(200);
        officer.get("/staff");
        EntityExchangeResult<byte[]> started = officer.post("/staff/drafts", form("instrument", "interview"));
        draftId = StaffBrowser.location(started).split("/")[3];
        officer.get("/staff/drafts/" + draftId + "/check");
        officer.submit("/staff/drafts/" + draftId + "/delete", form());

        client.get().uri("/api/v1/responses/" + record.id()).headers(basic(TestAccounts.OFFICER)).exchange().expectStatus().isOk();
        client.get().uri("/api/v1/responses?size=5").headers(basic(TestAccounts.OFFICER)).exchange().expectStatus().isOk();
        client.post().uri("/api/v1/imports/interviews?dryRun=false").headers(basic(TestAccounts.OFFICER))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("interview-date,police-rating\n2004-06-02,Negative\n".getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isCreated();
        client.get().uri("/api/v1/reports/quarterly?" + PERIOD + "&group=housing").headers(basic(TestAccounts.READER)).exchange()
                .expectStatus().isOk();

        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        admin.get("/admin/accounts/new");
        admin.submit("/admin/accounts", form("username", "auditee", "password", "a-long-enough-password", "role", "READER",
                "groups", "housing"));
        admin.submit("/admin/accounts/auditee/enabled", form("enabled", "false"));
        admin.get("/admin/audit");
        LifecycleData.rebuild(client);

        StaffBrowser stranger = new StaffBrowser(client);
        stranger.get("/login");
        stranger.post("/login", form("username", TestAccounts.OFFICER, "password", "not-the-password"));
        stranger.get("/login");
        stranger.post("/login", form("username", TYPED_USERNAME, "password", "whatever-it-is"));

        client.delete().uri("/api/v1/responses/by-reference/" + record.reference()).headers(basic(TestAccounts.ADMIN)).exchange()
                .expectStatus().isOk();
    }

    private boolean logged(String actor, String role, AuditAction action, AuditTarget kind, String target) {
        Criteria criteria = Criteria.where("actor").is(actor).and("role").is(role).and("action").is(action).and("targetKind").is(kind);
        if (target != null) {
            criteria = criteria.and("target").is(target);
        }
        return mongo.exists(Query.query(criteria), AuditEntry.class).block(Duration.ofSeconds(5));
    }

    @Test
    void eachKindOfActionIsRecordedWithItsActorRoleAndTarget() {
        String officer = TestAccounts.OFFICER;
        String admin = TestAccounts.ADMIN;
        assertThat(logged(officer, "OFFICER", AuditAction.CREATED, AuditTarget.RECORD, record.reference())).as("record created").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.VIEWED, AuditTarget.RECORD, record.reference())).as("record viewed").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.VIEWED, AuditTarget.RECORDS, "api page 0")).as("records listed").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.VIEWED, AuditTarget.COMMENTS, "all page 1")).as("comments listed").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.VIEWED, AuditTarget.COMMENT, commentId)).as("comment viewed").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.REVIEWED, AuditTarget.COMMENT, commentId)).as("comment reviewed").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.APPROVED, AuditTarget.QUOTE, quoteId)).as("quote approved").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.WITHDRAWN, AuditTarget.QUOTE, quoteId)).as("quote withdrawn").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.VIEWED, AuditTarget.REPORT, "quarterly")).as("report viewed").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.EXPORTED, AuditTarget.REPORT, "ratings.csv")).as("CSV").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.EXPORTED, AuditTarget.REPORT, "quarterly.pdf")).as("PDF").isTrue();
        assertThat(logged(TestAccounts.READER, "READER", AuditAction.VIEWED, AuditTarget.REPORT, "api quarterly")).as("reader").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.DELETED, AuditTarget.DRAFT, draftId)).as("draft deleted").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.IMPORTED, AuditTarget.IMPORT, null)).as("import").isTrue();
        assertThat(logged(admin, "ADMIN", AuditAction.ACCOUNT_CHANGED, AuditTarget.ACCOUNT, "auditee")).as("account").isTrue();
        assertThat(logged(admin, "ADMIN", AuditAction.VIEWED, AuditTarget.AUDIT_LOG, "page 1")).as("audit log viewed").isTrue();
        assertThat(logged(admin, "ADMIN", AuditAction.STARTED, AuditTarget.AGGREGATES, "rebuild")).as("rebuild").isTrue();
        assertThat(logged(admin, "ADMIN", AuditAction.ERASED, AuditTarget.RECORD, record.reference())).as("erasure").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.SIGNED_IN, AuditTarget.SESSION, officer)).as("sign-in").isTrue();
        assertThat(logged(officer, "OFFICER", AuditAction.SIGNIN_FAILED, AuditTarget.SESSION, officer)).as("wrong password").isTrue();
        assertThat(logged("system", "SYSTEM", AuditAction.ACCOUNT_CHANGED, AuditTarget.ACCOUNT, admin)).as("first admin").isTrue();
        assertThat(logged("unknown", "NONE", AuditAction.SIGNIN_FAILED, AuditTarget.SESSION, "unknown")).as("no such account").isTrue();

        AuditEntry accountChange = mongo.findOne(Query.query(Criteria.where("target").is("auditee").and("detail").regex("^created")),
                AuditEntry.class).block(Duration.ofSeconds(5));
        assertThat(accountChange.detail()).isEqualTo("created, role READER, groups housing");
        AuditEntry csv = mongo.findOne(Query.query(Criteria.where("target").is("ratings.csv").and("actor").is(officer)
                .and("detail").regex("^2004/05-Q1")), AuditEntry.class).block(Duration.ofSeconds(5));
        assertThat(csv.detail()).isEqualTo("2004/05-Q1 to 2004/05-Q1, channel all, All agencies");
        assertThat(csv.at()).isNotNull();
        AuditEntry imported = mongo.findOne(Query.query(Criteria.where("action").is(AuditAction.IMPORTED).and("detail").regex("2004/05-Q1")),
                AuditEntry.class).block(Duration.ofSeconds(5));
        assertThat(imported.detail()).isEqualTo("1 interview (2004/05-Q1: 1) through the API");
        assertThat(imported.target()).matches("[0-9a-f]{12}");
    }

    @Test
    void theLogNeverHoldsTheWordsItIsAboutNorAnUnknownTypedUsername() {
        List<String> entries = mongo.findAll(Document.class, AuditLog.COLLECTION).map(Document::toJson).collectList()
                .block(Duration.ofSeconds(10));
        assertThat(entries).isNotEmpty();
        assertThat(entries).noneMatch(json -> json.contains(MARKER));
        assertThat(entries).noneMatch(json -> json.contains("wasting police time"));
        assertThat(entries).noneMatch(json -> json.contains(TYPED_USERNAME));
        assertThat(entries).noneMatch(json -> json.contains("not-the-password") || json.contains("whatever-it-is"));
        assertThat(LifecycleData.storedDocumentsContaining(mongo, encryption, MARKER)).as("and, once erased, nowhere else").isEmpty();
    }

    @Test
    void administratorsReadTheLogNewestFirstByActorAndAction() {
        @SuppressWarnings("unchecked")
        Map<String, Object> page = client.get().uri("/api/v1/audit?actor=officer&action=viewed&size=5").headers(basic(TestAccounts.ADMIN))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).hasSize(5).allSatisfy(item -> {
            assertThat(item).containsEntry("actor", "officer").containsEntry("action", "VIEWED").containsEntry("role", "OFFICER");
            assertThat(item).containsKeys("at", "targetKind", "target", "detail");
        });
        List<String> times = items.stream().map(item -> (String) item.get("at")).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(((Number) page.get("total")).longValue()).isGreaterThanOrEqualTo(5);

        client.get().uri("/api/v1/audit?action=DANCED&page=-2").headers(basic(TestAccounts.ADMIN)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains("action", "page"));

        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        org.jsoup.nodes.Document filtered = admin.get("/admin/audit?actor=housing-reader&action=VIEWED");
        assertThat(filtered.select("tbody tr")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.text()).contains("housing-reader").contains("Viewed"));
        assertThat(filtered.select("select#action option[selected]").attr("value")).isEqualTo("VIEWED");
        EntityExchangeResult<byte[]> bad = admin.request("/admin/audit?actor=%3Cscript%3E&action=NOPE");
        assertThat(bad.getStatus().value()).isEqualTo(400);
        assertThat(StaffBrowser.parse(bad).select(".govuk-error-summary a").eachAttr("href")).containsExactly("#actor", "#action");
        assertThat(admin.get("/staff").select("a[href=/admin/audit]").text()).isEqualTo("Audit log");
    }

    @Test
    void officersAndReadersGet403OnThePageAndTheApi() {
        for (String user : List.of(TestAccounts.OFFICER, TestAccounts.READER)) {
            assertThat(StaffBrowser.signIn(client, user, TestAccounts.PASSWORD).request("/admin/audit").getStatus().value())
                    .as(user).isEqualTo(403);
            client.get().uri("/api/v1/audit").headers(basic(user)).exchange().expectStatus().isForbidden();
        }
        client.get().uri("/api/v1/audit").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/audit").headers(basic(TestAccounts.ADMIN)).exchange().expectStatus().isOk();
    }
}
