package org.survivorvoice.encryption;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.TestKeys;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentRepository;
import org.survivorvoice.analysis.CommentStatus;
import org.survivorvoice.analysis.StoredModel;
import org.survivorvoice.analysis.nlp.AnalysisModel;
import org.survivorvoice.quote.Quote;
import org.survivorvoice.quote.QuoteService;
import org.survivorvoice.response.Response;
import org.survivorvoice.response.ResponseApiITData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.survivorvoice.StaffBrowser.form;
import static org.survivorvoice.encryption.RawDocuments.assertSealed;

/**
 * Free text is encrypted in the database wherever it is stored (a form's comment, an interview
 * draft and record, a focus group's findings and quotes, an import, the comment queue and its
 * evidence, an approved quote), and every reader still gets the text: staff pages and API, the
 * analysis, the reports. Each test writes a unique marker and then looks for it in every raw
 * document of every collection.
 */
@IntegrationTest
class EncryptionAtRestIT {

    private static final Duration ANALYSED = Duration.ofSeconds(180);

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

    RawDocuments raw;
    String marker;

    @BeforeEach
    void setUp() {
        TestAccounts.ensure(accounts);
        raw = new RawDocuments(mongo);
        marker = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void anAnonymousCommentIsStoredEncryptedAndStaffAndTheAnalysisStillReadIt() {
        String text = "The police officer did not listen to me and I felt ignored, " + marker + ".";
        String id = submitFeedback(Map.of("police-rating", "negative", "police-comment", text));
        String commentId = id + "/police-comment";
        awaitAnalysed(commentId);

        Document response = raw.find("responses", id);
        Document answers = response.get("answers", Document.class);
        assertThat(answers.get("police-rating")).as("a rating is not free text: reports count it").isEqualTo("negative");
        assertSealed(answers.get("police-comment"), TestKeys.CURRENT);

        Document comment = raw.find("comments", commentId);
        assertSealed(comment.get("text"), TestKeys.CURRENT);
        assertThat(comment.getString("status")).isEqualTo("DONE");
        Document machine = comment.get("machine", Document.class);
        assertThat(machine.getString("sentiment")).as("the analysis labelled the text it decrypted").isNotBlank();
        if (machine.get("sentimentEvidence") != null) {
            assertSealed(machine.get("sentimentEvidence"), TestKeys.CURRENT);
        }
        machine.getList("themes", Document.class).forEach(theme -> assertSealed(theme.get("evidence"), TestKeys.CURRENT));
        assertThat(comment.get("effective", Document.class).getString("sentiment")).isEqualTo(machine.getString("sentiment"));

        assertThat(raw.containing(marker)).as("the marker in any stored document").isEmpty();

        client.get().uri("/api/v1/responses/" + id).headers(officer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.answers.police-comment").isEqualTo(text);
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        assertThat(officer.get("/staff/comments/" + commentId).text()).contains(text);
        assertThat(officer.get("/staff/records/" + id).text()).contains(text);
        Comment read = comments.findById(commentId).block();
        assertThat(read.text()).isEqualTo(text);
        assertThat(read.machine().sentiment()).isEqualTo(machine.getString("sentiment"));
    }

    @Test
    void aDraftIsStoredEncryptedAtEveryStepAndSoIsTheRecordMadeFromIt() {
        String text = "The officer who came that night believed me, " + marker + ".";
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        org.jsoup.nodes.Document page = officer.submit("/staff/drafts", form("instrument", "interview"));
        String section = action(page);
        String draftId = section.substring("/staff/drafts/".length(), section.indexOf("/sections/"));
        page = officer.submit(section, form("interview-date-day", "14", "interview-date-month", "8",
                "interview-date-year", "2015", "interview-language", "english", "action", "continue"));
        for (String agency : ResponseApiITData.AGENCIES) {
            MultiValueMap<String, String> answers = form(agency + "-rating", "police".equals(agency) ? "negative" : "no_experience",
                    "action", "continue");
            if ("police".equals(agency)) {
                answers.add("police-comment", text);
            }
            page = officer.submit(action(page), answers);
            if ("police".equals(agency)) {
                Document draft = raw.find("drafts", draftId);
                assertSealed(draft.get("answers", Document.class).get("police-comment"), TestKeys.CURRENT);
                assertThat(draft.get("answers", Document.class).get("police-rating")).isEqualTo("negative");
                assertThat(raw.containing(marker)).as("the marker in any stored document, while a draft").isEmpty();
            }
        }
        page = officer.submit(action(page), form("barriers-any", "no", "action", "continue"));
        page = officer.submit(action(page), form("felt-believed", "yes", "felt-safer", "no", "action", "continue"));
        page = officer.submit(action(page), form("action", "continue"));
        assertThat(page.text()).as("the check page reads the draft").contains(text);

        org.jsoup.nodes.Document record = officer.submit(page.selectFirst("form[action$=/submit]").attr("action"), form());
        assertThat(record.text()).contains(text);
        assertSealed(raw.find("responses", draftId).get("answers", Document.class).get("police-comment"), TestKeys.CURRENT);
        assertThat(raw.find("drafts", draftId)).as("the draft is gone").isNull();
        awaitAnalysed(draftId + "/police-comment");
        assertThat(raw.containing(marker)).as("the marker in any stored document").isEmpty();
        assertThat(officer.get("/staff/records/" + draftId).text()).contains(text);
    }

    @Test
    void aFocusGroupsFindingsAndQuotesAreStoredEncryptedAndTheReportStillShowsThem() {
        String finding = "Four of five were concerned at how little evidence was gathered, " + marker + ".";
        String quote = "I just wanted someone to believe me, " + marker + ".";
        Map<String, Object> answers = new HashMap<>();
        answers.put("focus-group-date", "2009-08-10");
        answers.put("area", "criminal-justice");
        answers.put("participants", 5);
        answers.put("key-themes", List.of(Map.of("theme", "evidence-gathering", "finding", finding)));
        answers.put("believed-count", 4);
        answers.put("quotes", List.of(quote));
        String id = submitStaffRecord("focus-group", answers);

        Document stored = raw.find("responses", id).get("answers", Document.class);
        assertSealed(stored.get("key-themes"), TestKeys.CURRENT);
        assertSealed(stored.get("quotes"), TestKeys.CURRENT);
        assertThat(stored.get("area")).isEqualTo("criminal-justice");
        assertThat(stored.get("participants")).isEqualTo(5);
        awaitAnalysed(id + "/key-themes/0");
        assertThat(raw.containing(marker)).as("the marker in any stored document").isEmpty();

        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        assertThat(officer.get("/staff/records/" + id).text()).contains(finding).contains(quote);
        assertThat(officer.get("/reports?from=2009/10-Q2&to=2009/10-Q2").text()).contains(finding).contains("4 of 5");
    }

    @Test
    void anApprovedQuoteIsStoredEncryptedAndListedAsWritten() {
        String id = submitFeedback(Map.of("gp-comment", "The GP listened to me and gave me time, " + marker + "."));
        String commentId = id + "/gp-comment";
        awaitAnalysed(commentId);
        String anonymised = "[The doctor] listened to me and gave me time (" + marker + ").";
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        officer.get("/staff/quotes/new?comment=" + commentId);
        officer.submit("/staff/quotes", form("comment", commentId, "text", anonymised, "tone", "positive"));

        Document stored = raw.where("quotes", "commentId", commentId).get(0);
        assertSealed(stored.get("text"), TestKeys.CURRENT);
        assertThat(stored.getString("status")).isEqualTo("APPROVED");
        assertThat(raw.containing(marker)).as("the marker in any stored document").isEmpty();

        assertThat(quotes.forComment(commentId).map(Quote::text).block()).isEqualTo(anonymised);
        assertThat(officer.get("/staff/quotes").select(".app-quote").eachText()).contains(anonymised);
        // approving again replaces the text: still encrypted, and bound to the same comment
        String again = "[The GP] gave me time (" + marker + ").";
        officer.get("/staff/quotes/new?comment=" + commentId);
        officer.submit("/staff/quotes", form("comment", commentId, "text", again, "tone", "positive"));
        assertSealed(raw.where("quotes", "commentId", commentId).get(0).get("text"), TestKeys.CURRENT);
        assertThat(quotes.forComment(commentId).map(Quote::text).block()).isEqualTo(again);
    }

    @Test
    void importedInterviewsAreStoredEncrypted() {
        String header = "interview-date,interview-language,police-rating,courts-rating,civil-courts-rating,marac-rating,"
                + "social-services-rating,housing-rating,gp-rating,maternity-rating,a-and-e-rating,mental-health-rating,"
                + "specialist-service-rating,barriers-any,barriers,police-comment";
        String row = "2008-11-%02d,English,negative,No experience,no_experience,No experience,Neutral,Negative,positive,"
                + "No experience,No experience,Very negative,Very positive,no,,\"Nobody called me back, %s %d.\"";
        StringBuilder file = new StringBuilder(header).append("\r\n");
        for (int i = 1; i <= 3; i++) {
            file.append(String.format(row, i, marker, i)).append("\r\n");
        }
        client.post().uri("/api/v1/imports/interviews?dryRun=false").headers(officer())
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(file.toString().getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isCreated();

        List<Response> imported = mongo.find(Query.query(Criteria.where("day").regex("^2008-11-0[123]$")), Response.class)
                .collectList().block();
        assertThat(imported).hasSize(3).allSatisfy(response -> {
            assertThat((String) response.answers().get("police-comment")).startsWith("Nobody called me back, " + marker);
            assertSealed(raw.find("responses", response.id()).get("answers", Document.class).get("police-comment"), TestKeys.CURRENT);
        });
        imported.forEach(response -> awaitAnalysed(response.id() + "/police-comment"));
        assertThat(raw.containing(marker)).as("the marker in any stored document").isEmpty();
    }

    @Test
    void reportsCountEncryptedResponsesAndARebuildCountsThemAlike() {
        for (int i = 1; i <= 6; i++) {
            Map<String, Object> answers = new HashMap<>(ResponseApiITData.completeInterview("2009-05-0" + i));
            answers.put("police-comment", "Nobody called me back and I was scared, " + marker + " " + i + ".");
            String id = submitStaffRecord("interview", answers);
            awaitAnalysed(id + "/police-comment");
        }
        assertThat(raw.containing(marker)).isEmpty();

        Consumer<WebTestClient.BodyContentSpec> sixNegativeAnalysed = body -> body
                .jsonPath("$.agencies[?(@.id=='police')].base").isEqualTo(6)
                .jsonPath("$.agencies[?(@.id=='police')].counts.negative").isEqualTo(6)
                .jsonPath("$.agencies[?(@.id=='police')].sentiment.comments.count").isEqualTo(6)
                .jsonPath("$.agencies[?(@.id=='police')].sentiment.analysed.count").isEqualTo(6);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> sixNegativeAnalysed.accept(quarterlyReport()));

        client.post().uri("/api/v1/reports/rebuild").headers(h -> h.setBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD))
                .exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> client.get().uri("/api/v1/reports/rebuild")
                .headers(h -> h.setBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD)).exchange()
                .expectBody().jsonPath("$.running").isEqualTo(false).jsonPath("$.finishedAt").isNotEmpty());
        sixNegativeAnalysed.accept(quarterlyReport());
    }

    @Test
    void aTrainedModelIsStoredEncryptedForItsVocabularyHoldsTheCommentsWords() {
        await().atMost(ANALYSED).until(() -> mongo.count(new Query(), StoredModel.class).block() > 0);
        List<StoredModel> models = mongo.findAll(StoredModel.class).collectList().block();
        assertThat(models).isNotEmpty().allSatisfy(model -> {
            assertSealed(raw.find("analysis_models", model.id()).get("bytes"), TestKeys.CURRENT);
            // read back through the application, it is a model again
            assertThat(AnalysisModel.fromBytes(model.bytes()).description()).isEqualTo(model.description());
        });
    }

    @Test
    void aResponseStoredBeforeEncryptionWasOnIsReadAsItIs() {
        String text = "Written before the key was configured, " + marker + ".";
        String id = UUID.randomUUID().toString();
        raw.insert("responses", new Document("_id", id).append("instrumentId", "feedback").append("instrumentVersion", 1)
                .append("channel", "ANONYMOUS_FORM").append("day", "2003-05-02").append("quarter", "2003/04-Q1").append("language", "en")
                .append("answers", new Document("police-rating", "neutral").append("police-comment", text))
                .append("analysisQueued", true).append("aggregated", true).append("_class", Response.class.getName()));

        client.get().uri("/api/v1/responses/" + id).headers(officer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.answers.police-comment").isEqualTo(text);
        assertThat(raw.find("responses", id).get("answers", Document.class).get("police-comment")).isEqualTo(text);
    }

    @Test
    void aValueCopiedIntoAnotherDocumentDoesNotDecryptThere() {
        String first = submitFeedback(Map.of("police-comment", "First, " + marker + "."));
        String second = submitFeedback(Map.of("police-comment", "Second, " + marker + "."));
        Document original = raw.find("responses", second);
        Document victim = raw.find("responses", second);
        victim.get("answers", Document.class).put("police-comment",
                raw.find("responses", first).get("answers", Document.class).get("police-comment"));
        raw.replace("responses", victim);
        try {
            client.get().uri("/api/v1/responses/" + second).headers(officer()).exchange()
                    .expectStatus().isEqualTo(500)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class).value(body -> assertThat(body).doesNotContain(marker).doesNotContain("First")
                            .doesNotContain("Exception").doesNotContain("\tat "));
        } finally {
            // the rest of the suite shares this database: reports and rebuilds read every response
            raw.replace("responses", original);
        }
        client.get().uri("/api/v1/responses/" + second).headers(officer()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.answers.police-comment").isEqualTo("Second, " + marker + ".");
    }

    private WebTestClient.BodyContentSpec quarterlyReport() {
        return client.get().uri("/api/v1/reports/quarterly?from=2009/10-Q1&to=2009/10-Q1&channel=interview").headers(officer())
                .exchange().expectStatus().isOk().expectBody();
    }

    private void awaitAnalysed(String commentId) {
        await().atMost(ANALYSED).pollInterval(Duration.ofMillis(300)).until(() -> {
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

    private String submitStaffRecord(String instrument, Map<String, Object> answers) {
        return (String) client.post().uri("/api/v1/instruments/" + instrument + "/responses").headers(officer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answers", answers))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static String action(org.jsoup.nodes.Document page) {
        return page.selectFirst("main form[method=post]").attr("action");
    }

    private static Consumer<HttpHeaders> officer() {
        return h -> h.setBasicAuth(TestAccounts.OFFICER, TestAccounts.PASSWORD);
    }
}
