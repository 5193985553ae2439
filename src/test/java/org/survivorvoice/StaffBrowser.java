package org.survivorvoice;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member of staff using the site as a browser does: signs in through the login form, keeps the
 * cookies (the session, the CSRF token's), and sends the CSRF token of the last page with every form it posts.
 */
public final class StaffBrowser {

    public static final String SESSION_COOKIE = "SV_SESSION";

    private final WebTestClient client;
    /** Every cookie the site has set and not removed (the session, the CSRF token's, the page to return to). */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;

    public StaffBrowser(WebTestClient client) {
        // A browser reads whole pages and downloads (reports, PDFs): not held to the server's 64 KB request limit.
        this.client = client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    public static StaffBrowser signIn(WebTestClient client, String username, String password) {
        StaffBrowser browser = new StaffBrowser(client);
        browser.get("/login");
        EntityExchangeResult<byte[]> result = browser.post("/login", form("username", username, "password", password));
        assertThat(result.getStatus().value()).as("sign-in of %s", username).isEqualTo(302);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/staff");
        return browser;
    }

    public static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    /** GETs a page that must answer 200 and returns it parsed. */
    public Document get(String path) {
        EntityExchangeResult<byte[]> result = request(path);
        assertThat(result.getStatus().value()).as("GET %s", path).isEqualTo(200);
        return parse(result);
    }

    /** GETs anything and returns the raw result (for status and header checks). */
    public EntityExchangeResult<byte[]> request(String path) {
        EntityExchangeResult<byte[]> result = client.get().uri(path).accept(MediaType.TEXT_HTML)
                .cookies(sent -> cookies.forEach(sent::add))
                .exchange().expectBody().returnResult();
        remember(result);
        return result;
    }

    /** POSTs a form with the session cookie and the CSRF token of the last page seen. */
    public EntityExchangeResult<byte[]> post(String path, MultiValueMap<String, String> form) {
        MultiValueMap<String, String> withToken = new LinkedMultiValueMap<>(form);
        if (csrfToken != null && !withToken.containsKey("_csrf")) {
            withToken.add("_csrf", csrfToken);
        }
        return send(postTo(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(withToken)));
    }

    /** As {@link #post(String, MultiValueMap)}, with one more request header (its value "1"). */
    public EntityExchangeResult<byte[]> post(String path, MultiValueMap<String, String> form, String header) {
        MultiValueMap<String, String> withToken = new LinkedMultiValueMap<>(form);
        if (csrfToken != null && !withToken.containsKey("_csrf")) {
            withToken.add("_csrf", csrfToken);
        }
        return send(postTo(path).header(header, "1").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(withToken)));
    }

    /**
     * POSTs a multipart form (a file upload) with the session cookie and, unless {@code parts} has one,
     * the CSRF token of the last page seen.
     */
    public EntityExchangeResult<byte[]> postMultipart(String path, MultipartBodyBuilder parts) {
        if (csrfToken != null && !parts.build().containsKey("_csrf")) {
            parts.part("_csrf", csrfToken);
        }
        return send(postTo(path).contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build())));
    }

    private WebTestClient.RequestBodySpec postTo(String path) {
        return client.post().uri(path).accept(MediaType.TEXT_HTML)
                .cookies(sent -> cookies.forEach(sent::add));
    }

    private EntityExchangeResult<byte[]> send(WebTestClient.RequestHeadersSpec<?> request) {
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
        remember(result);
        return result;
    }

    /** POSTs a form that must be answered with a redirect, follows it, and returns the page it leads to. */
    public Document submit(String path, MultiValueMap<String, String> form) {
        EntityExchangeResult<byte[]> result = post(path, form);
        assertThat(result.getStatus().is3xxRedirection()).as("POST %s answered %s: %s", path, result.getStatus(),
                body(result)).isTrue();
        return get(location(result));
    }

    /** POSTs a form that must be refused with {@code status}; returns the page shown instead. */
    public Document refused(String path, MultiValueMap<String, String> form, int status) {
        EntityExchangeResult<byte[]> result = post(path, form);
        assertThat(result.getStatus()).as("POST %s", path).isEqualTo(HttpStatusCode.valueOf(status));
        return parse(result);
    }

    public static String location(EntityExchangeResult<byte[]> result) {
        return Objects.requireNonNull(result.getResponseHeaders().getLocation(), "no Location header").toString();
    }

    public static Document parse(EntityExchangeResult<byte[]> result) {
        return Jsoup.parse(body(result));
    }

    public static String body(EntityExchangeResult<byte[]> result) {
        return result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    /** The current session cookie's value, or null. */
    public String session() {
        return cookies.get(SESSION_COOKIE);
    }

    private void remember(EntityExchangeResult<byte[]> result) {
        result.getResponseCookies().forEach((name, set) -> {
            ResponseCookie cookie = set.get(set.size() - 1);
            if (cookie.getValue().isEmpty() || cookie.getMaxAge().isZero()) {
                cookies.remove(name);
            } else {
                cookies.put(name, cookie.getValue());
            }
        });
        var token = parse(result).selectFirst("input[name=_csrf]");
        if (token != null) {
            csrfToken = token.attr("value");
        }
    }
}
