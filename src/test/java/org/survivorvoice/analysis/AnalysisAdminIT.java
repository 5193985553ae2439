package org.survivorvoice.analysis;

import java.time.Duration;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The administrator's analysis pages and the analysis API. */
@IntegrationTest
class AnalysisAdminIT {

    @Autowired
    WebTestClient client;
    @Autowired
    AccountService accounts;
    @Autowired
    AnalysisEngine engine;
    @Autowired
    Retraining retraining;
    @Autowired
    CommentRepository comments;

    @BeforeEach
    void staff() {
        TestAccounts.ensure(accounts);
        await().atMost(AnalysisQueueIT.SOON).until(engine::isReady);
    }

    @Test
    void theAdministratorSeesTheQueueAndProgressAndCanAnalyseEverythingAgain() {
        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        Document page = admin.get("/admin/analysis");
        assertThat(page.select("progress")).hasSize(1);
        assertThat(page.select("[data-progress-url]").attr("data-progress-url")).isEqualTo("/admin/analysis/progress");
        assertThat(page.text()).contains("ready").contains("Comments by state");

        Document after = admin.submit("/admin/analysis/reanalysis", new LinkedMultiValueMap<>());
        assertThat(after.select(".govuk-notification-banner").text()).contains("Every comment is being analysed again");
        client.get().uri("/admin/analysis/progress").cookie(StaffBrowser.SESSION_COOKIE, admin.session()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.run").isNumber().jsonPath("$.total").isNumber().jsonPath("$.percent").isNumber();
        await().atMost(AnalysisQueueIT.SOON).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                client.get().uri("/api/v1/analysis").headers(h -> h.setBasicAuth(TestAccounts.OFFICER, TestAccounts.PASSWORD)).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.progress.percent").isEqualTo(100).jsonPath("$.engine.state").isEqualTo("ready"));
    }

    @Test
    void retrainingComparesBeforeAndAfterAndReportsIt() {
        // a correction to learn from
        String id = AnalysedComments.submitAndWait(client, comments, "a-and-e-comment",
                "The nurse noticed my bruises and asked me gently if I was safe at home.");
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        officer.get("/staff/comments/" + id);
        var review = new LinkedMultiValueMap<String, String>();
        review.add("sentiment", "positive");
        review.add("themes", "da-understanding");
        officer.submit("/staff/comments/" + id, review);

        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        admin.get("/admin/analysis");
        Document started = admin.submit("/admin/analysis/retraining", new LinkedMultiValueMap<>());
        assertThat(started.text()).containsAnyOf("Retraining started", "already running");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> retraining.last() != null && !retraining.last().state().equals("running"));

        Retraining.Outcome outcome = retraining.last();
        assertThat(outcome.state()).isEqualTo("done");
        assertThat(outcome.report()).contains("before").contains("after").contains("polarity accuracy").contains("theme micro-F1")
                .containsPattern("After: +corpus \\d+ \\+ ratings \\d+ \\+ officer reviews [1-9]");
        Document page = admin.get("/admin/analysis");
        assertThat(page.select(".app-report").text()).contains("polarity accuracy");
        if (outcome.replaced()) {
            assertThat(engine.status().detail()).containsPattern("corpus \\d+ \\+ ratings \\d+ \\+ officer reviews [1-9]");
        } else {
            assertThat(outcome.report()).contains("the current model stays");
        }
    }

    @Test
    void agreementIsShownPerTheme() {
        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        Document page = admin.get("/admin/analysis/agreement");
        assertThat(page.select("table tbody tr")).hasSize(17);
        assertThat(page.text()).contains("Cohen's kappa");
    }

    @Test
    void onlyAdministratorsManageTheAnalysisAndOnlyStaffSeeIt() {
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        assertThat(officer.request("/admin/analysis").getStatus().value()).isEqualTo(403);
        officer.get("/staff");
        assertThat(officer.post("/admin/analysis/reanalysis", new LinkedMultiValueMap<>()).getStatus().value()).isEqualTo(403);

        client.get().uri("/api/v1/analysis").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/analysis").headers(h -> h.setBasicAuth(TestAccounts.READER, TestAccounts.PASSWORD)).exchange()
                .expectStatus().isForbidden();
        client.post().uri("/api/v1/analysis/reanalysis").headers(h -> h.setBasicAuth(TestAccounts.OFFICER, TestAccounts.PASSWORD)).exchange()
                .expectStatus().isForbidden();
        client.post().uri("/api/v1/analysis/reanalysis").headers(h -> h.setBasicAuth(TestAccounts.ADMIN, TestAccounts.PASSWORD)).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.comments").isNumber();
    }
}
