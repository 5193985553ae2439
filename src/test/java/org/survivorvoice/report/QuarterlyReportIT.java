package org.survivorvoice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentStatus;
import org.survivorvoice.response.ResponseApiITData;

/**
 * The brief's hand-made table, rebuilt from interviews: 68 clients asked about the police over
 * 2015/16 Q2-Q4 give exactly 19 / 24 / 12 / 22 / 13 / 10 %, in HTML, CSV, PDF and JSON; the MARAC
 * table of six people is hidden; a Housing reader reaches nothing else; a rebuild gives the same
 * counts as the incremental updates. Its own application (own data), so no other test's
 * interviews fall in the period.
 */
@IntegrationTest
@TestPropertySource(properties = "sv.reports.threshold=5")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuarterlyReportIT {

    private static final String PERIOD = "from=2015/16-Q2&to=2015/16-Q4";
    private static final String POLICE_COMMENT = "The officer who came out was brilliant and stayed with me until my sister arrived.";
    private static final String HOUSING_COMMENT = "Housing kept losing my forms and I waited months in a hotel room with the kids.";
    private static final String FINDING = "Four of the five were concerned at how little evidence was gathered at the scene.";
    private static final String HOUSING_QUOTE = "Housing kept losing my forms and I waited months in [temporary accommodation] with [my children].";

    @Autowired
    WebTestClient client;
    @Autowired
    AccountService accounts;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    Aggregates aggregates;
    @Autowired
    AggregateStore store;
    @Autowired
    org.survivorvoice.quote.QuoteService quotes;
    @Autowired
    org.survivorvoice.analysis.CommentReview review;

    private String firstInterview;

    @BeforeAll
    void interviews() {
        TestAccounts.ensure(accounts);
        List<String> police = answers(Map.of("very_positive", 13, "positive", 16, "neutral", 8, "negative", 15, "very_negative", 9,
                "no_experience", 7));
        List<String> housing = answers(Map.of("very_positive", 6, "positive", 7, "neutral", 9, "negative", 11, "very_negative", 11,
                "no_experience", 24));
        List<String> days = new ArrayList<>();
        for (int i = 0; i < 68; i++) {
            days.add(i < 20 ? "2015-08-" + String.format("%02d", 1 + i) : i < 44 ? "2015-11-" + String.format("%02d", i - 19)
                    : "2016-02-" + String.format("%02d", i - 43));
        }
        for (int i = 0; i < 68; i++) {
            Map<String, Object> answers = new HashMap<>(ResponseApiITData.completeInterview(days.get(i)));
            answers.remove("police-comment");
            answers.put("police-rating", police.get(i));
            answers.put("housing-rating", housing.get(i));
            answers.put("barriers-any", i % 2 == 0 ? "yes" : "no");
            if (i % 2 != 0) {
                answers.remove("barriers");
            }
            if (i >= 53) { // Q4, the last 15: MARAC was asked; 6 referred, and their experience split 2/2/2
                answers.put("marac-referred", i < 59 ? "yes" : "no");
                if (i < 59) {
                    answers.put("marac-aware", "yes");
                    answers.put("marac-rating", List.of("very_positive", "positive", "neutral").get((i - 53) % 3));
                }
            }
            if (i == 0) {
                answers.put("police-comment", POLICE_COMMENT);
                answers.put("housing-comment", HOUSING_COMMENT);
            }
            Object id = client.post().uri("/api/v1/instruments/interview/responses").headers(officer()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("answers", answers)).exchange().expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id");
            if (i == 0) {
                firstInterview = (String) id;
            }
        }
        client.post().uri("/api/v1/instruments/focus-group/responses").headers(officer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answers", Map.of("focus-group-date", "2015-11-20", "area", "criminal-justice", "participants", 5,
                        "key-themes", List.of(Map.of("theme", "evidence-gathering", "finding", FINDING)),
                        "believed-count", 4, "safer-count", 2)))
                .exchange().expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                mongo.count(Query.query(Criteria.where("status").in(CommentStatus.PENDING, CommentStatus.RUNNING)), Comment.class).block() == 0);
        aggregates.settled().block(Duration.ofSeconds(30));
        quotes.approve(firstInterview + "/housing-comment", HOUSING_QUOTE, "negative", false, TestAccounts.OFFICER)
                .block(Duration.ofSeconds(10));
    }

    /** One rating per interview, in a fixed order, so that each value appears {@code counts} times. */
    private static List<String> answers(Map<String, Integer> counts) {
        List<String> values = new ArrayList<>();
        new TreeMap<>(counts).forEach((value, n) -> {
            for (int i = 0; i < n; i++) {
                values.add(value);
            }
        });
        java.util.Collections.shuffle(values, new java.util.Random(68));
        return values;
    }

    @Test
    void htmlShowsTheBriefsPoliceRow() {
        Document page = officerBrowser().get("/reports?" + PERIOD + "&channel=all");

        Element police = page.selectFirst("#ratings-table tr[data-agency=police]");
        assertThat(police).isNotNull();
        assertThat(police.selectFirst("[data-cell=base]").text()).isEqualTo("68");
        assertThat(percentages(police)).containsExactly("19%", "24%", "12%", "22%", "13%", "10%");
        assertThat(police.selectFirst("[data-cell=very_positive]").text()).isEqualTo("13 (19%)");
        assertThat(police.text()).endsWith("2015/16 Q2, Q3, Q4");
        assertThat(page.select("svg.app-chart").size()).as("one chart across agencies and one per agency").isGreaterThan(1);
    }

    @Test
    void focusGroupsShowTheirKeyThemesAndTallies() {
        Document page = officerBrowser().get("/reports?" + PERIOD);

        Element group = page.selectFirst(".app-focus-group");
        assertThat(group.selectFirst("h3").text()).isEqualTo("Criminal justice, 2015-11-20 (5 participants)");
        assertThat(group.select("ol li").eachText()).containsExactly("Evidence gathering. " + FINDING);
        assertThat(group.select("ul li").eachText()).containsExactly("4 of 5 felt believed", "2 of 5 felt safer");
        assertThat(text(officerBrowser().request("/reports/focus-groups.csv?" + PERIOD))).contains(FINDING, "4 of 5 felt believed");
        // The Housing group's reader does not see a criminal justice group.
        Document reader = StaffBrowser.signIn(client, TestAccounts.READER, TestAccounts.PASSWORD).get("/reports?" + PERIOD);
        assertThat(reader.select(".app-focus-group")).isEmpty();
        assertThat(reader.text()).doesNotContain(FINDING);
    }

    @Test
    void csvShowsTheBriefsPoliceRow() {
        String csv = text(officerBrowser().request("/reports/ratings.csv?" + PERIOD));

        String police = csv.lines().filter(line -> line.contains(",Police,")).findFirst().orElseThrow();
        assertThat(police).startsWith("2015/16 Q2 to 2015/16 Q4,all,Police,68,13,19,16,24,8,12,15,22,9,13,7,10,");
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("period,channel,agency,base,very_positive,very_positive_percent");
    }

    @Test
    void pdfShowsTheBriefsPoliceRow() throws Exception {
        EntityExchangeResult<byte[]> result = officerBrowser().request("/reports/quarterly.pdf?" + PERIOD);
        assertThat(result.getStatus().value()).isEqualTo(200);
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);

        try (var pdf = Loader.loadPDF(result.getResponseBody())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Police 68 13 (19%) 16 (24%) 8 (12%) 15 (22%) 9 (13%) 7 (10%)");
            assertThat(text).contains("fewer than 5");
            assertThat(text).doesNotContain(POLICE_COMMENT);
        }
    }

    @Test
    void jsonShowsTheBriefsPoliceRow() {
        client.get().uri("/api/v1/reports/quarterly?" + PERIOD).headers(officer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.agencies[?(@.id=='police')].base").isEqualTo(68)
                .jsonPath("$.agencies[?(@.id=='police')].percent.very_positive").isEqualTo(19)
                .jsonPath("$.agencies[?(@.id=='police')].percent.positive").isEqualTo(24)
                .jsonPath("$.agencies[?(@.id=='police')].percent.neutral").isEqualTo(12)
                .jsonPath("$.agencies[?(@.id=='police')].percent.negative").isEqualTo(22)
                .jsonPath("$.agencies[?(@.id=='police')].percent.very_negative").isEqualTo(13)
                .jsonPath("$.agencies[?(@.id=='police')].percent.no_experience").isEqualTo(10)
                .jsonPath("$.agencies[?(@.id=='police')].counts.very_positive").isEqualTo(13)
                .jsonPath("$.agencies[?(@.id=='police')].suppressed").isEqualTo(false);
    }

    @Test
    void theMaracTableOfSixPeopleIsHiddenEverywhere() {
        client.get().uri("/api/v1/reports/quarterly?" + PERIOD).headers(officer()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.agencies[?(@.id=='marac')].counts.very_positive").value(values -> assertThat(values.toString()).isEqualTo("[null]"))
                .jsonPath("$.agencies[?(@.id=='marac')].percent.positive").value(values -> assertThat(values.toString()).isEqualTo("[null]"))
                .jsonPath("$.agencies[?(@.id=='marac')].suppressed").isEqualTo(true)
                .jsonPath("$.agencies[?(@.id=='marac')].suppressedCells").value(cells ->
                        assertThat(cells.toString()).contains("very_positive", "positive", "neutral"))
                .jsonPath("$.agencies[?(@.id=='marac')].counts.no_experience").isEqualTo(62)
                .jsonPath("$.marac.referred.yes.count").isEqualTo(6)
                .jsonPath("$.marac.referred.base.count").isEqualTo(15);

        Element marac = officerBrowser().get("/reports?" + PERIOD).selectFirst("#ratings-table tr[data-agency=marac]");
        assertThat(marac.selectFirst("[data-cell=very_positive]").text()).isEqualTo("fewer than 5");
        assertThat(marac.selectFirst("[data-cell=neutral]").text()).isEqualTo("fewer than 5");
        String csv = text(officerBrowser().request("/reports/ratings.csv?" + PERIOD));
        assertThat(csv.lines().filter(line -> line.contains(",MARAC,")).findFirst().orElseThrow())
                .contains("fewer than 5,,fewer than 5,,fewer than 5,,0,0,0,0,62,");
    }

    @Test
    void aHousingReaderSeesHousingOnlyAndNoRawComment() {
        StaffBrowser reader = StaffBrowser.signIn(client, TestAccounts.READER, TestAccounts.PASSWORD);
        Document page = reader.get("/reports?" + PERIOD);

        assertThat(page.select("#ratings-table tr[data-agency]").eachAttr("data-agency")).containsExactly("housing");
        assertThat(page.select("[data-agency=police]")).isEmpty();
        assertThat(page.text()).doesNotContain("Police", "MARAC", HOUSING_COMMENT, POLICE_COMMENT);
        assertThat(page.select("#contradictions")).isEmpty();
        assertThat(page.select("#agency-housing .app-quote--negative").eachText()).containsExactly("“" + HOUSING_QUOTE + "”");
        assertThat(reader.request("/reports?" + PERIOD + "&group=risk-review").getStatus().value()).isEqualTo(403);
        assertThat(reader.request("/reports/ratings.csv?" + PERIOD + "&group=risk-review").getStatus().value()).isEqualTo(403);
        assertThat(reader.request("/reports/quarterly.pdf?" + PERIOD + "&group=risk-review").getStatus().value()).isEqualTo(403);
        assertThat(text(reader.request("/reports/ratings.csv?" + PERIOD))).contains(",Housing,").doesNotContain("Police", "MARAC");
        assertThat(reader.request("/staff/comments").getStatus().value()).isEqualTo(403);

        client.get().uri("/api/v1/reports/quarterly?" + PERIOD).headers(reader()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.agencies.length()").isEqualTo(1)
                .jsonPath("$.agencies[0].id").isEqualTo("housing")
                .jsonPath("$.agencies[0].quotes.negative[0]").isEqualTo(HOUSING_QUOTE)
                .jsonPath("$.marac").doesNotExist();
        client.get().uri("/api/v1/reports/quarterly?" + PERIOD + "&group=risk-review").headers(reader()).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/v1/responses?instrument=interview").headers(reader()).exchange().expectStatus().isForbidden();
    }

    @Test
    void badParametersGetA400ListingEachField() {
        client.get().uri("/api/v1/reports/quarterly?from=2015-Q9&to=last&channel=fax").headers(officer()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains("from", "to", "channel"));

        EntityExchangeResult<byte[]> page = officerBrowser().request("/reports?from=2015-Q9");
        assertThat(page.getStatus().value()).isEqualTo(400);
        assertThat(StaffBrowser.parse(page).select(".govuk-error-summary a").eachAttr("href")).contains("#from");
    }

    @Test
    void aRebuildGivesTheSameCountsAsTheIncrementalUpdates() {
        Map<String, Long> incremental = counts();
        String before = text(officerBrowser().request("/reports/ratings.csv?" + PERIOD));

        rebuildThroughTheApi();
        aggregates.settled().block(Duration.ofSeconds(30));

        assertThat(counts()).isEqualTo(incremental);
        assertThat(incremental).isNotEmpty();
        assertThat(text(officerBrowser().request("/reports/ratings.csv?" + PERIOD))).isEqualTo(before);
        client.post().uri("/api/v1/reports/rebuild").headers(officer()).exchange().expectStatus().isForbidden();
    }

    @Test
    void aSecondRebuildWhileOneIsRunningIsRefused() {
        // Hold the aggregates' queue, so that the first rebuild is still running when the second is asked for.
        reactor.core.publisher.Sinks.Empty<Void> gate = reactor.core.publisher.Sinks.empty();
        aggregates.submit("hold the queue", gate::asMono).subscribe(null, e -> { });
        try {
            client.post().uri("/api/v1/reports/rebuild").headers(admin()).exchange().expectStatus().isAccepted();
            client.post().uri("/api/v1/reports/rebuild").headers(admin()).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.detail").isEqualTo("A rebuild is already running");
            EntityExchangeResult<byte[]> busy = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD)
                    .post("/admin/reports/rebuild", new org.springframework.util.LinkedMultiValueMap<>());
            assertThat(StaffBrowser.location(busy)).isEqualTo("/admin/reports?busy");
        } finally {
            gate.tryEmitEmpty();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !client.get().uri("/api/v1/reports/rebuild").headers(admin()).exchange().expectStatus().isOk()
                        .expectBody(Map.class).returnResult().getResponseBody().get("running").equals(true));
    }

    @Test
    void anOfficersCorrectionChangesWhatTheReportCounts() {
        String commentId = firstInterview + "/police-comment";
        Comment analysed = mongo.findById(commentId, Comment.class).block(Duration.ofSeconds(5));
        String machine = analysed.effective().sentiment();
        String corrected = machine.equals("very_negative") ? "neutral" : "very_negative";
        Map<String, Long> before = counts();

        review.review(commentId, corrected, List.of("timeliness"), TestAccounts.OFFICER).block(Duration.ofSeconds(10));
        aggregates.settled().block(Duration.ofSeconds(30));

        Map<String, Long> after = counts();
        String sentimentKey = "CountKey[kind=SENTIMENT, quarter=2015/16-Q2, channel=interview, subject=police, key=%s, sentiment=]";
        assertThat(after.getOrDefault(sentimentKey.formatted(corrected), 0L))
                .isEqualTo(before.getOrDefault(sentimentKey.formatted(corrected), 0L) + 1);
        assertThat(after.getOrDefault(sentimentKey.formatted(machine), 0L))
                .isEqualTo(before.getOrDefault(sentimentKey.formatted(machine), 0L) - 1);
        assertThat(after).containsEntry("CountKey[kind=THEME, quarter=2015/16-Q2, channel=interview, subject=police, key=timeliness, sentiment="
                + corrected + "]", 1L);
    }

    @Test
    void responsesAndCommentsStoredBeforeTheAggregatesExistedAreCountedByTheSweep() {
        // As a response was stored before this version: no "aggregated" field; its comment has no "recount".
        org.bson.Document legacy = new org.bson.Document("_id", "legacy-response").append("instrumentId", "interview")
                .append("instrumentVersion", 1).append("channel", "INTERVIEW").append("day", "2014-05-02").append("quarter", "2014/15-Q1")
                .append("language", "en").append("reference", "SV-LEGACY-0001").append("recordedBy", "officer")
                .append("answers", new org.bson.Document("interview-date", "2014-05-02").append("police-rating", "very_negative"))
                .append("analysisQueued", true);
        mongo.insert(legacy, "responses").block(Duration.ofSeconds(5));
        mongo.insert(new org.bson.Document("_id", "legacy-response/police-comment").append("responseId", "legacy-response")
                .append("instrumentId", "interview").append("channel", "INTERVIEW").append("questionId", "police-comment")
                .append("agency", "police").append("quarter", "2014/15-Q1").append("kind", "comment").append("text", "Old comment.")
                .append("rating", "very_negative").append("status", "DONE").append("attempts", 1).append("generation", 1)
                .append("effective", new org.bson.Document("sentiment", "negative").append("themes", List.of("kept-informed"))
                        .append("source", "machine")), "comments").block(Duration.ofSeconds(5));

        assertThat(aggregates.sweep().block(Duration.ofSeconds(10))).isEqualTo(1);
        aggregates.settled().block(Duration.ofSeconds(30));
        assertThat(counts()).containsEntry(
                "CountKey[kind=RATING, quarter=2014/15-Q1, channel=interview, subject=police, key=very_negative, sentiment=]", 1L);

        rebuildThroughTheApi();
        assertThat(counts()).containsEntry(
                "CountKey[kind=THEME, quarter=2014/15-Q1, channel=interview, subject=police, key=kept-informed, sentiment=negative]", 1L);
    }

    private void rebuildThroughTheApi() {
        client.post().uri("/api/v1/reports/rebuild").headers(admin()).exchange().expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                !client.get().uri("/api/v1/reports/rebuild").headers(admin()).exchange().expectStatus().isOk()
                        .expectBody(Map.class).returnResult().getResponseBody().get("running").equals(true));
    }

    /** Every non-zero count of the generation in use, by cell. */
    private Map<String, Long> counts() {
        long epoch = aggregates.currentEpoch().block(Duration.ofSeconds(5));
        return store.all(epoch).collectList().block(Duration.ofSeconds(10)).stream()
                .collect(Collectors.toMap(count -> count.countKey().toString(), ReportCount::n));
    }

    private static List<String> percentages(Element row) {
        return row.select(".app-percent").eachText().stream().map(text -> text.replaceAll("[()]", "")).toList();
    }

    private StaffBrowser officerBrowser() {
        return StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
    }

    private static String text(EntityExchangeResult<byte[]> result) {
        assertThat(result.getStatus().value()).isEqualTo(200);
        return new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    private static java.util.function.Consumer<HttpHeaders> officer() {
        return h -> h.setBasicAuth(TestAccounts.OFFICER, TestAccounts.PASSWORD);
    }

    private static java.util.function.Consumer<HttpHeaders> reader() {
        return h -> h.setBasicAuth(TestAccounts.READER, TestAccounts.PASSWORD);
    }

    private static java.util.function.Consumer<HttpHeaders> admin() {
        return h -> h.setBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD);
    }
}
