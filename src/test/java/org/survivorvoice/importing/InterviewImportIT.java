package org.survivorvoice.importing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.analysis.CommentRepository;
import org.survivorvoice.response.Response;
import org.survivorvoice.response.ResponseApiITData;
import org.survivorvoice.response.ResponseRepository;
import org.survivorvoice.response.ResponseService;
import org.survivorvoice.response.Submitter;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Importing historic interviews from CSV, through the page and the API: all rows or none, once. */
@IntegrationTest
class InterviewImportIT {

    private static final String API = "/api/v1/imports/interviews";
    private static final String HEADER = "interview-date,interview-language,police-rating,courts-rating,civil-courts-rating,"
            + "marac-rating,social-services-rating,housing-rating,gp-rating,maternity-rating,a-and-e-rating,"
            + "mental-health-rating,specialist-service-rating,barriers-any,barriers,police-comment";
    private static final String BAD_DATE = "Must be a real date such as 2015-10-14 or 14/10/2015: Date of the interview";
    private static final String BAD_RATING = "Must be one of Very positive, Positive, Neutral, Negative, Very negative or "
            + "No experience: How was your experience of the police?";

    @Autowired
    WebTestClient client;
    @Autowired
    AccountService accounts;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ResponseRepository responses;
    @Autowired
    CommentRepository comments;
    @Autowired
    ResponseService responseService;
    @Autowired
    InstrumentCatalogue catalogue;
    @Autowired
    ImportRecovery recovery;

    /** Makes each test's files its own: the same content is imported once only. */
    private String marker;

    @BeforeEach
    void staff() {
        TestAccounts.ensure(accounts);
        marker = UUID.randomUUID().toString().substring(0, 8);
    }

    /** One interview as a spreadsheet writes it: labels, ids, a UK or ISO date, a quoted comment. */
    private static String row(String date, String policeRating, String comment) {
        return String.join(",", date, "English", policeRating, "No experience", "no_experience", "No experience", "Neutral",
                "Negative", "positive", "No experience", "No experience", "Very negative", "Very positive", "yes",
                "\"Money; Language\"", "\"" + comment.replace("\"", "\"\"") + "\"");
    }

    /** Three interviews in three quarters; the first comment spans two lines. */
    private String validFile() {
        return HEADER + "\r\n"
                + row("14/08/2015", "Very Positive", "The officer was kind.\nShe came back the next day (" + marker + ").") + "\r\n"
                + row("2015-10-14", "negative", "Nobody called me back, \"not once\" (" + marker + ").") + "\r\n"
                + row("20/01/2016", "no_experience", "") + "\r\n";
    }

    /** The three valid interviews and two bad ones, on lines 5 and 6 (the first row spans lines 2 and 3). */
    private String fileWithTwoBadRows() {
        return HEADER + "\r\n"
                + row("14/08/2015", "Very Positive", "The officer was kind.\nShe came back the next day (" + marker + ").") + "\r\n"
                + row("2015-10-14", "negative", "Nobody called me back (" + marker + ").") + "\r\n"
                + row("2015-13-01", "neutral", "") + "\r\n"
                + row("2016-02-11", "Excellent", "") + "\r\n"
                + row("20/01/2016", "no_experience", "") + "\r\n";
    }

    // ------------------------------------------------------------------ API

    @Test
    void badRowsAreListedByLineAndColumnInADryRunAndARealRunStoresNothing() {
        byte[] file = fileWithTwoBadRows().getBytes(StandardCharsets.UTF_8);
        long before = count();

        for (boolean dryRun : List.of(true, false)) {
            client.post().uri(API + "?dryRun=" + dryRun).headers(officer()).contentType(TEXT_CSV).bodyValue(file).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("/problems/invalid-import")
                    .jsonPath("$.detail").isEqualTo("The file has 2 problems; nothing was imported.")
                    .jsonPath("$.dryRun").isEqualTo(dryRun)
                    .jsonPath("$.problems.length()").isEqualTo(2)
                    .jsonPath("$.problems[0].line").isEqualTo(5)
                    .jsonPath("$.problems[0].column").isEqualTo("interview-date")
                    .jsonPath("$.problems[0].message").isEqualTo(BAD_DATE)
                    .jsonPath("$.problems[1].line").isEqualTo(6)
                    .jsonPath("$.problems[1].column").isEqualTo("police-rating")
                    .jsonPath("$.problems[1].message").isEqualTo(BAD_RATING);
        }
        assertThat(count()).isEqualTo(before);
        assertThat(mongo.findById(CsvFile.read(file, 10).fingerprint("interview"), ImportRecord.class).block(TIMEOUT))
                .as("no import recorded").isNull();
    }

    @Test
    void aValidFileIsImportedWholeOnceWithReferencesQuartersAndItsCommentsQueued() {
        byte[] file = validFile().getBytes(StandardCharsets.UTF_8);
        long before = count();

        client.post().uri(API + "?dryRun=true").headers(officer()).contentType(TEXT_CSV).bodyValue(file).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.dryRun").isEqualTo(true)
                .jsonPath("$.imported").isEqualTo(3)
                .jsonPath("$.byQuarter['2015/16-Q2']").isEqualTo(1)
                .jsonPath("$.byQuarter['2015/16-Q3']").isEqualTo(1)
                .jsonPath("$.byQuarter['2015/16-Q4']").isEqualTo(1)
                .jsonPath("$.problems.length()").isEqualTo(0);
        assertThat(count()).as("a dry run stores nothing").isEqualTo(before);

        client.post().uri(API + "?dryRun=false").headers(officer()).contentType(TEXT_CSV).bodyValue(file).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.dryRun").isEqualTo(false)
                .jsonPath("$.imported").isEqualTo(3);
        assertThat(count()).isEqualTo(before + 3);

        List<Map<String, Object>> imported = importedThroughTheApi();
        assertThat(imported).extracting(r -> r.get("day"), r -> r.get("quarter"), r -> r.get("recordedBy"), r -> r.get("channel"))
                .containsExactlyInAnyOrder(
                        tuple("2015-08-14", "2015/16-Q2", TestAccounts.OFFICER, "interview"),
                        tuple("2015-10-14", "2015/16-Q3", TestAccounts.OFFICER, "interview"));
        assertThat(imported).allSatisfy(r -> assertThat((String) r.get("reference")).matches("SV-[0-9A-Z]{4}-[0-9A-Z]{4}"));
        @SuppressWarnings("unchecked")
        Map<String, Object> august = (Map<String, Object>) imported.stream().filter(r -> r.get("day").equals("2015-08-14"))
                .findFirst().orElseThrow().get("answers");
        assertThat(august).containsEntry("police-rating", "very_positive").containsEntry("courts-rating", "no_experience")
                .containsEntry("barriers", List.of("money", "language"))
                .containsEntry("police-comment", "The officer was kind.\nShe came back the next day (" + marker + ").");
        // The listeners were told: each comment is queued for analysis.
        imported.forEach(r -> assertThat(comments.findByResponseId((String) r.get("id")).collectList().block(TIMEOUT))
                .extracting(c -> c.questionId()).containsExactly("police-comment"));

        // The same file again, as sent or saved with other line endings and a byte order mark: refused.
        byte[] resaved = ("\uFEFF" + validFile().replace("\r\n", "\n")).getBytes(StandardCharsets.UTF_8);
        for (byte[] again : List.of(file, resaved)) {
            for (boolean dryRun : List.of(false, true)) {
                client.post().uri(API + "?dryRun=" + dryRun).headers(officer()).contentType(TEXT_CSV).bodyValue(again).exchange()
                        .expectStatus().isEqualTo(409)
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.type").isEqualTo("/problems/already-imported")
                        .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                                .startsWith("This file was already imported by officer on ")
                                .endsWith("(3 interviews). Nothing was imported again, so no interview is counted twice."));
            }
        }
        assertThat(count()).isEqualTo(before + 3);
    }

    @Test
    void onlyOfficersMayImport() {
        byte[] file = validFile().getBytes(StandardCharsets.UTF_8);
        long before = count();
        client.post().uri(API + "?dryRun=false").headers(h -> h.setBasicAuth(TestAccounts.READER, TestAccounts.PASSWORD))
                .contentType(TEXT_CSV).bodyValue(file).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri(API + "?dryRun=true").contentType(TEXT_CSV).bodyValue(file).exchange()
                .expectStatus().isUnauthorized();

        StaffBrowser reader = StaffBrowser.signIn(client, TestAccounts.READER, TestAccounts.PASSWORD);
        reader.get("/staff");
        assertThat(reader.request("/staff/import").getStatus().value()).isEqualTo(403);
        assertThat(reader.request("/staff/import/template.csv").getStatus().value()).isEqualTo(403);
        assertThat(reader.postMultipart("/staff/import", upload(file, "import")).getStatus().value()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);
    }

    static Stream<Arguments> malformedBodies() {
        byte[] latin1 = (HEADER + "\n" + row("2015-10-14", "positive", "caf\u00e9")).getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                Arguments.of("not UTF-8", latin1, TEXT_CSV, "?dryRun=true", 400, "The file has 1 problem; nothing was imported."),
                Arguments.of("broken quotes", (HEADER + "\n\"2015-10-14\"x,\n").getBytes(StandardCharsets.UTF_8), TEXT_CSV,
                        "?dryRun=false", 400, "The file has 1 problem; nothing was imported."),
                Arguments.of("binary", new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 10, 13}, TEXT_CSV, "?dryRun=false", 400,
                        "The file has 1 problem; nothing was imported."),
                Arguments.of("empty", new byte[0], TEXT_CSV, "?dryRun=true", 400, "The file has 1 problem; nothing was imported."),
                Arguments.of("JSON instead of CSV", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON,
                        "?dryRun=true", 415, null),
                Arguments.of("no dryRun", "a".getBytes(StandardCharsets.UTF_8), TEXT_CSV, "", 400, null),
                Arguments.of("dryRun not a boolean", "a".getBytes(StandardCharsets.UTF_8), TEXT_CSV, "?dryRun=maybe", 400,
                        "\"dryRun\" must be a boolean."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedRequestsAreAClear4xxNeverA5xx(String name, byte[] body, MediaType type, String query, int status, String detail) {
        long before = count();
        client.post().uri(API + query).headers(officer()).contentType(type).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(given -> {
                    assertThat((String) given).isNotBlank().doesNotContain("Exception");
                    if (detail != null) {
                        assertThat(given).isEqualTo(detail);
                    }
                });
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitIsA413WhetherItsLengthIsDeclaredOrNotAndOneUnderItIsRead() {
        long before = count();
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        String tooLarge = "The file is larger than 5 MB. Split it into smaller files. Nothing was imported.";
        client.post().uri(API + "?dryRun=false").headers(officer()).contentType(TEXT_CSV).bodyValue(huge).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo(tooLarge);
        Flux<DataBuffer> streamed = Flux.range(0, 6).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[1024 * 1024]));
        client.post().uri(API + "?dryRun=false").headers(officer()).contentType(TEXT_CSV)
                .body(BodyInserters.fromDataBuffers(streamed)).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.detail").isEqualTo(tooLarge);

        // 200 KB is over the 64 KB other requests are held to, but the import reads it.
        String wide = HEADER + "\n" + row("2015-10-14", "positive", "x".repeat(200_000)) + "\n";
        client.post().uri(API + "?dryRun=true").headers(officer()).contentType(TEXT_CSV).bodyValue(wide.getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.problems[0].message").isEqualTo("Must be 5,000 characters or fewer (this is 200,000)");

        StaffBrowser officer = officerOnTheImportPage();
        EntityExchangeResult<byte[]> page = officer.postMultipart("/staff/import", upload(huge, "check"));
        assertThat(page.getStatus().value()).isEqualTo(413);
        assertThat(StaffBrowser.parse(page).text()).contains(tooLarge);
        assertThat(count()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ pages

    @Test
    void thePageExplainsTheColumnsFromTheInstrumentAndOffersATemplate() {
        StaffBrowser officer = signedInOfficer();
        assertThat(officer.get("/staff").select("a[href=/staff/import]").text()).isEqualTo("Import historic interviews from a CSV file");

        Document page = officer.get("/staff/import");
        assertThat(page.select("h1").text()).isEqualTo("Import historic interviews");
        Element police = page.select("table tbody tr").stream()
                .filter(tr -> tr.select("th").text().equals("police-rating")).findFirst().orElseThrow();
        assertThat(police.select("td").get(0).text()).startsWith("How was your experience of the police?")
                .contains("Leave the column out if the question was not asked then.");
        assertThat(police.select("td li").eachText()).containsExactly("Very positive (very_positive)", "Positive (positive)",
                "Neutral (neutral)", "Negative (negative)", "Very negative (very_negative)", "No experience (no_experience)");
        Element form = page.selectFirst("form[action=/staff/import]");
        assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(form.select("input[type=file][name=file]")).hasSize(1);
        assertThat(form.select("input[name=_csrf]").attr("value")).isNotBlank();
        assertThat(form.select("button[name=action]").eachAttr("value")).containsExactly("check", "import");
        assertThat(page.select("a[href=/staff/import/template.csv]")).hasSize(1);

        EntityExchangeResult<byte[]> template = officer.request("/staff/import/template.csv");
        assertThat(template.getStatus().value()).isEqualTo(200);
        assertThat(template.getResponseHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(template.getResponseHeaders().getContentDisposition().getFilename()).isEqualTo("interview-import-template.csv");
        Instrument interview = catalogue.find("interview").orElseThrow();
        String expected = "\uFEFF" + String.join(",", interview.questions().stream().map(q -> q.id()).toList()) + "\r\n";
        assertThat(StaffBrowser.body(template)).isEqualTo(expected);

        // The template is a file the import reads: it only lacks interviews.
        client.post().uri(API + "?dryRun=true").headers(officer()).contentType(TEXT_CSV).bodyValue(template.getResponseBody()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.problems[0].message").isEqualTo("The file has no interviews: add one row per interview under the header.");
    }

    @Test
    void anOfficerChecksAFileImportsItAndCannotImportItAgain() {
        byte[] file = validFile().getBytes(StandardCharsets.UTF_8);
        long before = count();
        StaffBrowser officer = officerOnTheImportPage();

        EntityExchangeResult<byte[]> checked = officer.postMultipart("/staff/import", upload(file, "check"));
        assertThat(checked.getStatus().value()).isEqualTo(200);
        Document checkedPage = StaffBrowser.parse(checked);
        assertThat(checkedPage.select(".govuk-notification-banner__heading").text()).isEqualTo("3 interviews would be imported");
        assertThat(quarters(checkedPage)).containsExactly("2015/16 Q2 1", "2015/16 Q3 1", "2015/16 Q4 1");
        assertThat(count()).as("checking stores nothing").isEqualTo(before);

        EntityExchangeResult<byte[]> imported = officer.postMultipart("/staff/import", upload(file, "import"));
        assertThat(imported.getStatus().value()).isEqualTo(303);
        assertThat(StaffBrowser.location(imported)).matches("/staff/import/[0-9a-f]{64}");
        Document done = officer.get(StaffBrowser.location(imported));
        assertThat(done.select(".govuk-panel__body").text()).isEqualTo("3 interviews imported");
        assertThat(quarters(done)).containsExactly("2015/16 Q2 1", "2015/16 Q3 1", "2015/16 Q4 1");
        assertThat(done.select("a[href=/staff/records?instrument=interview]")).hasSize(1);
        assertThat(count()).isEqualTo(before + 3);

        // Each shows as a record.
        List<Map<String, Object>> stored = importedThroughTheApi();
        assertThat(stored).hasSize(2);
        for (Map<String, Object> record : stored) {
            Document page = officer.get("/staff/records/" + record.get("id"));
            assertThat(page.text()).contains((String) record.get("reference"), "Recorded by officer", marker);
        }

        officer.get("/staff/import");
        EntityExchangeResult<byte[]> again = officer.postMultipart("/staff/import", upload(file, "import"));
        assertThat(again.getStatus().value()).isEqualTo(409);
        assertThat(StaffBrowser.parse(again).select(".govuk-error-summary").text()).contains("This file was already imported by officer");
        assertThat(count()).isEqualTo(before + 3);
    }

    @Test
    void thePageListsEveryProblemOfABadFileAndImportsNothing() {
        byte[] file = fileWithTwoBadRows().getBytes(StandardCharsets.UTF_8);
        long before = count();
        StaffBrowser officer = officerOnTheImportPage();

        for (String action : List.of("check", "import")) {
            EntityExchangeResult<byte[]> result = officer.postMultipart("/staff/import", upload(file, action));
            assertThat(result.getStatus().value()).isEqualTo(400);
            Document page = StaffBrowser.parse(result);
            assertThat(page.select(".govuk-error-summary a").text()).isEqualTo("The file has 2 problems; nothing was imported.");
            assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#problems");
            assertThat(page.select("#problems tbody tr").eachText()).containsExactly(
                    "5 interview-date " + BAD_DATE, "6 police-rating " + BAD_RATING);
            assertThat(page.select("#file-error").text()).contains("choose the file again");
        }
        assertThat(count()).isEqualTo(before);

        EntityExchangeResult<byte[]> noFile = officer.postMultipart("/staff/import", actionOnly("check"));
        assertThat(noFile.getStatus().value()).isEqualTo(400);
        assertThat(StaffBrowser.parse(noFile).select(".govuk-error-summary a").text()).isEqualTo("Select a CSV file");
    }

    @Test
    void anUploadNeedsTheFormsCsrfToken() {
        byte[] file = validFile().getBytes(StandardCharsets.UTF_8);
        long before = count();
        StaffBrowser officer = officerOnTheImportPage();

        MultipartBodyBuilder forged = upload(file, "import");
        forged.part("_csrf", "not-the-token");
        assertThat(officer.postMultipart("/staff/import", forged).getStatus().value()).isEqualTo(403);
        client.post().uri("/staff/import").cookie(StaffBrowser.SESSION_COOKIE, officer.session())
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(upload(file, "import").build()))
                .exchange().expectStatus().isForbidden();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aBrokenUploadIsA4xx() {
        StaffBrowser officer = officerOnTheImportPage();
        long before = count();
        client.post().uri("/staff/import").cookie(StaffBrowser.SESSION_COOKIE, officer.session()).accept(MediaType.TEXT_HTML)
                .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=xyz")
                .bodyValue("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nunterminated")
                .exchange().expectStatus().value(status -> assertThat(status).isBetween(400, 499));
        assertThat(officer.post("/staff/import", StaffBrowser.form("action", "check")).getStatus().value()).isEqualTo(415);
        assertThat(count()).isEqualTo(before);
    }

    // ------------------------------------------------------------------ all or none

    @Test
    void aBatchThatFailsPartWayLeavesNothingBehindAndTouchesNoOtherRecord() {
        Instrument interview = catalogue.find("interview").orElseThrow();
        Response existing = responseService.submit(interview, ResponseApiITData.completeInterview("2015-09-01"),
                Submitter.staff(TestAccounts.OFFICER), java.util.Locale.UK).block(TIMEOUT);
        long before = count();
        String first = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        List<Map<String, Object>> answers = List.of(Map.of("interview-date", "2015-10-01", "police-rating", "positive"),
                Map.of("interview-date", "2015-10-02", "police-rating", "negative"),
                Map.of("interview-date", "2015-10-03", "police-rating", "neutral"));

        assertThatThrownBy(() -> responseService.storeAll(interview, answers, Submitter.staff(TestAccounts.OFFICER), java.util.Locale.UK,
                List.of(first, existing.id(), third)).block(TIMEOUT))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);

        assertThat(count()).isEqualTo(before);
        assertThat(responses.findById(first).block(TIMEOUT)).isNull();
        assertThat(responses.findById(third).block(TIMEOUT)).isNull();
        assertThat(responses.findById(existing.id()).block(TIMEOUT)).extracting(Response::reference, Response::day)
                .containsExactly(existing.reference(), "2015-09-01");
    }

    @Test
    void anImportCutShortByAStopIsUndoneAtTheNextStart() {
        Instrument interview = catalogue.find("interview").orElseThrow();
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        String fingerprint = "0".repeat(56) + marker;
        mongo.insert(new ImportRecord(fingerprint, "interview", interview.version(), ImportRecord.State.RUNNING, TestAccounts.OFFICER,
                Instant.now(), null, 3, Map.of("2015/16-Q3", 3), List.of(ids.get(0), ids.get(1), UUID.randomUUID().toString())))
                .block(TIMEOUT);
        responseService.storeAll(interview, List.of(Map.of("interview-date", "2015-10-01", "police-rating", "positive"),
                Map.of("interview-date", "2015-10-02", "police-rating", "negative")), Submitter.staff(TestAccounts.OFFICER),
                java.util.Locale.UK, ids).block(TIMEOUT);
        long before = count();

        recovery.afterSingletonsInstantiated();

        assertThat(count()).isEqualTo(before - 2);
        assertThat(responses.findAllById(ids).collectList().block(TIMEOUT)).isEmpty();
        assertThat(mongo.findById(fingerprint, ImportRecord.class).block(TIMEOUT)).isNull();
    }

    // ------------------------------------------------------------------ helpers

    private static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private StaffBrowser signedInOfficer() {
        return StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
    }

    /** Signed in, with the import page (and its CSRF token) open. */
    private StaffBrowser officerOnTheImportPage() {
        StaffBrowser officer = signedInOfficer();
        officer.get("/staff/import");
        return officer;
    }

    private static MultipartBodyBuilder upload(byte[] file, String action) {
        MultipartBodyBuilder parts = actionOnly(action);
        parts.part("file", file, TEXT_CSV).filename("interviews.csv");
        return parts;
    }

    private static MultipartBodyBuilder actionOnly(String action) {
        MultipartBodyBuilder parts = new MultipartBodyBuilder();
        parts.part("action", action);
        return parts;
    }

    private static List<String> quarters(Document page) {
        return page.selectFirst("caption:containsOwn(Interviews by financial quarter)").parent().select("tbody tr").eachText();
    }

    /** This test's imported interviews with a comment, as the responses API returns them. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> importedThroughTheApi() {
        Map<String, Object> page = client.get().uri("/api/v1/responses?instrument=interview&size=100").headers(officer()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        long total = ((Number) page.get("total")).longValue();
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (int p = 0; p * 100L < total; p++) {
            Map<String, Object> items = client.get().uri("/api/v1/responses?instrument=interview&size=100&page=" + p).headers(officer())
                    .exchange().expectBody(Map.class).returnResult().getResponseBody();
            all.addAll((List<Map<String, Object>>) items.get("items"));
        }
        return all.stream().filter(r -> String.valueOf(((Map<String, Object>) r.get("answers")).get("police-comment")).contains(marker))
                .toList();
    }

    private long count() {
        return mongo.count(new Query(), Response.class).block(TIMEOUT);
    }

    private static Consumer<HttpHeaders> officer() {
        return h -> h.setBasicAuth(TestAccounts.OFFICER, TestAccounts.PASSWORD);
    }
}
