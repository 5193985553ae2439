package org.survivorvoice.survey;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;

import static org.assertj.core.api.Assertions.assertThat;

/** Instrument definitions over the API: anonymous ones for everyone, staff ones for staff. */
@IntegrationTest
class InstrumentApiIT {

    @Autowired
    WebTestClient client;
    @Autowired
    AccountService accounts;

    @BeforeEach
    void staff() {
        TestAccounts.ensure(accounts);
    }

    @Test
    void strangersSeeOnlyTheAnonymousForm() {
        client.get().uri("/api/v1/instruments").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo("feedback")
                .jsonPath("$[0].version").isEqualTo(1)
                .jsonPath("$[0].title").isEqualTo("Tell us about your experience")
                .jsonPath("$[0].audience").isEqualTo("anonymous");
    }

    @Test
    void staffSeeEveryInstrument() {
        client.get().uri("/api/v1/instruments").headers(h -> h.setBasicAuth(TestAccounts.READER, TestAccounts.PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids).containsExactly("feedback", "focus-group", "interview"))
                .jsonPath("$[?(@.id == 'interview')].audience").isEqualTo(List.of("staff"));
    }

    @Test
    void aDefinitionGivesEachQuestionItsIdTypeRequiredAndOptions() {
        client.get().uri("/api/v1/instruments/feedback").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.id").isEqualTo("feedback")
                .jsonPath("$.sections[0].id").isEqualTo("police")
                .jsonPath("$.sections[0].agency").isEqualTo("police")
                .jsonPath("$.sections[0].questions[0].id").isEqualTo("police-rating")
                .jsonPath("$.sections[0].questions[0].type").isEqualTo("scale5")
                .jsonPath("$.sections[0].questions[0].required").isEqualTo(false)
                .jsonPath("$.sections[0].questions[0].options[*].id").isEqualTo(
                        List.of("very_positive", "positive", "neutral", "negative", "very_negative", "no_experience"))
                .jsonPath("$.sections[0].questions[1].type").isEqualTo("text")
                .jsonPath("$.sections[0].questions[1].maxLength").isEqualTo(5000)
                .jsonPath("$..questions[?(@.id == 'barriers')].type").isEqualTo(List.of("multi"))
                .jsonPath("$..questions[?(@.id == 'barriers')].options[0].id").isEqualTo(List.of("not-knowing-where-to-go"))
                .jsonPath("$..questions[?(@.id == 'barriers')].options[0].label").value(labels -> assertThat((List<Object>) labels).hasSize(1))
                .jsonPath("$..questions[?(@.id == 'marac-referred')].measure").isEqualTo(List.of("marac-referred"))
                .jsonPath("$..questions[?(@.id == 'marac-referred')].options[*].id").isEqualTo(List.of("yes", "no"));
    }

    @Test
    void aStaffDefinitionNeedsStaffAndShowsItsLimits() {
        client.get().uri("/api/v1/instruments/focus-group").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/v1/instruments/focus-group").headers(h -> h.setBasicAuth(TestAccounts.OFFICER, TestAccounts.PASSWORD)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.audience").isEqualTo("staff")
                .jsonPath("$.dateQuestion").isEqualTo("focus-group-date")
                .jsonPath("$..questions[?(@.id == 'participants')].min").isEqualTo(List.of(1))
                .jsonPath("$..questions[?(@.id == 'believed-count')].maxOf").isEqualTo(List.of("participants"))
                .jsonPath("$..questions[?(@.id == 'key-themes')].type").isEqualTo(List.of("themes"));
    }

    @Test
    void anUnknownInstrumentIsA404() {
        client.get().uri("/api/v1/instruments/nothing").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
