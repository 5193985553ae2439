package org.survivorvoice.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.WebExceptionHandler;
import org.survivorvoice.AnonymousVisitor;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.StaffBrowser.form;

/**
 * "Exit this page" on every public page: the button and the keyboard link (second in the tab
 * order, after "Skip to main content"), both plain links to the neutral site without JavaScript,
 * run by our own script. And the way to the form passes the page about staying safe.
 */
@IntegrationTest
class ExitThisPageIT {

    /** Every template a public address renders; a new one must be added to {@link #publicPages()}. */
    static final List<String> PUBLIC_TEMPLATES = List.of("error/page", "public/form", "public/home", "public/safety", "public/thanks");

    @Autowired
    WebTestClient client;
    @Autowired
    PublicSiteProperties site;
    @Autowired
    ApplicationContext context;

    /** Every public page, reached as a visitor reaches it: name, expected status, request. */
    static Stream<Arguments> publicPages() {
        List<Arguments> pages = new ArrayList<>();
        for (String path : new String[] {"/", "/safety", "/f/feedback/safety", "/f/feedback", "/f/feedback/thanks"}) {
            pages.add(Arguments.of("GET " + path, 200, get(path)));
        }
        pages.add(Arguments.of("the form shown again with an invalid answer", 400,
                visitor(v -> v.send("feedback", form("police-rating", "terrible")))));
        pages.add(Arguments.of("the form shown again after its token expired", 400,
                visitor(v -> v.post("feedback", form("police-rating", "positive", "_token", "1.x")))));
        pages.add(Arguments.of("error 400: form data that cannot be read", 400, (Function<WebTestClient, EntityExchangeResult<byte[]>>)
                client -> client.post().uri("/f/feedback").accept(MediaType.TEXT_HTML)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("police-comment=%Z").exchange().expectBody().returnResult()));
        pages.add(Arguments.of("error 404: an unknown form", 404, get("/f/no-such-form")));
        pages.add(Arguments.of("error 404: an unknown asset", 404, get("/assets/no-such-page")));
        pages.add(Arguments.of("error 405: PUT the form", 405, (Function<WebTestClient, EntityExchangeResult<byte[]>>)
                client -> client.put().uri("/f/feedback").accept(MediaType.TEXT_HTML)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("a=b").exchange().expectBody().returnResult()));
        pages.add(Arguments.of("error 413: a body over 64 KB", 413, visitor(v -> v.send("feedback", form("gp-comment", "a".repeat(70_000))))));
        return pages.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicPages")
    void everyPublicPageHasTheExitButtonAndTheKeyboardLink(String name, int status,
                                                           Function<WebTestClient, EntityExchangeResult<byte[]>> request) {
        EntityExchangeResult<byte[]> result = request.apply(client);
        assertThat(result.getStatus().value()).as(name).isEqualTo(status);
        assertHasExit(StaffBrowser.parse(result), name);
    }

    /** Statuses a visitor cannot easily cause on purpose (too many requests, a failure, storage down) use the same page. */
    @ParameterizedTest(name = "error {0}")
    @ValueSource(ints = {400, 403, 404, 405, 413, 415, 429, 500, 502, 503})
    void everyPublicErrorPageHasTheExitButtonAndTheKeyboardLink(int status) {
        WebExceptionHandler errors = context.getBean("errorWebExceptionHandler", WebExceptionHandler.class);
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/f/feedback").accept(MediaType.TEXT_HTML));
        errors.handle(exchange, new ResponseStatusException(HttpStatus.valueOf(status))).block();
        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(status);
        assertHasExit(Jsoup.parse(exchange.getResponse().getBodyAsString().block()), "error " + status);
    }

    @Test
    void everyPublicTemplateUsesThePublicLayoutWhichHasTheExit() throws IOException {
        var resolver = new PathMatchingResourcePatternResolver();
        TreeSet<String> templates = new TreeSet<>();
        for (String folder : new String[] {"public", "error"}) {
            for (Resource template : resolver.getResources("classpath:templates/" + folder + "/*.mustache")) {
                String name = folder + "/" + template.getFilename().replace(".mustache", "");
                templates.add(name);
                String text = template.getContentAsString(StandardCharsets.UTF_8).strip();
                assertThat(text).as(name).startsWith("{{> layout/public-top}}").endsWith("{{> layout/public-bottom}}");
            }
        }
        assertThat(templates).as("public templates, each reached by publicPages()").containsExactlyElementsOf(PUBLIC_TEMPLATES);
        String top = resolver.getResource("classpath:templates/layout/public-top.mustache").getContentAsString(StandardCharsets.UTF_8);
        assertThat(top).contains("{{> components/exit-this-page/exit-this-page}}", "{{> components/exit-this-page/exit-this-page-skip-link}}");
    }

    @Test
    void theWayToTheFormPassesThePageAboutStayingSafe() {
        Document home = new StaffBrowser(client).get("/");
        List<Element> starts = home.select("main a.govuk-button--start");
        assertThat(starts).extracting(e -> e.attr("href")).containsExactly("/f/feedback/safety");
        assertThat(home.select("main a[href^=/f/]")).extracting(e -> e.attr("href")).allMatch(href -> href.endsWith("/safety"));

        Document safety = new StaffBrowser(client).get("/f/feedback/safety");
        String text = safety.select("main").text();
        assertThat(text).contains("press the Shift key three times")
                .contains("Your browser history (the list of pages you have visited) still shows this site")
                .contains("monitoring software")
                .contains("private or incognito window")
                .contains("If JavaScript is switched off in your browser, the button is a plain link");
        Element next = safety.selectFirst("main a.govuk-button:not(.govuk-exit-this-page__button)");
        assertThat(next).isNotNull();
        assertThat(next.text()).isEqualTo("Continue to the form");
        assertThat(next.attr("href")).isEqualTo("/f/feedback");

        // The general page (from every footer) leads back to the start instead; staff forms have no such page.
        assertThat(new StaffBrowser(client).get("/safety").select("main a.govuk-button:not(.govuk-exit-this-page__button)")).isEmpty();
        client.get().uri("/f/interview/safety").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
        client.get().uri("/f/no-such-form/safety").accept(MediaType.TEXT_HTML).exchange().expectStatus().isNotFound();
    }

    private void assertHasExit(Document page, String name) {
        String exitUrl = site.exitUrl().toString();
        Element button = page.selectFirst("[data-module=app-exit-this-page] a.govuk-exit-this-page__button");
        assertThat(button).as("%s: exit button", name).isNotNull();
        assertThat(button.attr("href")).isEqualTo(exitUrl);
        assertThat(button.attr("rel").split(" ")).contains("noreferrer");
        assertThat(button.text()).contains("Exit this page");
        assertThat(button.hasClass("app-js-exit-this-page")).isTrue();
        assertThat(page.select("[data-module=govuk-exit-this-page]")).as("GOV.UK's own exit script is not started").isEmpty();
        for (Map.Entry<String, String> message : Map.of("data-i18n-press-two-more-times", "Shift, press 2 more times to exit.",
                "data-i18n-press-one-more-time", "Shift, press 1 more time to exit.",
                "data-i18n-timed-out", "Exit this page expired.", "data-i18n-activated", "Loading.").entrySet()) {
            assertThat(button.parent().attr(message.getKey())).isEqualTo(message.getValue());
        }

        List<Element> tabOrder = page.select("a[href], button, input:not([type=hidden]), select, textarea, [tabindex]").stream()
                .filter(e -> !e.attr("tabindex").equals("-1")).toList();
        assertThat(tabOrder.size()).as("%s: focusable elements", name).isGreaterThan(2);
        assertThat(tabOrder.get(0).attr("href")).as("%s: first tab stop", name).isEqualTo("#main-content");
        Element link = tabOrder.get(1);
        assertThat(link.attr("href")).as("%s: second tab stop", name).isEqualTo(exitUrl);
        assertThat(link.classNames()).contains("govuk-skip-link", "app-js-exit-this-page");
        assertThat(link.attr("rel").split(" ")).contains("noreferrer");
        assertThat(link.text()).isEqualTo("Exit this page");

        assertThat(page.select("script[type=module][src=/assets/exit-this-page.js]")).as("%s: the exit script", name).hasSize(1);
        assertThat(page.select("script:not([src])")).as("no inline script").isEmpty();
    }

    private static Function<WebTestClient, EntityExchangeResult<byte[]>> get(String path) {
        return client -> client.get().uri(path).accept(MediaType.TEXT_HTML).exchange().expectBody().returnResult();
    }

    private static Function<WebTestClient, EntityExchangeResult<byte[]>> visitor(Function<AnonymousVisitor, EntityExchangeResult<byte[]>> action) {
        return client -> action.apply(new AnonymousVisitor(client));
    }
}
