package org.survivorvoice;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Posts to the public form as a browser does: first reads the page, then sends what the page's form
 * carries besides the answers (its hidden fields, such as a token) with the answers given. The one
 * place that knows what a valid post of the form needs beyond the answers.
 */
public final class PublicForm {

    private PublicForm() {
    }

    /** The form's own fields (hidden inputs) as the page at {@code /f/{instrumentId}} gives them now. */
    public static MultiValueMap<String, String> pageFields(WebTestClient client, String instrumentId) {
        EntityExchangeResult<byte[]> page = client.get().uri("/f/" + instrumentId).accept(MediaType.TEXT_HTML)
                .exchange().expectBody().returnResult();
        assertThat(page.getStatus().value()).as("GET /f/%s", instrumentId).isEqualTo(200);
        Document document = StaffBrowser.parse(page);
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        for (Element hidden : document.select("form#answers input[type=hidden][name]")) {
            fields.add(hidden.attr("name"), hidden.attr("value"));
        }
        return fields;
    }

    /** The form's own fields followed by {@code answers} (names and values in turn). */
    public static MultiValueMap<String, String> post(WebTestClient client, String instrumentId, String... answers) {
        MultiValueMap<String, String> form = pageFields(client, instrumentId);
        form.addAll(StaffBrowser.form(answers));
        return form;
    }
}
