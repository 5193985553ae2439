package org.survivorvoice.response;

import java.time.Duration;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
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

/** The public form at /f/{id}: works without JavaScript, remembers nothing about the visitor. */
@IntegrationTest
class AnonymousFormIT {

    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theFormIsOnePageOfGroupedQuestionsWithAnExitAndNoCookie() {
        EntityExchangeResult<byte[]> result = client.get().uri("/f/feedback").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().returnResult();
        Document page = StaffBrowser.parse(result);

        assertThat(page.select("form[method=post][action=/f/feedback]")).hasSize(1);
        assertThat(page.select("section h2")).extracting(e -> e.text()).startsWith("Police", "Criminal courts");
        // a five-point scale plus "no experience" for every agency, each radio group in a fieldset with a legend
        var policeRadios = page.select("input[type=radio][name=police-rating]");
        assertThat(policeRadios).extracting(e -> e.attr("value"))
                .containsExactly("very_positive", "positive", "neutral", "negative", "very_negative", "no_experience");
        assertThat(page.selectFirst("input[name=police-rating]").parents().select("fieldset legend").first().text())
                .contains("police");
        assertThat(page.select("textarea[name=police-comment]")).hasSize(1);
        assertThat(page.select("label[for=police-comment]")).hasSize(1);
        // exit this page: a link that works without JavaScript, to a neutral site
        var exit = page.selectFirst(".govuk-exit-this-page a");
        assertThat(exit).isNotNull();
        assertThat(exit.attr("href")).isEqualTo("https://www.bbc.co.uk/weather");
        // no inline script and nothing from another origin
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("script[src], link[href]")).allSatisfy(e ->
                assertThat(e.hasAttr("src") ? e.attr("src") : e.attr("href")).matches("^(/|data:).*"));
    }

    @Test
    void aValidAnswerIsStoredAndThankedWithoutRepeatingIt() {
        long before = count();
        EntityExchangeResult<byte[]> result = post(form("police-rating", "negative",
                "police-comment", "Nobody called me back about the bail breach.",
                "barriers", "money", "barriers", "language"));
        assertThat(result.getStatus().value()).isEqualTo(303);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/f/feedback/thanks");
        assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(count()).isEqualTo(before + 1);

        String thanks = client.get().uri("/f/feedback/thanks").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(thanks).contains("Thank you").doesNotContain("bail breach").doesNotContain("Negative");
    }

    @Test
    void anInvalidAnswerShowsTheFormAgainWithAnErrorSummaryAndKeepsEveryAnswer() {
        long before = count();
        EntityExchangeResult<byte[]> result = post(form("police-rating", "terrible",
                "police-comment", "My words must not be lost.",
                "housing-rating", "negative", "barriers", "money"));
        assertThat(result.getStatus().value()).isEqualTo(400);
        Document page = StaffBrowser.parse(result);

        assertThat(page.title()).startsWith("Error:");
        var summary = page.select(".govuk-error-summary a");
        assertThat(summary).hasSize(1);
        assertThat(summary.first().attr("href")).isEqualTo("#police-rating");
        assertThat(page.getElementById("police-rating")).as("error summary link target").isNotNull();
        assertThat(page.select("#police-rating-error").text()).contains("How was your experience of the police?");
        assertThat(page.select(".govuk-form-group--error")).hasSize(1);
        assertThat(page.selectFirst("textarea[name=police-comment]").text()).isEqualTo("My words must not be lost.");
        assertThat(page.selectFirst("input[name=housing-rating][value=negative]").hasAttr("checked")).isTrue();
        assertThat(page.selectFirst("input[name=barriers][value=money]").hasAttr("checked")).isTrue();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anEmptyFormIsRefusedWithALinkToTheForm() {
        EntityExchangeResult<byte[]> result = post(form());
        assertThat(result.getStatus().value()).isEqualTo(400);
        Document page = StaffBrowser.parse(result);
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#answers");
        assertThat(page.getElementById("answers")).isNotNull();
    }

    @Test
    void aTextOver5000CharactersIsRefusedAndKept() {
        String words = "a".repeat(5001);
        EntityExchangeResult<byte[]> result = post(form("gp-comment", words));
        assertThat(result.getStatus().value()).isEqualTo(400);
        Document page = StaffBrowser.parse(result);
        assertThat(page.select("#gp-comment-error").text()).contains("5,000 characters or fewer");
        assertThat(page.selectFirst("textarea[name=gp-comment]").text()).hasSize(5001);
    }

    @Test
    void aBodyOver64KbIsRefusedWithAPageNotAStackTrace() {
        long before = count();
        EntityExchangeResult<byte[]> result = post(form("gp-comment", "a".repeat(70_000)));
        assertThat(result.getStatus().value()).isEqualTo(413);
        String body = StaffBrowser.body(result);
        assertThat(body).contains("larger than 64 KB").doesNotContain("Exception").doesNotContain("at org.");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void formDataThatCannotBeDecodedIsA400AndStoresNothing() {
        long before = count();
        for (String body : new String[] {"police-comment=%Z&police-rating=positive", "police-comment=%FF%FE&police-rating=positive"}) {
            client.post().uri("/f/feedback").accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue(body).exchange()
                    .expectStatus().isBadRequest();
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void staffInstrumentsAndUnknownFormsAreNotFound() {
        client.get().uri("/f/interview").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        client.get().uri("/f/no-such-form").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body).contains("Page not found").contains("Exit this page"));
        client.post().uri("/f/interview").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form("interview-date-day", "1"))).exchange().expectStatus().isNotFound();
    }

    @Test
    void publicPagesAnswerWithoutASessionOrCookie() {
        for (String path : new String[] {"/", "/safety", "/f/feedback", "/f/nope", "/assets/app.css"}) {
            client.get().uri(path).exchange().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        }
    }

    private EntityExchangeResult<byte[]> post(MultiValueMap<String, String> answers) {
        return new AnonymousVisitor(client).send("feedback", answers);
    }

    private long count() {
        return mongo.count(new Query(Criteria.where("instrumentId").is("feedback")), "responses").block(Duration.ofSeconds(5));
    }
}
