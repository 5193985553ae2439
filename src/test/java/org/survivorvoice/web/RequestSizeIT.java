package org.survivorvoice.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 64 KB request limit where the other tests do not reach: bodies streamed without a
 * Content-Length to the form, the sign-in form and multipart, and the limit's edge. Each is a 4xx that
 * says so, never a 5xx, and nothing is stored.
 */
@IntegrationTest
class RequestSizeIT {

    private static final int LIMIT = 64 * 1024;

    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aFormStreamedWithoutALengthOver64KbIsA413PageAndStoresNothing() {
        long before = count();
        EntityExchangeResult<byte[]> result = client.post().uri("/f/feedback").accept(MediaType.TEXT_HTML)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromDataBuffers(chunks("gp-rating=positive&gp-comment=", 70_000)))
                .exchange().expectBody().returnResult();
        assertThat(result.getRequestHeaders().getContentLength()).as("streamed").isEqualTo(-1);
        assertThat(result.getStatus().value()).isEqualTo(413);
        assertThat(StaffBrowser.body(result)).contains("larger than 64 KB").contains("Exit this page").doesNotContain("Exception");
        assertThat(result.getResponseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aSignInOver64KbIsRefusedDeclaredOrStreamed() {
        String body = "username=officer&password=" + "p".repeat(70_000);
        client.post().uri("/login").accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(body).exchange().expectStatus().isEqualTo(413);
        // streamed: the CSRF check reads it first (no token: 403) or the limit stops it (413)
        client.post().uri("/login").accept(MediaType.TEXT_HTML).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromDataBuffers(chunks("username=officer&password=", 70_000))).exchange()
                .expectStatus().value(status -> assertThat(status).isIn(403, 413));
    }

    @Test
    void multipartOver64KbToThePublicFormOrTheApiIsA4xxAndStoresNothing() {
        long before = count();
        String boundary = "b0undary";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"gp-comment\"\r\n\r\n" + "m".repeat(70_000)
                + "\r\n--" + boundary + "--\r\n";
        for (String path : new String[] {"/f/feedback", "/api/v1/instruments/feedback/responses"}) {
            client.post().uri(path).header(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=" + boundary)
                    .body(BodyInserters.fromDataBuffers(chunks(multipart, 0))).exchange()
                    .expectStatus().value(status -> assertThat(status).as(path).isBetween(400, 499));
        }
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void justUnderTheLimitIsReadAndJustOverIsNot() {
        String head = "{\"answers\":{\"gp-rating\":\"positive\",\"gp-comment\":\"";
        String tail = "\"}}";
        // a comment over 5,000 characters: refused for its length (400), not for the body's size
        String under = head + "u".repeat(LIMIT - head.length() - tail.length()) + tail;
        assertThat(under.getBytes(StandardCharsets.UTF_8)).hasSize(LIMIT);
        client.post().uri("/api/v1/instruments/feedback/responses").contentType(MediaType.APPLICATION_JSON).bodyValue(under)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("gp-comment");
        client.post().uri("/api/v1/instruments/feedback/responses").contentType(MediaType.APPLICATION_JSON).bodyValue(under + " ")
                .exchange().expectStatus().isEqualTo(413);
    }

    /** {@code text}, then {@code padding} more letters, in 4 KB pieces and without a Content-Length. */
    private static Flux<DataBuffer> chunks(String text, int padding) {
        byte[] all = (text + "x".repeat(padding)).getBytes(StandardCharsets.UTF_8);
        return Flux.range(0, (all.length + 4095) / 4096).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap(Arrays.copyOfRange(all, i * 4096, Math.min(all.length, (i + 1) * 4096))));
    }

    private long count() {
        return mongo.count(new Query(Criteria.where("instrumentId").is("feedback")), "responses").block(Duration.ofSeconds(5));
    }
}
