package org.survivorvoice.security;

import java.time.Duration;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.survivorvoice.LimitedIntegrationTest;
import org.survivorvoice.ManualTimeMeter;
import org.survivorvoice.AnonymousVisitor;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.LimitedIntegrationTest.SUBMISSIONS;

/**
 * The rate limit on anonymous responses: {@value LimitedIntegrationTest#SUBMISSIONS} per address per
 * {@value LimitedIntegrationTest#PERIOD} here, so one more every 10 minutes once they are used.
 */
@LimitedIntegrationTest
class SubmissionLimitIT {

    private static final String API = "/api/v1/instruments/feedback/responses";
    private static final String VALID = "{\"answers\":{\"gp-rating\":\"positive\"}}";
    private static final Duration ONE_TOKEN = Duration.ofMinutes(10);

    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ManualTimeMeter time;
    @Autowired
    AccountService accounts;

    private String address;

    @BeforeEach
    void everyBucketFullAndANewClient() {
        time.advance(Duration.ofDays(1));
        address = "203.0.113." + (int) (System.nanoTime() % 200 + 1);
        TestAccounts.ensure(accounts);
    }

    @Test
    void overTheLimitTheApiAnswers429ProblemWithRetryAfterStoresNothingAndRecoversAfterTheRefill() {
        for (int i = 0; i < SUBMISSIONS; i++) {
            api(VALID, address).expectStatus().isCreated();
        }
        long before = count();
        byte[] body = api(VALID, address)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "600")
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.detail").isEqualTo("Too many responses have been sent from this network in a short time. "
                        + "Nothing was stored; try again in 10 minutes.")
                .returnResult().getResponseBody();
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Exception", "at org.", address);
        assertThat(count()).isEqualTo(before);

        time.advance(ONE_TOKEN.minusSeconds(1));
        api(VALID, address).expectStatus().isEqualTo(429).expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1");
        time.advance(Duration.ofSeconds(1));
        api(VALID, address).expectStatus().isCreated();
        api(VALID, address).expectStatus().isEqualTo(429);
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void overTheLimitTheFormComesBackWithHerAnswersAndAMessageAndNothingIsStored() {
        for (int i = 0; i < SUBMISSIONS; i++) {
            assertThat(form(address, "gp-rating", "neutral").getStatus().value()).isEqualTo(303);
        }
        long before = count();
        EntityExchangeResult<byte[]> refused = form(address, "police-rating", "negative",
                "police-comment", "They never rang me back.", "barriers", "money");

        assertThat(refused.getStatus().value()).isEqualTo(429);
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("600");
        assertThat(refused.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        Document page = StaffBrowser.parse(refused);
        assertThat(page.title()).startsWith("Error:");
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#answers");
        assertThat(page.select(".govuk-error-summary").text())
                .contains("has not been sent yet", "Your answers are still below", "wait 10 minutes");
        assertThat(page.selectFirst("textarea[name=police-comment]").text()).isEqualTo("They never rang me back.");
        assertThat(page.selectFirst("input[name=police-rating][value=negative]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("input[name=barriers][value=money]").hasAttr("checked")).isTrue();
        assertThat(page.select(".govuk-exit-this-page a")).hasSize(1);
        assertThat(StaffBrowser.body(refused)).doesNotContain(address);
        assertThat(count()).isEqualTo(before);

        time.advance(ONE_TOKEN);
        assertThat(form(address, "police-rating", "negative").getStatus().value()).isEqualTo(303);
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void refusedAnswersCountTooSoAScriptSendingRubbishIsStopped() {
        for (int i = 0; i < SUBMISSIONS; i++) {
            api("{\"answers\":{\"gp-rating\":\"splendid\"}}", address).expectStatus().isBadRequest();
        }
        api(VALID, address).expectStatus().isEqualTo(429);
        assertThat(form(address, "gp-rating", "neutral").getStatus().value()).as("the form shares the address's limit").isEqualTo(429);
    }

    @Test
    void anotherAddressIsNotHeldBackButTheSameIpv6NetworkIs() {
        String first = "2001:db8:1:2::10";
        for (int i = 0; i < SUBMISSIONS; i++) {
            api(VALID, first).expectStatus().isCreated();
        }
        api(VALID, "2001:db8:1:2::99").expectStatus().isEqualTo(429);
        api(VALID, "2001:db8:1:3::10").expectStatus().isCreated();
        api(VALID, address).expectStatus().isCreated();
    }

    @Test
    void staffAreNotLimited() {
        for (int i = 0; i < SUBMISSIONS; i++) {
            api(VALID, address).expectStatus().isCreated();
        }
        api(VALID, address).expectStatus().isEqualTo(429);
        client.post().uri(API).headers(h -> h.setBasicAuth(TestAccounts.OFFICER, TestAccounts.PASSWORD))
                .header("X-Forwarded-For", address).contentType(MediaType.APPLICATION_JSON).bodyValue(VALID).exchange()
                .expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec api(String json, String from) {
        return client.post().uri(API).header("X-Forwarded-For", from).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private EntityExchangeResult<byte[]> form(String from, String... answers) {
        return client.post().uri("/f/feedback").header("X-Forwarded-For", from).accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(new AnonymousVisitor(client).fieldsWith("feedback", answers)))
                .exchange().expectBody().returnResult();
    }

    private long count() {
        return mongo.count(new Query(Criteria.where("instrumentId").is("feedback")), "responses").block(Duration.ofSeconds(5));
    }
}
