package org.survivorvoice.response;

import java.time.Duration;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.survivorvoice.AnonymousVisitor;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.StaffBrowser.form;

/**
 * The anonymous form's protection without a cookie: posts another site makes through a visitor's
 * browser are refused (Sec-Fetch-Site, Origin), so are posts without a valid signed token; either
 * way she gets her answers back and can send them again. A filled-in honeypot is thanked and
 * stored nowhere. The JSON API needs no token: browsers cannot send JSON across sites without asking.
 */
@IntegrationTest
class AnonymousFormProtectionIT {

    static final String EXPIRED = "This page had expired. Your answers are still here: please press Send my feedback again.";

    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    FormTokens tokens;
    @LocalServerPort
    int port;

    @ParameterizedTest(name = "Sec-Fetch-Site {0}, Origin {1}")
    @CsvSource(nullValues = "-", value = {
            "cross-site, https://evil.example",
            "cross-site, null",
            "same-site, https://other.localhost",
            "-, https://evil.example",
            "-, http://localhost:1"})
    void aPostFromAnotherSiteIsRefusedWithTheAnswersKeptAndNothingStored(String fetchSite, String origin) {
        long before = count();
        String token = new AnonymousVisitor(client).token("feedback");
        EntityExchangeResult<byte[]> result = post(form("police-rating", "negative", "police-comment", "Nobody called me back.",
                "barriers", "money", "_token", token), fetchSite, origin);

        assertThat(result.getStatus().value()).isEqualTo(403);
        Document page = StaffBrowser.parse(result);
        assertRefusedWithAnswersKept(page);
        assertThat(count()).isEqualTo(before);
        // Pressing Send again on the page shown (our own page now) stores the answers.
        assertThat(sendAgain(page).getStatus().value()).isEqualTo(303);
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aPostWithoutAValidTokenIsRefusedWithTheAnswersKeptAndNothingStored() {
        long before = count();
        String valid = new AnonymousVisitor(client).token("feedback");
        String forged = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");
        for (String token : new String[] {null, "", "expired", forged, tokens.issue("interview")}) {
            MultiValueMap<String, String> fields = form("police-rating", "negative", "police-comment", "Nobody called me back.",
                    "barriers", "money");
            if (token != null) {
                fields.add("_token", token);
            }
            EntityExchangeResult<byte[]> result = new AnonymousVisitor(client).post("feedback", fields);
            assertThat(result.getStatus().value()).as("token '%s'", token).isEqualTo(400);
            assertRefusedWithAnswersKept(StaffBrowser.parse(result));
        }
        assertThat(count()).isEqualTo(before);
    }

    @ParameterizedTest(name = "Sec-Fetch-Site {0}, Origin {1}")
    @CsvSource(nullValues = "-", value = {
            // our own page: browsers send Origin: null because our pages' referrer policy is no-referrer
            "same-origin, null",
            "same-origin, OWN",
            // opened from a bookmark, or a browser without Fetch Metadata, or a client other than a browser
            "none, -",
            "-, OWN",
            "-, -"})
    void aPostFromOurOwnPageWithItsTokenIsStored(String fetchSite, String origin) {
        long before = count();
        String token = new AnonymousVisitor(client).token("feedback");
        EntityExchangeResult<byte[]> result = post(form("housing-rating", "neutral", "_token", token), fetchSite,
                "OWN".equals(origin) ? "http://localhost:" + port : origin);
        assertThat(result.getStatus().value()).as(StaffBrowser.body(result)).isEqualTo(303);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/f/feedback/thanks");
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void theHoneypotIsOutOfSightOutOfReachAndHiddenFromScreenReaders() {
        Document page = new StaffBrowser(client).get("/f/feedback");
        Element field = page.selectFirst("form#answers input[name=_website]");
        assertThat(field).isNotNull();
        assertThat(field.attr("type")).isEqualTo("text");
        assertThat(field.attr("value")).isEmpty();
        assertThat(field.attr("tabindex")).isEqualTo("-1");
        assertThat(field.attr("autocomplete")).isEqualTo("off");
        Element wrapper = field.parent();
        assertThat(wrapper.attr("aria-hidden")).isEqualTo("true");
        assertThat(wrapper.hasClass("app-honeypot")).isTrue();
        assertThat(page.selectFirst("label[for=_website]").text()).isEqualTo("Leave this field empty");
        // off-screen in the stylesheet, not merely hidden (programs skip display:none fields)
        String css = client.get().uri("/assets/app.css").exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(css).containsPattern("\\.app-honeypot \\{ position: absolute; left: -10000px;[^}]*overflow: hidden;");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"valid", "invalid"})
    void aFilledInHoneypotIsThankedAndNothingIsStored(String answers) {
        long before = count();
        EntityExchangeResult<byte[]> result = new AnonymousVisitor(client).send("feedback", form(
                "police-rating", answers.equals("valid") ? "positive" : "terrible", "_website", "https://cheap-pills.example"));
        assertThat(result.getStatus().value()).isEqualTo(303);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/f/feedback/thanks");
        assertThat(count()).isEqualTo(before);
        // The same answers without the honeypot are stored (or refused as invalid): the honeypot made the difference.
        EntityExchangeResult<byte[]> person = new AnonymousVisitor(client).send("feedback", form(
                "police-rating", answers.equals("valid") ? "positive" : "terrible", "_website", ""));
        assertThat(person.getStatus().value()).isEqualTo(answers.equals("valid") ? 303 : 400);
        assertThat(count()).isEqualTo(answers.equals("valid") ? before + 1 : before);
    }

    /**
     * The JSON API takes no token: its content type must be JSON (415 otherwise), and a browser
     * sends JSON to another origin only after a CORS preflight, which this service never allows.
     * What a page on another site can send without asking (a form's content types) is refused.
     */
    @Test
    void theJsonApiNeedsNoTokenBecauseAnotherSiteCannotSendItJson() {
        long before = count();
        client.post().uri("/api/v1/instruments/feedback/responses").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"answers\": {\"gp-rating\": \"positive\"}}").exchange().expectStatus().isCreated();
        assertThat(count()).isEqualTo(before + 1);

        for (MediaType simple : new MediaType[] {MediaType.TEXT_PLAIN, MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA}) {
            client.post().uri("/api/v1/instruments/feedback/responses").contentType(simple)
                    .header("Sec-Fetch-Site", "cross-site").header(HttpHeaders.ORIGIN, "https://evil.example")
                    .bodyValue("{\"answers\": {\"gp-rating\": \"positive\"}}").exchange()
                    .expectStatus().isEqualTo(415);
        }
        EntityExchangeResult<byte[]> preflight = client.method(HttpMethod.OPTIONS).uri("/api/v1/instruments/feedback/responses")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
                .exchange().expectBody().returnResult();
        assertThat(preflight.getStatus().is2xxSuccessful()).as("preflight status %s", preflight.getStatus()).isFalse();
        assertThat(preflight.getResponseHeaders().getAccessControlAllowOrigin()).isNull();
        assertThat(count()).isEqualTo(before + 1);
    }

    private void assertRefusedWithAnswersKept(Document page) {
        assertThat(page.title()).startsWith("Error:");
        var summary = page.select(".govuk-error-summary a");
        assertThat(summary).hasSize(1);
        assertThat(summary.first().text()).isEqualTo(EXPIRED);
        assertThat(summary.first().attr("href")).isEqualTo("#send");
        assertThat(page.select("form#answers button#send[type=submit]")).hasSize(1);
        assertThat(page.selectFirst("input[name=police-rating][value=negative]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("textarea[name=police-comment]").text()).isEqualTo("Nobody called me back.");
        assertThat(page.selectFirst("input[name=barriers][value=money]").hasAttr("checked")).isTrue();
        assertThat(tokens.isValid("feedback", page.selectFirst("input[name=_token]").attr("value"))).as("a fresh token").isTrue();
    }

    /** Sends the form on {@code page} as her browser would: every field as it stands, from our own page. */
    private EntityExchangeResult<byte[]> sendAgain(Document page) {
        MultiValueMap<String, String> fields = form();
        for (Element field : page.select("form#answers input, form#answers textarea")) {
            String type = field.attr("type");
            if ((type.equals("radio") || type.equals("checkbox")) && !field.hasAttr("checked")) {
                continue;
            }
            fields.add(field.attr("name"), field.tagName().equals("textarea") ? field.text() : field.attr("value"));
        }
        return post(fields, "same-origin", "null");
    }

    private EntityExchangeResult<byte[]> post(MultiValueMap<String, String> fields, String fetchSite, String origin) {
        return client.post().uri("/f/feedback").accept(MediaType.TEXT_HTML)
                .headers(headers -> {
                    if (fetchSite != null) {
                        headers.set("Sec-Fetch-Site", fetchSite);
                    }
                    if (origin != null) {
                        headers.set(HttpHeaders.ORIGIN, origin);
                    }
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(fields))
                .exchange().expectBody().returnResult();
    }

    private long count() {
        return mongo.count(new Query(Criteria.where("instrumentId").is("feedback")), "responses").block(Duration.ofSeconds(5));
    }
}
