package org.survivorvoice.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.encryption.FreeTextEncryption;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.LifecycleData;
import org.survivorvoice.LifecycleData.Stored;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentReview;
import org.survivorvoice.audit.Actor;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditEntry;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.quote.Quote;
import org.survivorvoice.quote.QuoteService;
import org.survivorvoice.quote.QuoteStatus;
import org.survivorvoice.report.Aggregates;
import org.survivorvoice.response.Response;
import org.survivorvoice.response.ResponseApiITData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.StaffBrowser.form;

/**
 * The retention job on records dated long ago (2002, before the test's cut-off of 1 January 2003)
 * and on records after the cut-off (2003): the old records' words are gone from every raw document,
 * their labels and counts stay (a rebuild gives the same counts), approved quotes and focus group
 * findings stay, and the newer records are untouched. No other test uses these years.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionIT {

    private static final LocalDate CUTOFF = LocalDate.of(2003, 1, 1);
    private static final List<String> QUARTERS = List.of("2002/03-Q1", "2003/04-Q1");
    private static final String OLD_POLICE = "The officer Vantrellis took my statement in the hallway with him listening.";
    private static final String OLD_HOUSING = "Housing lost the Morvaine forms twice and we stayed in one room.";
    private static final String OLD_QUOTE = "Participant Corvessa said the court felt like being on trial herself.";
    private static final String OLD_NOTES = "Group held at the Lindqvarn centre; one participant left early.";
    private static final String FINDING = "Four of the five were not told when the bail conditions changed.";
    private static final String APPROVED = "[The officer] took my statement in the hallway with [my ex-partner] listening.";
    private static final String WITHDRAWN = "Housing lost the [council] forms twice, Morvaine-withdrawn.";
    private static final String OLD_DRAFT = "Draft words of Pellingrath that were never submitted.";
    private static final String NEW_POLICE = "The officer Ostrevane was kind and rang me every week.";
    private static final String NEW_DRAFT = "Draft words of Hasketh still being written.";

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
    @Autowired
    Retention retention;
    @Autowired
    AuditLog audit;

    private Stored old;
    private Stored group;
    private Stored recent;
    private Map<String, Long> countsBefore;
    private Map<String, Object> reportBefore;
    private Retention.Run run;

    @BeforeAll
    void redactTheOldRecords() {
        TestAccounts.ensure(accounts);
        Map<String, Object> oldInterview = new HashMap<>(ResponseApiITData.completeInterview("2002-05-14"));
        oldInterview.put("police-comment", OLD_POLICE);
        oldInterview.put("housing-rating", "very_negative");
        oldInterview.put("housing-comment", OLD_HOUSING);
        old = LifecycleData.submit(client, "interview", oldInterview);
        group = LifecycleData.submit(client, "focus-group", Map.of("focus-group-date", "2002-06-20", "area", "criminal-justice",
                "participants", 5, "key-themes", List.of(Map.of("theme", "bail-breaches", "finding", FINDING)),
                "believed-count", 4, "quotes", List.of(OLD_QUOTE), "notes", OLD_NOTES));
        Map<String, Object> newInterview = new HashMap<>(ResponseApiITData.completeInterview("2003-05-14"));
        newInterview.put("police-rating", "positive");
        newInterview.put("police-comment", NEW_POLICE);
        recent = LifecycleData.submit(client, "interview", newInterview);
        LifecycleData.awaitCounted(mongo, List.of(old.id(), group.id(), recent.id()));

        String police = old.id() + "/police-comment";
        review.review(police, "very_negative", List.of("heard-believed"), TestAccounts.OFFICER).block(Duration.ofSeconds(10));
        quotes.approve(police, APPROVED, "negative", false, TestAccounts.OFFICER).block(Duration.ofSeconds(10));
        Quote withdrawn = quotes.approve(old.id() + "/housing-comment", WITHDRAWN, "negative", false, TestAccounts.OFFICER)
                .block(Duration.ofSeconds(10));
        quotes.withdraw(withdrawn.id(), TestAccounts.OFFICER).block(Duration.ofSeconds(10));
        mongo.insert(draft("old-draft", OLD_DRAFT, Instant.parse("2002-06-01T10:00:00Z")), "drafts").block(Duration.ofSeconds(5));
        mongo.insert(draft("new-draft", NEW_DRAFT, Instant.now()), "drafts").block(Duration.ofSeconds(5));
        LifecycleData.awaitCounted(mongo, List.of(old.id(), group.id(), recent.id()));
        aggregates.settled().block(Duration.ofSeconds(30));
        countsBefore = LifecycleData.counts(mongo, QUARTERS);
        reportBefore = report();

        run = retention.redactBefore(CUTOFF, Actor.SYSTEM).block(Duration.ofSeconds(60));
        aggregates.settled().block(Duration.ofSeconds(30));
    }

    private static Document draft(String id, String words, Instant updated) {
        return new Document("_id", id).append("instrumentId", "interview").append("instrumentVersion", 1)
                .append("owner", TestAccounts.OFFICER)
                .append("answers", new Document("police-rating", "negative").append("police-comment", words))
                .append("createdAt", updated).append("updatedAt", updated);
    }

    @Test
    void theOldWordsAreGoneFromEveryRawDocument() {
        for (String words : List.of(OLD_POLICE, OLD_HOUSING, OLD_QUOTE, OLD_NOTES, OLD_DRAFT, "Vantrellis", "Morvaine", "Corvessa",
                "Lindqvarn", "Pellingrath")) {
            assertThat(LifecycleData.storedDocumentsContaining(mongo, encryption, words)).as(words).isEmpty();
        }
        assertThat(run.cutoff()).isEqualTo(CUTOFF);
        assertThat(run.records()).as("the old interview and focus group").isEqualTo(2);
        assertThat(run.comments()).as("2 interview comments, the group's quote and notes").isEqualTo(4);
        assertThat(run.drafts()).isEqualTo(1);
        assertThat(run.quotes()).as("the withdrawn quote").isEqualTo(1);
        assertThat(run.waiting()).isZero();
    }

    @Test
    void labelsCountsAndApprovedQuotesStayAndARebuildGivesTheSameCounts() {
        Comment police = mongo.findById(old.id() + "/police-comment", Comment.class).block(Duration.ofSeconds(5));
        assertThat(police.text()).isNull();
        assertThat(police.redactedOn()).isEqualTo(LocalDate.now().toString());
        assertThat(police.effective().sentiment()).isEqualTo("very_negative");
        assertThat(police.effective().themes()).containsExactly("heard-believed");
        assertThat(police.human().by()).isEqualTo(TestAccounts.OFFICER);
        assertThat(police.machine().sentimentEvidence()).isEmpty();
        assertThat(police.machine().themes()).allSatisfy(theme -> assertThat(theme.evidence()).isEmpty());

        Response response = mongo.findById(old.id(), Response.class).block(Duration.ofSeconds(5));
        assertThat(response.answers()).doesNotContainKeys("police-comment", "housing-comment").containsEntry("police-rating", "negative");
        assertThat(response.redaction().questions()).containsExactlyInAnyOrder("police-comment", "housing-comment");

        List<Quote> left = mongo.find(Query.query(Criteria.where("responseId").is(old.id())), Quote.class).collectList().block();
        assertThat(left).singleElement().satisfies(quote -> {
            assertThat(quote.status()).isEqualTo(QuoteStatus.APPROVED);
            assertThat(quote.text()).isEqualTo(APPROVED);
        });
        assertThat(LifecycleData.storedDocumentsContaining(mongo, encryption, FINDING)).as("the officer's finding stays").isNotEmpty();

        assertThat(LifecycleData.counts(mongo, QUARTERS)).isEqualTo(countsBefore).isNotEmpty();
        assertThat(report()).isEqualTo(reportBefore);
        LifecycleData.rebuild(client);
        aggregates.settled().block(Duration.ofSeconds(30));
        assertThat(LifecycleData.counts(mongo, QUARTERS)).isEqualTo(countsBefore);
    }

    @Test
    void recordsAfterTheCutoffAreUntouched() {
        Response newer = mongo.findById(recent.id(), Response.class).block(Duration.ofSeconds(5));
        assertThat(newer.answers()).containsEntry("police-comment", NEW_POLICE);
        assertThat(newer.redaction()).isNull();
        Comment comment = mongo.findById(recent.id() + "/police-comment", Comment.class).block(Duration.ofSeconds(5));
        assertThat(comment.text()).isEqualTo(NEW_POLICE);
        assertThat(comment.redactedOn()).isNull();
        assertThat(LifecycleData.storedDocumentsContaining(mongo, encryption, NEW_DRAFT)).hasSize(1);
    }

    @Test
    void aSecondRunFindsNothingLeftToRemove() {
        Retention.Run again = retention.redactBefore(CUTOFF, Actor.SYSTEM).block(Duration.ofSeconds(60));
        assertThat(again.records() + again.comments() + again.drafts() + again.quotes()).isZero();
    }

    @Test
    void theRunIsAuditedAsTheSystemAndTheAdminPageShowsTheSettingAndTheLastRun() {
        AuditEntry last = audit.latest(AuditAction.REDACTED, AuditTarget.RETENTION).block(Duration.ofSeconds(5));
        assertThat(last.actor()).isEqualTo("system");
        assertThat(last.role()).isEqualTo("SYSTEM");
        assertThat(last.target()).isEqualTo("before 2003-01-01");
        assertThat(last.detail()).contains("free text of days before 2003-01-01");

        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        org.jsoup.nodes.Document page = admin.get("/admin/retention");
        assertThat(page.select(".govuk-summary-list").text()).contains("2 years after the record's date (P24M")
                .contains("Last run").contains("by system").contains("before 2003-01-01").contains("Not on a schedule");
        for (String user : List.of(TestAccounts.OFFICER, TestAccounts.READER)) {
            assertThat(StaffBrowser.signIn(client, user, TestAccounts.PASSWORD).request("/admin/retention").getStatus().value())
                    .as(user).isEqualTo(403);
        }
    }

    @Test
    void pagesSayTheWordsWereRemovedAndTheCommentCannotBeQuotedAgain() {
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        String removed = "(removed on " + LocalDate.now() + " after the retention period)";
        assertThat(officer.get("/staff/records/" + old.id()).text()).contains(removed);
        String housing = old.id() + "/housing-comment";
        org.jsoup.nodes.Document commentPage = officer.get("/staff/comments/" + housing);
        assertThat(commentPage.select(".app-comment").first().text()).isEqualTo("(text removed on " + LocalDate.now()
                + " after the retention period)");
        assertThat(commentPage.select("#quote ~ p").text()).contains("can no longer be quoted");
        officer.get("/staff/quotes/new?comment=" + housing);
        org.jsoup.nodes.Document refused = officer.refused("/staff/quotes", form("comment", housing, "text", "Anything at all.",
                "tone", "negative"), 400);
        assertThat(refused.select(".govuk-error-summary").text()).contains("removed from this comment after the retention period");
    }

    /** The report of both years as JSON, without the number of updates waiting (which says nothing about the counts). */
    private Map<String, Object> report() {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = client.get().uri("/api/v1/reports/quarterly?from=2002/03-Q1&to=2003/04-Q1")
                .headers(LifecycleData.basic(TestAccounts.OFFICER))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        json.remove("pendingUpdates");
        return json;
    }
}
