package org.survivorvoice.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.SurvivorVoiceApplication;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.account.Role;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentReview;
import org.survivorvoice.analysis.CommentStatus;
import org.survivorvoice.period.FinancialQuarter;
import org.survivorvoice.quote.QuoteService;
import org.survivorvoice.report.Aggregates;
import org.survivorvoice.response.ResponseApiITData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.StaffBrowser.form;

/**
 * The service is filled (anonymous responses with comments, interviews, a focus group, an import,
 * comments with an officer's review, an approved quote, a draft, accounts), stopped and
 * exported; the export is restored into a fresh data directory. Every collection holds the same
 * documents, read directly from both directories; the service started on the restored data shows
 * the same reports and records, and its accounts sign in with their passwords.
 */
class ExportRestoreRoundTripIT {

    private static final String PERIOD = "from=2015/16-Q2&to=2015/16-Q4&channel=all";
    private static final String QUOTE = "[The officer] was kind but nobody called me back.";

    @TempDir
    Path directory;

    @Test
    void everyDocumentComesBackAndTheRestoredServiceShowsTheSameReports() throws Exception {
        Path original = directory.resolve("original");
        Path restored = directory.resolve("restored");
        Path export = directory.resolve("survivor-voice.jsonl");
        String thisQuarter = "from=" + FinancialQuarter.of(LocalDate.now(ZoneId.of("Europe/London"))) + "&to="
                + FinancialQuarter.of(LocalDate.now(ZoneId.of("Europe/London"))) + "&channel=anonymous-form";

        String report;
        String anonymousReport;
        String anonymous;
        String interview;
        try (ConfigurableApplicationContext app = start(original)) {
            WebTestClient client = client(app);
            app.getBean(AccountService.class).create(TestAccounts.READER, TestAccounts.PASSWORD, Role.READER, List.of("housing"))
                    .block(Duration.ofSeconds(30));
            anonymous = id(client.post().uri("/api/v1/instruments/feedback/responses").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("answers", Map.of("housing-rating", "very_negative",
                            "housing-comment", "Placed miles from my support.\nNo one explained why. «Été» 😀",
                            "barriers", List.of("money", "language")), "language", "en")));
            id(client.post().uri("/api/v1/instruments/feedback/responses").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("answers", Map.of("police-rating", "positive",
                            "police-comment", "The officer believed me straight away and kept me informed."))));
            interview = null;
            for (String day : List.of("2015-08-03", "2015-11-10", "2015-11-11", "2016-02-09", "2016-03-01")) {
                Map<String, Object> answers = new HashMap<>(ResponseApiITData.completeInterview(day));
                answers.put("housing-rating", "negative");
                answers.put("housing-comment", "Housing kept losing my forms and I waited months in a hotel room.");
                String id = id(client.post().uri("/api/v1/instruments/interview/responses").headers(admin())
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answers", answers)));
                interview = interview == null ? id : interview;
            }
            id(client.post().uri("/api/v1/instruments/focus-group/responses").headers(admin()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("answers", Map.of("focus-group-date", "2015-11-20", "area", "criminal-justice", "participants", 5,
                            "key-themes", List.of(Map.of("theme", "evidence-gathering",
                                    "finding", "Four of the five were concerned at how little evidence was gathered.")),
                            "believed-count", 4, "safer-count", 2))));
            client.post().uri("/api/v1/imports/interviews?dryRun=false").headers(admin()).contentType(new MediaType("text", "csv"))
                    .bodyValue("interview-date,police-rating,police-comment\n2015-09-14,Very positive,They came within minutes.\n")
                    .exchange().expectStatus().isCreated();
            StaffBrowser.signIn(client, "admin", TestAccounts.PASSWORD).submit("/staff/drafts", form("instrument", "interview"));

            ReactiveMongoTemplate mongo = app.getBean(ReactiveMongoTemplate.class);
            assertThat(mongo.count(Query.query(Criteria.where("status").is(CommentStatus.PENDING)), Comment.class).block())
                    .as("comments waiting for the analysis (off here: every BSON type is in DataCommandIT)").isEqualTo(14);
            app.getBean(CommentReview.class).review(interview + "/housing-comment", "very_negative", List.of("practical-help", "timeliness"), "admin")
                    .block(Duration.ofSeconds(30));
            app.getBean(QuoteService.class).approve(interview + "/police-comment", QUOTE, "negative", false, "admin")
                    .block(Duration.ofSeconds(30));
            app.getBean(Aggregates.class).settled().block(Duration.ofSeconds(60));

            report = report(client, PERIOD);
            anonymousReport = report(client, thisQuarter);
            assertThat(report).contains("\"base\":6").contains(QUOTE);
        }

        DataCommandIT.Run exported = DataCommandIT.run("export", export.toString(), "--sv.storage.engine=in-process",
                "--sv.storage.data-dir=" + original);
        assertThat(exported.code()).as(exported.err()).isZero();
        DataCommandIT.Run back = DataCommandIT.run("restore", export.toString(), "--sv.storage.engine=in-process",
                "--sv.storage.data-dir=" + restored);
        assertThat(back.code()).as(back.err()).isZero();

        Map<String, List<BsonDocument>> before = DataCommandIT.readAll(original);
        Map<String, List<BsonDocument>> after = DataCommandIT.readAll(restored);
        assertThat(before.keySet()).contains("accounts", "responses", "comments", "quotes", "drafts", "imports",
                "instrument_versions", "report_counts");
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((collection, documents) -> assertThat(after.get(collection)).as(collection)
                .hasSameSizeAs(documents).containsExactlyInAnyOrderElementsOf(documents));
        assertThat(before.get("responses")).hasSize(9);
        assertThat(before.get("accounts")).hasSize(2);
        assertThat(back.out()).contains("Restored " + before.values().stream().mapToInt(List::size).sum() + " documents");
        // The export file holds the survivors' words: only its owner may read it.
        assertThat(Files.getPosixFilePermissions(export)).containsOnly(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);

        try (ConfigurableApplicationContext app = start(restored)) {
            WebTestClient client = client(app);
            assertThat(report(client, PERIOD)).isEqualTo(report);
            assertThat(report(client, thisQuarter)).isEqualTo(anonymousReport);
            client.get().uri("/api/v1/responses/" + anonymous).headers(admin()).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.answers.housing-comment").isEqualTo("Placed miles from my support.\nNo one explained why. «Été» 😀");
            StaffBrowser.signIn(client, TestAccounts.READER, TestAccounts.PASSWORD);
        }
    }

    private static String report(WebTestClient client, String query) {
        return client.get().uri("/api/v1/reports/quarterly?" + query).headers(admin()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static String id(WebTestClient.RequestHeadersSpec<?> request) {
        return (String) request.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private static Consumer<HttpHeaders> admin() {
        return headers -> headers.setBasicAuth("admin", TestAccounts.PASSWORD);
    }

    /** Without the analysis: nothing changes the data behind the test's back, and no model is trained (minutes on CI). */
    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(SurvivorVoiceApplication.class).run(
                "--server.port=0",
                "--sv.storage.engine=in-process",
                "--sv.storage.data-dir=" + dataDir,
                "--sv.analysis.enabled=false",
                "--sv.admin.username=admin",
                "--sv.admin.password=" + TestAccounts.PASSWORD);
    }

    private static WebTestClient client(ConfigurableApplicationContext app) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + app.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }
}
