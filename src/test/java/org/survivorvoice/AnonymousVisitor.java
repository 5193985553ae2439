package org.survivorvoice;

import java.util.Objects;

import org.jsoup.nodes.Element;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A survivor filling in an anonymous form as a browser does: loads the form (for its signed token,
 * the hidden {@code _token} field), then posts her answers with it. No cookie, no session.
 */
public final class AnonymousVisitor {

    private final WebTestClient client;

    public AnonymousVisitor(WebTestClient client) {
        this.client = client;
    }

    /** The token of a freshly loaded form {@code /f/{instrumentId}}. */
    public String token(String instrumentId) {
        EntityExchangeResult<byte[]> page = client.get().uri("/f/" + instrumentId).accept(MediaType.TEXT_HTML)
                .exchange().expectBody().returnResult();
        assertThat(page.getStatus().value()).as("GET /f/%s", instrumentId).isEqualTo(200);
        Element token = StaffBrowser.parse(page).selectFirst("form input[type=hidden][name=_token]");
        return Objects.requireNonNull(token, "the form has no _token field").attr("value");
    }

    /** Loads the form and posts {@code answers} with its token, as a browser posts a form from the same site. */
    public EntityExchangeResult<byte[]> send(String instrumentId, MultiValueMap<String, String> answers) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>(answers);
        fields.add("_token", token(instrumentId));
        return post(instrumentId, fields);
    }

    /** Posts exactly {@code fields} (no token added), as a browser posts a form from the same site. */
    public EntityExchangeResult<byte[]> post(String instrumentId, MultiValueMap<String, String> fields) {
        return client.post().uri("/f/" + instrumentId).accept(MediaType.TEXT_HTML)
                .header("Sec-Fetch-Site", "same-origin")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(fields))
                .exchange().expectBody().returnResult();
    }
}
