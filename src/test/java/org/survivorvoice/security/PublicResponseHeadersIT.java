package org.survivorvoice.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.survivorvoice.AnonymousVisitor;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.web.PublicSiteProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.StaffBrowser.form;

/**
 * Every response to a public address (pages, assets, errors; the anonymous form got and posted in
 * every way it can be) is kept out of caches, sends no referrer, may not be framed, runs no inline
 * script, sets no cookie; and nothing a public page loads comes from another origin.
 */
@IntegrationTest
class PublicResponseHeadersIT {

    WebTestClient client;
    @Autowired
    PublicSiteProperties site;

    @Autowired
    void client(WebTestClient client) {
        // Reads GOV.UK Frontend's whole stylesheet, as a browser does (the 64 KB limit is for request bodies).
        this.client = client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024)).build();
    }

    /** A public request, what it is answered with, and how to make it. */
    static Stream<Arguments> publicResponses() {
        List<Arguments> cases = new ArrayList<>();
        for (String page : new String[] {"/", "/safety", "/f/feedback/safety", "/f/feedback", "/f/feedback/thanks"}) {
            cases.add(Arguments.of("GET " + page, 200, get(page)));
        }
        for (String asset : new String[] {"/assets/app.css", "/assets/app.js", "/assets/exit-this-page.js", "/assets/js-enabled.js",
                "/assets/progress.js", "/assets/govuk/govuk-frontend.css", "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js"}) {
            cases.add(Arguments.of("GET " + asset, 200, get(asset)));
        }
        cases.add(Arguments.of("GET an unknown form", 404, get("/f/no-such-form")));
        cases.add(Arguments.of("GET a staff instrument", 404, get("/f/interview")));
        cases.add(Arguments.of("GET an unknown asset", 404, get("/assets/no-such-file.js")));
        cases.add(Arguments.of("GET /robots.txt", 404, get("/robots.txt")));
        cases.add(Arguments.of("POST valid answers", 303, visitor(v -> v.send("feedback", form("police-rating", "positive")))));
        cases.add(Arguments.of("POST an invalid answer", 400, visitor(v -> v.send("feedback", form("police-rating", "terrible")))));
        cases.add(Arguments.of("POST with the honeypot filled in", 303,
                visitor(v -> v.send("feedback", form("police-rating", "positive", "_website", "https://spam.example")))));
        cases.add(Arguments.of("POST from another site", 403, (Function<WebTestClient, EntityExchangeResult<byte[]>>) client -> {
            String token = new AnonymousVisitor(client).token("feedback");
            return postForm(client, form("police-rating", "positive", "_token", token), "cross-site", "https://evil.example");
        }));
        cases.add(Arguments.of("POST without a token", 400, visitor(v -> v.post("feedback", form("police-rating", "positive")))));
        cases.add(Arguments.of("POST over 64 KB", 413, visitor(v -> v.send("feedback", form("gp-comment", "a".repeat(70_000))))));
        cases.add(Arguments.of("POST form data that cannot be read", 400,
                (Function<WebTestClient, EntityExchangeResult<byte[]>>) client -> client.post().uri("/f/feedback")
                        .accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("police-comment=%Z")
                        .exchange().expectBody().returnResult()));
        cases.add(Arguments.of("POST to an unknown form", 404, (Function<WebTestClient, EntityExchangeResult<byte[]>>) client ->
                client.post().uri("/f/no-such-form").accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .bodyValue("a=b").exchange().expectBody().returnResult()));
        cases.add(Arguments.of("PUT the form", 405, (Function<WebTestClient, EntityExchangeResult<byte[]>>) client ->
                client.put().uri("/f/feedback").accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .bodyValue("a=b").exchange().expectBody().returnResult()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicResponses")
    void everyPublicResponseCarriesThePublicHeadersAndNoCookie(String name, int status,
                                                                Function<WebTestClient, EntityExchangeResult<byte[]>> request) {
        EntityExchangeResult<byte[]> result = request.apply(client);
        assertThat(result.getStatus().value()).as("status of %s: %s", name, StaffBrowser.body(result)).isEqualTo(status);
        HttpHeaders headers = result.getResponseHeaders();
        assertThat(headers.get(HttpHeaders.SET_COOKIE)).as("Set-Cookie").isNull();
        assertThat(result.getResponseCookies()).isEmpty();
        assertThat(headers.getCacheControl()).as("Cache-Control").isNotNull();
        assertThat(headers.getCacheControl().split("\\s*,\\s*")).as("Cache-Control").contains("no-store");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        String csp = headers.getFirst("Content-Security-Policy");
        assertThat(csp).as("Content-Security-Policy").isNotNull()
                .contains("frame-ancestors 'none'", "default-src 'self'", "script-src 'self';", "object-src 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
    }

    /**
     * Crawls the public site from its home page (links, scripts, stylesheets, what stylesheets and
     * scripts import), and also the form shown again with errors and an error page: no address of
     * another origin anywhere, except the exit link's neutral site, and that only as a link.
     */
    @Test
    void nothingPublicComesFromOrPointsToAnotherOriginButTheExitLink() {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/f/no-such-form"));
        List<String> problems = new ArrayList<>();
        List<String> html = new ArrayList<>();
        while (!queue.isEmpty()) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            EntityExchangeResult<byte[]> result = client.get().uri(path).exchange().expectBody().returnResult();
            assertThat(result.getStatus().value()).as("GET %s", path).isIn(200, 404);
            String body = StaffBrowser.body(result);
            MediaType type = result.getResponseHeaders().getContentType();
            if (type != null && type.isCompatibleWith(MediaType.TEXT_HTML)) {
                html.add(path);
                Document page = Jsoup.parse(body);
                problems.addAll(absoluteUrlsIn(page, path));
                page.select("a[href^=/], script[src], link[href]").forEach(e -> {
                    String target = e.hasAttr("src") ? e.attr("src") : e.attr("href");
                    if (isPublic(target)) {
                        queue.add(target.replaceAll("#.*", ""));
                    }
                });
            } else {
                problems.addAll(absoluteUrls(body, path));
                Matcher imports = ASSET_REFERENCE.matcher(body);
                while (imports.find()) {
                    String target = imports.group(1) != null ? imports.group(1) : imports.group(2);
                    if (target.startsWith("/")) {
                        queue.add(target);
                    }
                }
            }
        }
        for (EntityExchangeResult<byte[]> shownAgain : List.of(
                new AnonymousVisitor(client).send("feedback", form("police-rating", "terrible")),
                new AnonymousVisitor(client).post("feedback", form("police-rating", "positive")))) {
            assertThat(shownAgain.getStatus().value()).isEqualTo(400);
            problems.addAll(absoluteUrlsIn(StaffBrowser.parse(shownAgain), "the form shown again"));
        }
        assertThat(html).contains("/", "/safety", "/f/feedback/safety", "/f/feedback", "/f/no-such-form");
        assertThat(seen).contains("/assets/app.css", "/assets/app.js", "/assets/exit-this-page.js", "/assets/progress.js",
                "/assets/govuk/govuk-frontend.css", "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js");
        assertThat(problems).isEmpty();
    }

    /** {@code url(...)} and {@code @import} in stylesheets, {@code import ... from '...'} in scripts. */
    private static final Pattern ASSET_REFERENCE = Pattern.compile(
            "url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)|(?:\\bfrom|\\bimport)\\s*\\(?\\s*['\"]([^'\"]+)['\"]");
    /** An absolute or protocol-relative address with a host. */
    private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)(?:\\b[a-z][a-z0-9+.-]*:)?//[a-z0-9-]+(?:\\.[a-z0-9-]+)+");

    private List<String> absoluteUrlsIn(Document page, String where) {
        List<String> found = new ArrayList<>();
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                boolean exitLink = element.tagName().equals("a") && attribute.getKey().equals("href")
                        && attribute.getValue().equals(site.exitUrl().toString());
                if (!exitLink) {
                    absoluteUrls(attribute.getValue(), where + " <" + element.tagName() + " " + attribute.getKey() + ">")
                            .forEach(found::add);
                }
            }
        }
        Document withoutAttributes = page.clone();
        withoutAttributes.getAllElements().forEach(e -> e.clearAttributes());
        found.addAll(absoluteUrls(withoutAttributes.outerHtml(), where + " (text)"));
        return found;
    }

    private static List<String> absoluteUrls(String text, String where) {
        List<String> found = new ArrayList<>();
        Matcher matcher = ABSOLUTE_URL.matcher(text);
        while (matcher.find()) {
            found.add(where + ": " + matcher.group());
        }
        return found;
    }

    private static boolean isPublic(String path) {
        return path.startsWith("/") && !path.startsWith("//")
                && (path.equals("/") || path.startsWith("/safety") || path.startsWith("/f/") || path.startsWith("/assets/")
                || path.startsWith("/webjars/"));
    }

    private static Function<WebTestClient, EntityExchangeResult<byte[]>> get(String path) {
        return client -> client.get().uri(path).accept(MediaType.TEXT_HTML, MediaType.ALL).exchange().expectBody().returnResult();
    }

    private static Function<WebTestClient, EntityExchangeResult<byte[]>> visitor(Function<AnonymousVisitor, EntityExchangeResult<byte[]>> action) {
        return client -> action.apply(new AnonymousVisitor(client));
    }

    private static EntityExchangeResult<byte[]> postForm(WebTestClient client, MultiValueMap<String, String> fields, String fetchSite,
                                                         String origin) {
        return client.post().uri("/f/feedback").accept(MediaType.TEXT_HTML)
                .headers(headers -> {
                    if (fetchSite != null) {
                        headers.set("Sec-Fetch-Site", fetchSite);
                    }
                    if (origin != null) {
                        headers.setOrigin(origin);
                    }
                })
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(fields))
                .exchange().expectBody().returnResult();
    }
}
