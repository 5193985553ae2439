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

    /** The form's own fields (its hidden inputs, such as the token) as a freshly loaded page gives them. */
    public MultiValueMap<String, String> fields(String instrumentId) {
        EntityExchangeResult<byte[]> page = client.get().uri("/f/" + instrumentId).accept(MediaType.TEXT_HTML)
                .exchange().expectBody().returnResult();
        assertThat(page.getStatus().value()).as("GET /f/%s", instrumentId).isEqualTo(200);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        for (Element hidden : StaffBrowser.parse(page).select("form#answers input[type=hidden][name]")) {
            fields.add(hidden.attr("name"), hidden.attr("value"));
        }
        return fields;
    }

    /** The form's own fields followed by {@code answers} (names and values in turn): a valid post of the form. */
    public MultiValueMap<String, String> fieldsWith(String instrumentId, String... answers) {
        MultiValueMap<String, String> form = fields(instrumentId);
        form.addAll(StaffBrowser.form(answers));
        return form;
    }

    /** The token of a freshly loaded form {@code /f/{instrumentId}}. */
    public String token(String instrumentId) {
        return Objects.requireNonNull(fields(instrumentId).getFirst("_token"), "the form has no _token field");
    }

    /** Loads the form and posts {@code answers} with its token, as a browser posts a form from the same site. */
    public EntityExchangeResult<byte[]> send(String instrumentId, MultiValueMap<String, String> answers) {
        MultiValueMap<String, String> fields = fields(instrumentId);
        fields.addAll(answers);
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
