package org.survivorvoice.survey;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.definition.DefinitionException;
import org.survivorvoice.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A new version of an instrument never breaks the responses to an old one. */
@IntegrationTest
class InstrumentVersionsIT {

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    InstrumentCatalogue catalogue;
    @Autowired
    Codebook codebook;
    @Autowired
    WebTestClient client;
    @Autowired
    AccountService accounts;

    @Test
    void oldResponsesKeepTheirQuestionsAndAChangedVersionIsRefusedOnceUsed() {
        String id = "versioned-" + System.nanoTime();
        Instrument v1 = instrument(id, 1, "How was the police?", "scale5", "Old comment question");
        start(v1);

        Response old = new Response("resp-" + id, id, 1, v1.channel(), "2015-08-01", "2015/16-Q2", "en", null, null, null,
                Map.of("police-rating", "positive", "extra", "Kept in the old wording"), true, false);
        // Written with the driver itself, as a response stored before this test's wording change: through the
        // template, the encryption's look-up of the instrument's text questions would load version 1 into the
        // running service's cache, where a wording change (a restart, in real use) would not reach it.
        org.bson.Document stored = new org.bson.Document();
        mongo.getConverter().write(old, stored);
        mongo.getCollection("responses").flatMap(collection -> reactor.core.publisher.Mono.from(collection.insertOne(stored)))
                .block(Duration.ofSeconds(5));

        // same version, new wording only: allowed, and the stored copy takes the new wording
        start(instrument(id, 1, "How was your experience of the police?", "scale5", "Old comment question"));
        assertThat(fresh().find(id, 1).block().questions().get(0).text()).isEqualTo("How was your experience of the police?");

        // same version, a question retyped: refused, because responses to version 1 exist
        assertThatThrownBy(() -> start(instrument(id, 1, "How was the police?", "yes-no", "Old comment question")))
                .isInstanceOf(DefinitionException.class)
                .hasMessageContaining("surveys/" + id + ".yaml")
                .hasMessageContaining("raise 'version'");

        // version 2 changes the questions: allowed; version 1 is still there for the old response
        InstrumentVersions versions = start(instrument(id, 2, "Did the police help?", "yes-no", "New comment question"));
        assertThat(versions.find(id, 2).block().questions()).extracting(Question::type).containsExactly(QuestionType.YES_NO, QuestionType.TEXT);
        Instrument first = versions.find(id, 1).block();
        assertThat(first.questions()).extracting(Question::type).containsExactly(QuestionType.SCALE5, QuestionType.TEXT);
        assertThat(first.questions().get(1).text()).isEqualTo("Old comment question");

        // the officer sees the old response with its own questions
        TestAccounts.ensure(accounts);
        var page = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD).get("/staff/records/" + old.id());
        assertThat(page.text()).contains("How was your experience of the police?").contains("Positive")
                .contains("Old comment question").contains("Kept in the old wording");
    }

    private InstrumentVersions start(Instrument instrument) {
        InstrumentVersions versions = new InstrumentVersions(new InstrumentCatalogue(catalogue.agencies(), List.of(instrument)), mongo);
        versions.afterSingletonsInstantiated();
        return versions;
    }

    private InstrumentVersions fresh() {
        return new InstrumentVersions(new InstrumentCatalogue(catalogue.agencies(), List.of()), mongo);
    }

    private Instrument instrument(String id, int version, String ratingText, String ratingType, String commentText) {
        String yaml = """
                id: %s
                version: %d
                audience: anonymous
                channel: anonymous-form
                title: Versioned
                sections:
                  - id: police
                    title: Police
                    questions:
                      - id: police-rating
                        type: %s
                        text: %s
                      - id: extra
                        type: text
                        text: %s
                """.formatted(id, version, ratingType, ratingText, commentText);
        return new InstrumentParser(catalogue.agencies()).parse("surveys/" + id + ".yaml", yaml, id);
    }
}
