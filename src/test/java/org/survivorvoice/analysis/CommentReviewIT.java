package org.survivorvoice.analysis;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

/** An officer sees the suggestion and its evidence, corrects it, and from then on the report data uses the correction. */
@IntegrationTest
class CommentReviewIT {

    @Autowired
    WebTestClient client;
    @Autowired
    CommentRepository comments;
    @Autowired
    AccountService accounts;
    @Autowired
    TrainingLabels labels;

    @BeforeEach
    void staff() {
        TestAccounts.ensure(accounts);
    }

    @Test
    void aCorrectionIsKeptBesideTheSuggestionAndBecomesWhatReportsUse() {
        String id = analysedComment("The officer who came believed me straight away and explained everything. I felt safe for the first time.");
        Comment suggested = comments.findById(id).block();
        assertThat(suggested.effective().source()).isEqualTo("machine");

        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        Document page = officer.get("/staff/comments/" + id);
        assertThat(page.select(".app-comment").text()).contains("believed me straight away");
        assertThat(page.text()).contains("What the analysis suggests").contains("% sure").contains("Because of:");
        assertThat(page.select("input[name=sentiment][checked]").attr("value")).isEqualTo(suggested.machine().sentiment());

        String corrected = suggested.machine().sentiment().equals("very_positive") ? "positive" : "very_positive";
        var form = new LinkedMultiValueMap<String, String>();
        form.add("sentiment", corrected);
        form.add("themes", "heard-believed");
        form.add("themes", "first-response");
        form.add("themes", "risk-safety");
        Document list = officer.submit("/staff/comments/" + id, form);
        assertThat(list.select("h1").text()).isEqualTo("Comments");

        Comment reviewed = comments.findById(id).block();
        assertThat(reviewed.human().sentiment()).isEqualTo(corrected);
        assertThat(reviewed.human().themes()).containsExactly("heard-believed", "first-response", "risk-safety");
        assertThat(reviewed.human().by()).isEqualTo(TestAccounts.OFFICER);
        assertThat(reviewed.human().corrected()).isTrue();
        assertThat(reviewed.machine().sentiment()).isEqualTo(suggested.machine().sentiment());
        assertThat(reviewed.effective()).isEqualTo(new Comment.Labels(corrected, List.of("heard-believed", "first-response", "risk-safety"), "officer"));

        // and the correction is a label for the next retraining
        assertThat(labels.collect().block()).anySatisfy(label -> {
            assertThat(label.id()).isEqualTo(id);
            assertThat(label.sentiment().value()).isEqualTo(corrected);
            assertThat(label.themes()).containsExactlyInAnyOrder("heard-believed", "first-response", "risk-safety");
        });

        Document recordPage = officer.get("/staff/records/" + id.substring(0, id.indexOf('/')));
        assertThat(recordPage.select(".app-analysis").text()).contains("Corrected by " + TestAccounts.OFFICER).contains("Being heard and believed");
    }

    @Test
    void reanalysisNeverOverwritesTheOfficersLabels() {
        String id = analysedComment("Housing were useless, I waited eight months in one room with my two children.");
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        officer.get("/staff/comments/" + id);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("sentiment", "very_negative");
        form.add("themes", "practical-help");
        officer.submit("/staff/comments/" + id, form);

        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        admin.get("/admin/analysis");
        admin.submit("/admin/analysis/reanalysis", new LinkedMultiValueMap<>());
        await().atMost(AnalysisQueueIT.SOON).pollInterval(Duration.ofMillis(300))
                .until(() -> comments.findById(id).block().status() == CommentStatus.DONE);
        Comment again = comments.findById(id).block();
        assertThat(again.effective()).isEqualTo(new Comment.Labels("very_negative", List.of("practical-help"), "officer"));
    }

    @Test
    void aReviewNeedsATone() {
        String id = analysedComment("They were fine.");
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        officer.get("/staff/comments/" + id);
        Document refused = officer.refused("/staff/comments/" + id, StaffBrowser.form("themes", "timeliness"), 400);
        assertThat(refused.select(".govuk-error-summary").text()).contains("Choose the comment's tone");
        assertThat(comments.findById(id).block().human()).isNull();
    }

    @Test
    void onlyOfficersReviewComments() {
        String id = analysedComment("The GP listened.");
        assertThat(new StaffBrowser(client).request("/staff/comments").getStatus().value()).isEqualTo(302);
        StaffBrowser reader = StaffBrowser.signIn(client, TestAccounts.READER, TestAccounts.PASSWORD);
        assertThat(reader.request("/staff/comments").getStatus().value()).isEqualTo(403);
        assertThat(reader.request("/staff/comments/" + id).getStatus().value()).isEqualTo(403);
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        assertThat(listedOnSomePage(officer, id)).as("the comment is listed for the officer").isTrue();
        assertThat(officer.request("/staff/comments/no-such/comment").getStatus().value()).isEqualTo(404);
    }

    /** The list is paged in the order of ids (random), and other tests leave many comments: look through every page. */
    private static boolean listedOnSomePage(StaffBrowser officer, String id) {
        for (int page = 0; page < 1_000; page++) {
            org.jsoup.nodes.Document list = officer.get("/staff/comments?show=all&page=" + page);
            if (!list.select("a[href=/staff/comments/" + id + "]").isEmpty()) {
                return true;
            }
            if (list.select("a[rel=next]").isEmpty()) {
                return false;
            }
        }
        return false;
    }

    private String analysedComment(String text) {
        return AnalysedComments.submitAndWait(client, comments, "gp-comment", text);
    }
}
