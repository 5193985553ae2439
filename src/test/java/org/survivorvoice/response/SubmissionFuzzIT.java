package org.survivorvoice.response;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriUtils;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.AnonymousVisitor;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.survey.Option;
import org.survivorvoice.survey.Question;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends {@value #REQUESTS} random and malformed submissions to the JSON API and the public form
 * (wrong types, huge values, deep nesting, invalid UTF-8, unknown fields, wrong or missing content
 * types, huge numbers, NaN, nulls, arrays for scalars, empty bodies, garbage multipart, random form
 * data), a few of them valid. Every answer must be a 4xx, or 201 (API) / 303 (form) for a valid one;
 * exactly the accepted ones are stored; no answer shows a stack trace or a Java class; the service is
 * healthy afterwards. The seed is printed; {@code -Dfuzz.seed=N} replays a run.
 *
 * <p>The shared application's rate limits are far above this, so the limiter hides no answer.
 */
@IntegrationTest
class SubmissionFuzzIT {

    static final int REQUESTS = 10_000;
    private static final int THREADS = 4;
    private static final String API = "/api/v1/instruments/{id}/responses";

    /** A stack frame, a package-qualified class name, or an exception's class name. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\bat [\\w$]+(\\.[\\w$]+)+\\(|\\b(java|javax|jdk|sun|org\\.springframework|tools\\.jackson|com\\.fasterxml|reactor|io\\.netty"
                    + "|com\\.mongodb|org\\.bson|de\\.bwaldvogel|org\\.survivorvoice)\\.[a-z]|\\b[A-Z]\\w*(Exception|Throwable)\\b|\\.java:\\d");

    @Autowired
    WebTestClient client;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    InstrumentCatalogue catalogue;

    /** One request: what it tries, where it goes, its content type (null: none) and body. */
    record Case(String kind, boolean form, String path, String contentType, String accept, byte[] body) {

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return kind + " POST " + path + " [" + contentType + "] " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    @Test
    void randomAndMalformedSubmissionsAreRefusedCleanlyAndOnlyValidOnesAreStored() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("SubmissionFuzzIT seed: " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Instrument feedback = catalogue.find("feedback").orElseThrow();
        Generator generator = new Generator(new Random(seed), feedback);
        long generating = System.nanoTime();
        List<Case> cases = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            cases.add(generator.next());
        }
        System.out.printf("SubmissionFuzzIT: %d requests made in %d ms%n", REQUESTS, Duration.ofNanos(System.nanoTime() - generating).toMillis());
        long before = countResponses();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> millisByKind = new java.util.concurrent.ConcurrentHashMap<>();
        // Some answers list thousands of mistakes: read them whole (the server's own 64 KB limit is on requests).
        WebTestClient fuzzClient = client.mutate().responseTimeout(Duration.ofSeconds(30))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();

        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int t = 0; t < THREADS; t++) {
            int first = t;
            pool.submit(() -> {
                for (int i = first; i < cases.size(); i += THREADS) {
                    Case c = cases.get(i);
                    long sent = System.nanoTime();
                    try {
                        EntityExchangeResult<byte[]> result = send(fuzzClient, c);
                        millisByKind.computeIfAbsent(c.kind(), k -> new java.util.concurrent.atomic.LongAdder())
                                .add(Duration.ofNanos(System.nanoTime() - sent).toMillis());
                        int status = result.getStatus().value();
                        String body = result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
                        if (status == (c.form() ? 303 : 201)) {
                            accepted.incrementAndGet();
                        } else if (status >= 400 && status < 500) {
                            refused.incrementAndGet();
                        } else {
                            failures.add(status + " for " + c + "\n  answered: " + abbreviate(body));
                        }
                        var internals = INTERNALS.matcher(body);
                        if (internals.find()) {
                            failures.add("internals (" + internals.group() + ") in the answer " + status + " to " + c);
                        }
                    } catch (RuntimeException | AssertionError e) {
                        failures.add("no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ") to " + c);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).as("the fuzz run finished").isTrue();
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        System.out.printf("SubmissionFuzzIT: %d requests in %d s: %d accepted, %d refused with a 4xx, %d failures%n",
                REQUESTS, seconds, accepted.get(), refused.get(), failures.size());
        millisByKind.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(6)
                .forEach(e -> System.out.printf("  %s: %d ms in all%n", e.getKey(), e.getValue().sum()));

        assertThat(failures).as("seed %d: answers other than a 4xx, 201 or 303, or showing internals", seed)
                .isEmpty();
        assertThat(accepted.get() + refused.get()).isEqualTo(REQUESTS);
        assertThat(accepted.get()).as("some were valid").isGreaterThan(REQUESTS / 50);
        assertThat(refused.get()).as("most were not").isGreaterThan(REQUESTS / 2);
        assertThat(countResponses()).as("seed %d: exactly the accepted ones were stored", seed).isEqualTo(before + accepted.get());

        // still healthy, and a survivor can still send her answers both ways
        client.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        client.post().uri(API, "feedback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"answers\":{\"police-rating\":\"positive\"}}").exchange().expectStatus().isCreated();
        client.post().uri("/f/feedback").contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                .body(BodyInserters.fromFormData(new AnonymousVisitor(client).fieldsWith("feedback", "police-rating", "neutral"))).exchange()
                .expectStatus().isSeeOther();
        assertThat(countResponses()).isEqualTo(before + accepted.get() + 2);
    }

    private EntityExchangeResult<byte[]> send(WebTestClient fuzzClient, Case c) {
        WebTestClient.RequestBodySpec request = fuzzClient.post().uri(c.path());
        if (c.accept() != null) {
            request = request.header(HttpHeaders.ACCEPT, c.accept());
        }
        if (c.contentType() != null) {
            request = request.header(HttpHeaders.CONTENT_TYPE, c.contentType());
        }
        // The bytes as they are, whatever the Content-Type says (no encoder reads or checks it).
        byte[] body = c.body();
        WebTestClient.RequestHeadersSpec<?> ready = body.length == 0 ? request
                : request.body(BodyInserters.fromDataBuffers(reactor.core.publisher.Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body))));
        return ready.exchange().expectBody().returnResult();
    }

    private long countResponses() {
        return mongo.getCollection("responses").flatMap(collection -> reactor.core.publisher.Mono.from(collection.countDocuments(new Document())))
                .block(Duration.ofSeconds(30));
    }

    private static String abbreviate(String body) {
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }

    /** Makes the requests: each kind of mistake, and now and then a valid submission. */
    final class Generator {

        private final Random random;
        private final Instrument instrument;
        private final List<Question> questions;
        private final List<Function<Random, Case>> kinds = new ArrayList<>();

        Generator(Random random, Instrument instrument) {
            this.random = random;
            this.instrument = instrument;
            this.questions = instrument.questions();
            // JSON API
            add(4, r -> json("valid", validJson()));
            add(3, r -> json("wrong type", withAnswer(question().id(), wrongValue())));
            add(2, r -> json("huge text", withAnswer(textQuestion().id(), quote("x".repeat(5001 + r.nextInt(55_000))))));
            add(2, r -> json("unknown question", withAnswer(word(), validValue(question()))));
            add(2, r -> json("unknown top-level field", "{\"answers\":" + answersJson() + ",\"" + word() + "\":" + wrongValue() + "}"));
            add(2, r -> json("deep nesting", deepJson()));
            add(2, r -> bytes("invalid UTF-8", apiPath(), "application/json", invalidUtf8Json()));
            add(2, r -> json("huge number", withAnswer(question().id(), hugeNumber())));
            add(2, r -> json("NaN and friends", withAnswer(question().id(), pick("NaN", "Infinity", "-Infinity", "+1", "0x10", "1e", "--1", ".5"))));
            add(2, r -> json("nulls", pick("null", "{\"answers\":null}", "{\"answers\":{\"" + question().id() + "\":null}}",
                    "{\"answers\":" + answersJson() + ",\"language\":null}", "{\"answers\":{\"barriers\":[null]}}", "{\"answers\":{\"\":null}}")));
            add(2, r -> json("array for a scalar", withAnswer(scalarQuestion().id(), "[" + validValue(scalarQuestion()) + "]")));
            add(2, r -> json("wrong body shape", pick("[]", "\"answers\"", "42", "true", "{}", "{\"answers\":[]}", "{\"answers\":\"x\"}",
                    "{\"answers\":{}}", "{\"language\":\"en\"}", "[{\"answers\":{}}]")));
            add(2, r -> json("bad language", "{\"answers\":" + answersJson() + ",\"language\":" + pick("\"\"", "\"english\"", "\"EN\"", "5",
                    "[\"en\"]", "{\"x\":1}", "\"e\\u0000n\"", quote("a".repeat(3000))) + "}"));
            add(2, r -> json("empty body", pick("", " ", "\n\n", "\t")));
            add(2, r -> json("truncated", truncate(validJson())));
            add(2, r -> bytes("random bytes", apiPath(), jsonType(), randomBytes(r.nextInt(2000))));
            add(2, r -> json("control characters and surrogates", withAnswer(textQuestion().id(),
                    "\"" + pick("\\u0000", "\\ud800", "\\udfff\\ud800", "\\u001b[31m", "a\\u0007b", "\\ufffe", "\\\\", "\\x41", "\\q") + "\"")));
            add(1, r -> json("many keys", manyKeys()));
            add(1, r -> json("duplicate keys", "{\"answers\":" + answersJson() + ",\"answers\":" + answersJson() + "}"));
            add(1, r -> json("comment in JSON", "{/*x*/\"answers\":" + answersJson() + "}"));
            add(2, r -> bytes("wrong content type", apiPath(), pick("text/plain", "application/xml", "application/octet-stream",
                    "application/x-www-form-urlencoded", "multipart/form-data", "text/html", "application/json-patch+json", "image/png",
                    "application/json;charset=nonsense", "application/json; charset=utf-16", "application/json;charset=", "garbage",
                    "/", "application/", "*/*", "application/*"), validJson().getBytes(StandardCharsets.UTF_8)));
            add(2, r -> bytes("no content type", apiPath(), null, validJson().getBytes(StandardCharsets.UTF_8)));
            add(2, r -> bytes("garbage multipart", apiPath(), "multipart/form-data; boundary=" + word(), garbageMultipart()));
            add(1, r -> json("unknown or staff instrument", validJson(), pick("interview", "focus-group", "nope", word(), "feedback%00",
                    "..%2f..%2fetc", "FEEDBACK", "feedback.json")));
            // the public form
            add(2, r -> form("valid form", validForm()));
            add(2, r -> form("random form", randomForm()));
            add(1, r -> form("form with bad values", badForm()));
            add(2, r -> bytes("broken form encoding", "/f/feedback", "application/x-www-form-urlencoded", brokenFormEncoding()));
            add(1, r -> bytes("huge form", "/f/feedback", "application/x-www-form-urlencoded",
                    ("police-comment=" + "y".repeat(5001 + r.nextInt(70_000))).getBytes(StandardCharsets.US_ASCII)));
            add(1, r -> bytes("garbage multipart form", "/f/feedback", pick("multipart/form-data; boundary=" + word(), "multipart/form-data",
                    "multipart/mixed; boundary=x"), garbageMultipart()));
            add(1, r -> bytes("form with wrong content type", "/f/feedback", pick("application/json", "text/plain", null, "application/xml",
                    "application/x-www-form-urlencoded;charset=nonsense", "application/x-www-form-urlencoded; charset=utf-16"),
                    validForm().getBytes(StandardCharsets.UTF_8)));
            add(1, r -> bytes("form to an unknown or staff form", "/f/" + pick("interview", "nope", word(), "feedback%2Fthanks"),
                    "application/x-www-form-urlencoded", validForm().getBytes(StandardCharsets.UTF_8)));
        }

        Case next() {
            return kinds.get(random.nextInt(kinds.size())).apply(random);
        }

        private void add(int weight, Function<Random, Case> kind) {
            for (int i = 0; i < weight; i++) {
                kinds.add(kind);
            }
        }

        // ---- requests

        private String apiPath() {
            return "/api/v1/instruments/feedback/responses";
        }

        private Case json(String kind, String body) {
            return json(kind, body, "feedback");
        }

        private Case json(String kind, String body, String instrumentId) {
            return new Case(kind, false, "/api/v1/instruments/" + instrumentId + "/responses", jsonType(), accept(),
                    body.getBytes(StandardCharsets.UTF_8));
        }

        private Case bytes(String kind, String path, String contentType, byte[] body) {
            return new Case(kind, path.startsWith("/f/"), path, contentType, accept(), body);
        }

        private Case form(String kind, String body) {
            return new Case(kind, true, "/f/feedback", random.nextInt(10) == 0 ? "application/x-www-form-urlencoded;charset=UTF-8"
                    : "application/x-www-form-urlencoded", accept(), body.getBytes(StandardCharsets.UTF_8));
        }

        private String jsonType() {
            return pick("application/json", "application/json", "application/json", "application/json;charset=UTF-8", "APPLICATION/JSON");
        }

        private String accept() {
            return pick(null, null, "application/json", "text/html", "*/*", "application/problem+json", "text/html,application/xhtml+xml",
                    "image/png", "garbage/", "application/json;q=nonsense", ";;;");
        }

        // ---- JSON bodies

        private String validJson() {
            String language = random.nextInt(4) == 0 ? ",\"language\":\"" + pick("en", "pl", "ar", "so") + "\"" : "";
            return "{\"answers\":" + answersJson() + language + "}";
        }

        /** One to five valid answers; free text only now and then (each queues a comment for the analysis). */
        private String answersJson() {
            StringBuilder json = new StringBuilder("{");
            int n = 1 + random.nextInt(5);
            List<String> used = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Question q = question();
                if (used.contains(q.id()) || (q.type() == org.survivorvoice.survey.QuestionType.TEXT && random.nextInt(40) != 0)) {
                    continue;
                }
                used.add(q.id());
                json.append(json.length() > 1 ? "," : "").append(quote(q.id())).append(':').append(validValue(q));
            }
            if (used.isEmpty()) {
                Question q = scalarQuestion();
                json.append(quote(q.id())).append(':').append(validValue(q));
            }
            return json.append('}').toString();
        }

        private String withAnswer(String questionId, String value) {
            return "{\"answers\":{" + quote(questionId) + ":" + value + "}}";
        }

        private String validValue(Question q) {
            return switch (q.type()) {
                case SCALE5 -> quote(pick("very_positive", "positive", "neutral", "negative", "very_negative", "no_experience"));
                case YES_NO -> pick("\"yes\"", "\"no\"", "true", "false");
                case MULTI -> "[" + String.join(",", q.options().stream().map(Option::id).filter(o -> random.nextBoolean())
                        .map(SubmissionFuzzIT::quote).toList()) + "]";
                case TEXT -> quote("The fuzz test says the service was " + pick("kind", "slow", "fine") + ".");
                default -> "\"?\"";
            };
        }

        private String wrongValue() {
            return pick("1", "-1", "0", "3.14", "true", "false", "null", "[]", "{}", "[1,2]", "{\"a\":{\"b\":[]}}", "\"\"", quote(word()),
                    "\"very positive\"", "\"Yes\"", "[\"money\",\"money\"]", "[\"dragons\"]", "{\"$where\":\"1\"}", "{\"$gt\":\"\"}",
                    hugeNumber(), quote("z".repeat(random.nextInt(6000))));
        }

        private String hugeNumber() {
            return pick("1e400", "-1e400", "123456789012345678901234567890123456789", "1" + "0".repeat(5000), "1e-400", "-0", "0.0000000000000000000001",
                    "9223372036854775808", "-9223372036854775809", "1." + "5".repeat(2000));
        }

        private String deepJson() {
            int depth = pick(200, 600, 1200, 5000, 20_000);
            String open = random.nextBoolean() ? "[" : "{\"a\":";
            String close = open.equals("[") ? "]" : "}";
            String nested = open.repeat(depth) + "1" + close.repeat(depth);
            return random.nextBoolean() ? nested : withAnswer(question().id(), nested);
        }

        private byte[] invalidUtf8Json() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(("{\"answers\":{\"" + textQuestion().id() + "\":\"abc").getBytes(StandardCharsets.UTF_8));
            byte[][] broken = {{(byte) 0xff}, {(byte) 0xc3}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                    {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82}, {(byte) 0xfe, (byte) 0xfe}};
            out.writeBytes(broken[random.nextInt(broken.length)]);
            out.writeBytes("\"}}".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }

        private String manyKeys() {
            StringBuilder json = new StringBuilder("{\"answers\":{");
            int n = 50 + random.nextInt(500);
            for (int i = 0; i < n; i++) {
                json.append(i > 0 ? "," : "").append("\"k").append(i).append("\":").append(i);
            }
            return json.append("}}").toString();
        }

        private String truncate(String json) {
            return json.substring(0, 1 + random.nextInt(json.length() - 1));
        }

        private byte[] garbageMultipart() {
            String boundary = word();
            String text = pick("--" + boundary + "\r\nContent-Disposition: form-data; name=\"police-rating\"\r\n\r\npositive\r\n--" + boundary + "--\r\n",
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n" + word(),
                    "--x\r\n\r\n\r\n--x--", "no boundary at all", "--" + boundary + "\r\nContent-Disposition: form-data\r\n\r\n",
                    "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            if (random.nextBoolean()) {
                out.writeBytes(randomBytes(random.nextInt(500)));
            }
            return out.toByteArray();
        }

        // ---- form bodies

        /** The form's own fields, read from the page afresh for every {@value #PAGE_READS}th valid post. */
        private static final int PAGE_READS = 20;
        private MultiValueMap<String, String> pageFields;
        private int validForms;

        private String validForm() {
            StringBuilder form = new StringBuilder();
            if (validForms++ % PAGE_READS == 0) {
                pageFields = new AnonymousVisitor(client).fields("feedback");
            }
            pageFields.forEach((name, values) -> values.forEach(value -> append(form, name, value)));
            int n = 1 + random.nextInt(5);
            boolean any = false;
            for (int i = 0; i < n; i++) {
                Question q = question();
                switch (q.type()) {
                    case SCALE5 -> append(form, q.id(), pick("very_positive", "positive", "neutral", "negative", "very_negative", "no_experience"));
                    case YES_NO -> append(form, q.id(), pick("yes", "no"));
                    case MULTI -> q.options().stream().filter(o -> random.nextInt(4) == 0).forEach(o -> append(form, q.id(), o.id()));
                    default -> {
                        continue;
                    }
                }
                any = true;
            }
            if (!any) {
                append(form, "gp-rating", "positive");
            }
            return form.toString();
        }

        private String randomForm() {
            StringBuilder form = new StringBuilder();
            int n = random.nextInt(20);
            for (int i = 0; i < n; i++) {
                String name = random.nextBoolean() ? question().id() : word();
                append(form, name, random.nextInt(3) == 0 ? word() : randomText(random.nextInt(200)));
            }
            return form.toString();
        }

        private String badForm() {
            StringBuilder form = new StringBuilder();
            Question q = question();
            String value = switch (q.type()) {
                case SCALE5 -> pick("excellent", "", "VERY_POSITIVE", "positive ", "1");
                case YES_NO -> pick("maybe", "true", "1", "Y", "");
                case MULTI -> pick("dragons", "money,housing", "");
                default -> pick("z".repeat(5001), "a\u0000b", "\u001b[2J", "\ud800");
            };
            append(form, q.id(), value);
            if (q.type() == org.survivorvoice.survey.QuestionType.MULTI && random.nextBoolean()) {
                for (int i = 0; i < 25; i++) {
                    append(form, q.id(), "money");
                }
            }
            return form.toString();
        }

        private byte[] brokenFormEncoding() {
            String text = pick("police-rating=%Z", "police-comment=%", "police-comment=%F", "police-comment=%FF%FE", "%=%", "=&=&&",
                    "police-rating=positive&police-rating=negative", "police-comment=%E2%82", "police-comment=%ED%A0%80", "a=b=c=d",
                    "police-rating=positive&" + "&".repeat(5000), "police-comment=%00", "+++=+++");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
            if (random.nextBoolean()) {
                out.writeBytes(new byte[] {'&', 'g', 'p', '-', 'c', 'o', 'm', 'm', 'e', 'n', 't', '=', (byte) 0xff, (byte) 0xc3});
            }
            return out.toByteArray();
        }

        private void append(StringBuilder form, String name, String value) {
            form.append(form.isEmpty() ? "" : "&").append(UriUtils.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(UriUtils.encode(value, StandardCharsets.UTF_8));
        }

        // ---- pieces

        private Question question() {
            return questions.get(random.nextInt(questions.size()));
        }

        private Question textQuestion() {
            List<Question> texts = questions.stream().filter(q -> q.type() == org.survivorvoice.survey.QuestionType.TEXT).toList();
            return texts.get(random.nextInt(texts.size()));
        }

        private Question scalarQuestion() {
            List<Question> scalars = questions.stream().filter(q -> q.type() == org.survivorvoice.survey.QuestionType.SCALE5
                    || q.type() == org.survivorvoice.survey.QuestionType.YES_NO).toList();
            return scalars.get(random.nextInt(scalars.size()));
        }

        /** Lower-case letters, digits and dashes: never spells a Java class name that the checks look for. */
        private String word() {
            StringBuilder word = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                word.append("abcdefghijklmnopqrstuvwxyz0123456789-".charAt(random.nextInt(37)));
            }
            return word.toString();
        }

        private String randomText(int length) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(10);
                text.appendCodePoint(kind < 6 ? 'a' + random.nextInt(26) : kind < 7 ? ' ' : kind < 8 ? random.nextInt(0x20)
                        : kind < 9 ? 0x600 + random.nextInt(0x100) : 0x1F600 + random.nextInt(0x40));
            }
            return text.toString();
        }

        private byte[] randomBytes(int length) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            return bytes;
        }

        @SafeVarargs
        private <T> T pick(T... choices) {
            return choices[random.nextInt(choices.length)];
        }
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
