package org.survivorvoice.encryption;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.TestKeys;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentRepository;
import org.survivorvoice.analysis.CommentStatus;
import org.survivorvoice.quote.Quote;
import org.survivorvoice.quote.QuoteService;
import org.survivorvoice.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.survivorvoice.StaffBrowser.form;
import static org.survivorvoice.encryption.RawDocuments.assertSealed;

/**
 * A key change: values written under the older key ({@link TestKeys#OLDER}) and values stored
 * before encryption was on are counted by key, re-encrypted with the current key by the
 * administrator, and still read as before. A second run finds nothing to do.
 */
@IntegrationTest
class ReencryptionIT {

    @Autowired
    WebTestClient client;
    @Autowired
    AccountService accounts;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    CommentRepository comments;
    @Autowired
    QuoteService quotes;
    @Autowired
    Rekeying rekeying;

    RawDocuments raw;
    String marker;

    @BeforeEach
    void setUp() {
        TestAccounts.ensure(accounts);
        raw = new RawDocuments(mongo);
        marker = "Zr" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void valuesUnderAnOlderKeyOrNoKeyAreReencryptedWithTheCurrentKeyAndStillRead() {
        // Written with the current key, then turned into what the older key would have written.
        String commentText = "The police officer did not listen to me and nobody called me back, " + marker + ".";
        String responseId = submitFeedback(Map.of("police-rating", "negative", "police-comment", commentText));
        String commentId = responseId + "/police-comment";
        awaitAnalysed(commentId);
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        String quoteText = "[The officer] did not listen to me, " + marker + ".";
        officer.get("/staff/quotes/new?comment=" + commentId);
        officer.submit("/staff/quotes", form("comment", commentId, "text", quoteText, "tone", "negative"));
        String draftText = "Housing left us in one room for eight months, " + marker + ".";
        String draftId = draftWithHousingComment(officer, draftText);
        Document quote = raw.where("quotes", "commentId", commentId).get(0);

        int aged = age("responses", raw.find("responses", responseId)) + age("comments", raw.find("comments", commentId))
                + age("quotes", quote) + age("drafts", raw.find("drafts", draftId));
        assertThat(aged).as("values now under the older key").isGreaterThanOrEqualTo(4);
        assertSealed(raw.find("comments", commentId).get("text"), TestKeys.OLDER);

        // Stored before encryption was turned on: plain.
        String legacyText = "Written before the key was configured, " + marker + ".";
        String legacyId = UUID.randomUUID().toString();
        raw.insert("responses", new Document("_id", legacyId).append("instrumentId", "feedback").append("instrumentVersion", 1)
                .append("channel", "ANONYMOUS_FORM").append("day", "2003-06-02").append("quarter", "2003/04-Q1").append("language", "en")
                .append("answers", new Document("housing-rating", "neutral").append("housing-comment", legacyText))
                .append("analysisQueued", true).append("aggregated", true).append("_class", Response.class.getName()));
        raw.insert("comments", new Document("_id", legacyId + "/housing-comment").append("responseId", legacyId)
                .append("instrumentId", "feedback").append("channel", "ANONYMOUS_FORM").append("questionId", "housing-comment")
                .append("agency", "housing").append("quarter", "2003/04-Q1").append("kind", "comment").append("text", legacyText)
                .append("status", "DONE").append("attempts", 1).append("generation", 1)
                .append("machine", new Document("sentiment", "neutral").append("confidence", 0.5)
                        .append("sentimentEvidence", List.of("“one room”")).append("themes", List.of()).append("model", "m"))
                .append("effective", new Document("sentiment", "neutral").append("themes", List.of()).append("source", "machine")));
        assertThat(raw.containing(marker)).as("plain until re-encrypted")
                .containsExactlyInAnyOrder("responses/" + legacyId, "comments/" + legacyId + "/housing-comment");

        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        admin.submit("/admin/encryption/count", form());
        Rekeying.Progress counted = awaitFinished();
        assertThat(counted.mode()).isEqualTo(Rekeying.Mode.COUNT);
        assertThat(counted.byKey().get(TestKeys.OLDER)).isGreaterThanOrEqualTo(aged);
        assertThat(counted.byKey().get(Rekeying.UNENCRYPTED)).isGreaterThanOrEqualTo(3); // answer, comment text, evidence
        assertThat(counted.reencrypted()).isZero();
        assertThat(raw.find("comments", commentId).get("text", Document.class).getString("k")).as("counting changes nothing")
                .isEqualTo(TestKeys.OLDER);
        org.jsoup.nodes.Document page = admin.get("/admin/encryption");
        assertThat(rows(page)).contains(List.of(TestKeys.OLDER, "older key: re-encrypt, then it can be removed",
                String.valueOf(counted.byKey().get(TestKeys.OLDER))), List.of("(none)", "not encrypted",
                String.valueOf(counted.byKey().get(Rekeying.UNENCRYPTED))));

        admin.submit("/admin/encryption/rotate", form());
        Rekeying.Progress rotated = awaitFinished();
        assertThat(rotated.mode()).isEqualTo(Rekeying.Mode.REENCRYPT);
        assertThat(rotated.byKey()).containsOnlyKeys(TestKeys.CURRENT);
        assertThat(rotated.reencrypted()).isGreaterThanOrEqualTo(aged + 3);
        assertThat(rotated.changedMeanwhile()).isZero();
        assertThat(rotated.unreadable()).isZero();
        assertThat(mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("targetKind").is("ENCRYPTION")
                                .and("target").is("re-encrypt with key " + TestKeys.CURRENT)), Document.class, "audit_log")
                .collectList().block()).as("the run is in the audit log").isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.getString("actor")).isEqualTo(TestAccounts.ADMIN));
        assertThat(rows(admin.get("/admin/encryption"))).containsExactly(List.of(TestKeys.CURRENT, "current key",
                String.valueOf(rotated.byKey().get(TestKeys.CURRENT))));

        // Only the current key is left, in every one of these documents, and no plain text.
        for (String[] place : new String[][] {{"responses", responseId}, {"comments", commentId}, {"drafts", draftId},
                {"responses", legacyId}, {"comments", legacyId + "/housing-comment"}}) {
            assertOnlyCurrentKey(place[0], raw.find(place[0], place[1]));
        }
        assertOnlyCurrentKey("quotes", raw.where("quotes", "commentId", commentId).get(0));
        assertSealed(raw.find("responses", legacyId).get("answers", Document.class).get("housing-comment"), TestKeys.CURRENT);
        assertSealed(raw.find("comments", legacyId + "/housing-comment").get("machine", Document.class).get("sentimentEvidence"),
                TestKeys.CURRENT);
        assertThat(raw.find("responses", legacyId).get("answers", Document.class).get("housing-rating")).isEqualTo("neutral");
        assertThat(raw.containing(marker)).isEmpty();

        // Everything still reads.
        client.get().uri("/api/v1/responses/" + responseId).headers(h -> h.setBasicAuth(TestAccounts.OFFICER, TestAccounts.PASSWORD))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.answers.police-comment").isEqualTo(commentText);
        client.get().uri("/api/v1/responses/" + legacyId).headers(h -> h.setBasicAuth(TestAccounts.OFFICER, TestAccounts.PASSWORD))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.answers.housing-comment").isEqualTo(legacyText);
        assertThat(comments.findById(commentId).map(Comment::text).block()).isEqualTo(commentText);
        assertThat(comments.findById(legacyId + "/housing-comment").block().machine().sentimentEvidence()).containsExactly("“one room”");
        assertThat(quotes.forComment(commentId).map(Quote::text).block()).isEqualTo(quoteText);
        assertThat(officer.get("/staff/drafts/" + draftId + "/check").text()).contains(draftText);
        assertThat(officer.get("/staff/comments/" + commentId).text()).contains(commentText).contains(quoteText);

        // Again: nothing left to do.
        admin.submit("/admin/encryption/rotate", form());
        Rekeying.Progress again = awaitFinished();
        assertThat(again.reencrypted()).isZero();
        assertThat(again.byKey()).isEqualTo(rotated.byKey());
    }

    @Test
    void aDocumentChangedWhileItIsBeingReencryptedIsReadAgainNotOverwritten() {
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        String draftId = draftWithHousingComment(officer, "First version, " + marker + ".");
        age("drafts", raw.find("drafts", draftId));
        Document asRead = raw.find("drafts", draftId);
        // meanwhile the officer saves the section again
        String newer = "Second version, " + marker + ".";
        officer.submit("/staff/drafts/" + draftId + "/sections/housing",
                form("housing-rating", "negative", "housing-comment", newer, "action", "later"));

        Rekeying.Run run = rekeying.new Run(Rekeying.Mode.REENCRYPT, TestKeys.CURRENT);
        run.process("drafts", asRead, 1).block(Duration.ofSeconds(10));

        assertThat(officer.get("/staff/drafts/" + draftId + "/check").text()).contains(newer).doesNotContain("First version");
        assertSealed(raw.find("drafts", draftId).get("answers", Document.class).get("housing-comment"), TestKeys.CURRENT);
        Rekeying.Progress figures = run.snapshot(false, null, 0, null);
        assertThat(figures.documents()).isEqualTo(1);
        assertThat(figures.reencrypted()).as("read again: nothing left to re-encrypt").isZero();
        assertThat(figures.byKey()).containsExactly(Map.entry(TestKeys.CURRENT, 1L));
    }

    @Test
    void onlyAdministratorsSeeThePageOrStartARun() {
        Rekeying.Progress before = rekeying.progress();
        assertThat(new StaffBrowser(client).request("/admin/encryption").getResponseHeaders().getLocation()).hasToString("/login");
        for (String user : List.of(TestAccounts.READER, TestAccounts.OFFICER)) {
            StaffBrowser staff = StaffBrowser.signIn(client, user, TestAccounts.PASSWORD);
            assertThat(staff.request("/admin/encryption").getStatus().value()).as(user).isEqualTo(403);
            assertThat(staff.request("/admin/encryption/progress").getStatus().value()).as(user).isEqualTo(403);
            staff.get("/staff");
            assertThat(staff.post("/admin/encryption/rotate", form()).getStatus().value()).as(user).isEqualTo(403);
            assertThat(staff.post("/admin/encryption/count", form()).getStatus().value()).as(user).isEqualTo(403);
        }
        assertThat(rekeying.progress()).as("no run was started").isSameAs(before);

        org.jsoup.nodes.Document page = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD).get("/admin/encryption");
        assertThat(page.select("h1").text()).isEqualTo("Encryption at rest");
        assertThat(page.select(".govuk-summary-list").text()).contains("encrypted with key " + TestKeys.CURRENT)
                .contains(TestKeys.OLDER).doesNotContain(TestKeys.CURRENT_KEY).doesNotContain(TestKeys.OLDER_KEY);
    }

    /**
     * Re-encrypts every encrypted value of a stored document with the older key, as it would be had it
     * been written before the key changed. @return how many values
     */
    private int age(String collection, Document document) {
        FreeTextCipher reader = new FreeTextCipher(Keyring.of(new EncryptionProperties(TestKeys.CURRENT,
                Map.of(TestKeys.CURRENT, TestKeys.CURRENT_KEY, TestKeys.OLDER, TestKeys.OLDER_KEY), false)));
        FreeTextCipher older = new FreeTextCipher(Keyring.of(new EncryptionProperties(TestKeys.OLDER,
                Map.of(TestKeys.OLDER, TestKeys.OLDER_KEY), false)));
        String owner = FreeTextFields.owner(collection, document);
        List<String> paths = new ArrayList<>();
        FreeTextEncryption.forEachSealed(collection, document, (path, sealed) -> paths.add(path));
        for (String path : paths) {
            Place place = new Place(collection, owner, path);
            FreeTextFields.set(document, path, older.seal(reader.open((Document) FreeTextFields.get(document, path), place), place));
        }
        raw.replace(collection, document);
        return paths.size();
    }

    private static void assertOnlyCurrentKey(String collection, Document document) {
        List<String> keys = new ArrayList<>();
        FreeTextEncryption.forEachSealed(collection, document, (path, sealed) -> keys.add(sealed.getString("k")));
        assertThat(keys).as("%s %s", collection, document.get("_id")).isNotEmpty().containsOnly(TestKeys.CURRENT);
    }

    private Rekeying.Progress awaitFinished() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> !rekeying.progress().running());
        Rekeying.Progress progress = rekeying.progress();
        assertThat(progress.problem()).isNull();
        return progress;
    }

    private static List<List<String>> rows(org.jsoup.nodes.Document page) {
        return page.select("#by-key tbody tr").stream()
                .map(row -> row.select("td").stream().map(Element::text).toList()).toList();
    }

    private String draftWithHousingComment(StaffBrowser officer, String text) {
        org.jsoup.nodes.Document page = officer.submit("/staff/drafts", form("instrument", "interview"));
        String section = page.selectFirst("main form[method=post]").attr("action");
        String draftPath = section.substring(0, section.indexOf("/sections/"));
        officer.submit(draftPath + "/sections/housing", form("housing-rating", "negative", "housing-comment", text, "action", "later"));
        String draftId = draftPath.substring("/staff/drafts/".length());
        assertSealed(raw.find("drafts", draftId).get("answers", Document.class).get("housing-comment"), TestKeys.CURRENT);
        return draftId;
    }

    private void awaitAnalysed(String commentId) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Comment comment = comments.findById(commentId).block();
            return comment != null && comment.status() == CommentStatus.DONE;
        });
    }

    private String submitFeedback(Map<String, Object> answers) {
        return (String) client.post().uri("/api/v1/instruments/feedback/responses").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answers", answers))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
