package org.survivorvoice.analysis;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.response.ResponseApiITData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every free-text answer saved through any route is analysed soon after, without the submitter waiting. */
@IntegrationTest
class AnalysisQueueIT {

    /** Covers loading the models at start-up (once per test run) as well as the analysis itself. */
    static final Duration SOON = Duration.ofSeconds(180);

    @Autowired
    WebTestClient client;
    @Autowired
    CommentRepository comments;
    @Autowired
    AccountService accounts;
    @Autowired
    AnalysisWorker worker;

    @BeforeEach
    void staff() {
        TestAccounts.ensure(accounts);
    }

    @Test
    void anAnonymousCommentIsQueuedAtOnceAndAnalysedSoonAfter() {
        String id = submit("/api/v1/instruments/feedback/responses", Map.of("answers", Map.of(
                "police-rating", "very_negative",
                "police-comment", "The officer laughed at me and said it was just a domestic. Nobody ever called me back.")), false);

        List<Comment> queued = comments.findByResponseId(id).collectList().block();
        assertThat(queued).singleElement().satisfies(comment -> {
            assertThat(comment.agency()).isEqualTo("police");
            assertThat(comment.rating()).isEqualTo("very_negative");
            assertThat(comment.kind()).isEqualTo("comment");
        });

        Comment done = awaitFinished(id + "/police-comment");
        assertThat(done.status()).isEqualTo(CommentStatus.DONE);
        assertThat(done.machine().sentiment()).isIn("very_negative", "negative");
        assertThat(done.machine().sentimentEvidence()).isNotEmpty();
        assertThat(done.effective().source()).isEqualTo("machine");
        assertThat(done.effective().sentiment()).isEqualTo(done.machine().sentiment());
        assertThat(done.leaseUntil()).isNull();
        assertThat(done.leaseOwner()).isNull();
        assertThat(done.notBefore()).isNull();
    }

    /** Spring's test framework stops an application it is not using and starts it again later: the worker must carry on. */
    @Test
    void theWorkerAnalysesAgainAfterItsApplicationWasStoppedAndStarted() {
        worker.stop();
        assertThat(worker.isRunning()).isFalse();
        worker.start();
        assertThat(worker.isRunning()).isTrue();
        String id = AnalysedComments.submitAndWait(client, comments, "housing-comment",
                "The housing officer found us a safe flat within a week.");
        assertThat(comments.findById(id).block().status()).isEqualTo(CommentStatus.DONE);
    }

    @Test
    void commentsFromTheHtmlFormAndFromAnOfficersRecordAreQueuedToo() {
        var formResult = new org.survivorvoice.AnonymousVisitor(client).send("feedback", org.survivorvoice.StaffBrowser.form(
                "maternity-comment", "The midwife noticed something was wrong and asked me when he was out of the room."));
        assertThat(formResult.getStatus().value()).isEqualTo(303);
        assertThat(formResult.getResponseHeaders().getLocation()).hasToString("/f/feedback/thanks");
        await().atMost(SOON).pollInterval(Duration.ofMillis(300)).until(() -> comments.findAll()
                .filter(c -> c.text() != null && c.text().startsWith("The midwife noticed")).filter(c -> c.status() == CommentStatus.DONE).hasElements().block());

        var officer = org.survivorvoice.StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        var page = officer.submit("/staff/drafts", org.survivorvoice.StaffBrowser.form("instrument", "focus-group"));
        String about = page.selectFirst("main form[method=post]").attr("action");
        page = officer.submit(about, org.survivorvoice.StaffBrowser.form("focus-group-date-day", "3", "focus-group-date-month", "3",
                "focus-group-date-year", "2016", "area", "housing", "participants", "6", "action", "later"));
        String draft = about.substring(0, about.indexOf("/sections/"));
        var notes = officer.get(draft + "/sections/officer-notes");
        officer.submit(draft + "/sections/officer-notes", org.survivorvoice.StaffBrowser.form("notes",
                "The group felt the council did not understand why they could not stay in the area.", "action", "continue"));
        var record = officer.submit(officer.get(draft + "/check").selectFirst("form[action$=/submit]").attr("action"),
                org.survivorvoice.StaffBrowser.form());
        String responseId = draft.substring(draft.lastIndexOf('/') + 1);
        assertThat(record.select(".govuk-panel__title").text()).isEqualTo("Record submitted");
        assertThat(awaitFinished(responseId + "/notes").status()).isEqualTo(CommentStatus.DONE);
        assertThat(notes.select("textarea[name=notes]")).hasSize(1);
    }

    @Test
    void anInterviewCommentCarriesTheClientsOwnRatingOfThatAgency() {
        Map<String, Object> answers = new HashMap<>(ResponseApiITData.completeInterview("2016-02-01"));
        answers.put("housing-rating", "positive");
        answers.put("housing-comment", "They found me a flat near my sister within a month.");
        String id = submit("/api/v1/instruments/interview/responses", Map.of("answers", answers), true);

        Comment housing = comments.findById(id + "/housing-comment").block();
        assertThat(housing.rating()).isEqualTo("positive");
        assertThat(housing.agency()).isEqualTo("housing");
        assertThat(housing.quarter()).isEqualTo("2015/16-Q4");
        assertThat(comments.findById(id + "/police-comment").block().rating()).isEqualTo("negative");
        assertThat(awaitFinished(id + "/housing-comment").status()).isEqualTo(CommentStatus.DONE);
    }

    @Test
    void focusGroupFindingsAndQuotesAreCommentsToo() {
        String id = submit("/api/v1/instruments/focus-group/responses", Map.of("answers", Map.of(
                "focus-group-date", "2016-01-10", "area", "criminal-justice", "participants", 5,
                "key-themes", List.of(Map.of("theme", "evidence-gathering", "finding", "Four of five said little evidence was gathered.")),
                "quotes", List.of("I just wanted someone to believe me.", "Court felt like I was the one on trial."))), true);

        List<Comment> queued = comments.findByResponseId(id).collectList().block();
        assertThat(queued).extracting(Comment::id).containsExactlyInAnyOrder(
                id + "/key-themes/0", id + "/quotes/0", id + "/quotes/1");
        Comment finding = comments.findById(id + "/key-themes/0").block();
        assertThat(finding.kind()).isEqualTo("finding");
        assertThat(finding.officerTheme()).isEqualTo("evidence-gathering");
        assertThat(comments.findById(id + "/quotes/1").block().kind()).isEqualTo("quote");
        queued.forEach(comment -> assertThat(awaitFinished(comment.id()).status()).isEqualTo(CommentStatus.DONE));
    }

    @Test
    void awkwardCommentsAreAnalysedOrMarkedNotAnalysableWithAReasonAndTheWorkerCarriesOn() {
        String longSentence = String.join(" ", java.util.Collections.nCopies(60,
                "and then they said they would call and")) + " nobody called";
        String atTheLimit = ("The housing officer never rang back. ".repeat(140)).substring(0, 5000);
        Map<String, Object> answers = new HashMap<>();
        answers.put("police-comment", "😡😡😡 🙏");
        answers.put("courts-comment", "Суд був жахливий, ніхто не слухав");
        answers.put("civil-courts-comment", "Sąd rodzinny był okropny i nikt mnie nie wysłuchał w tej sprawie");
        answers.put("social-services-comment", "<script>alert('x')</script><b>The social worker was kind</b> and listened to me.");
        answers.put("housing-comment", atTheLimit);
        answers.put("gp-comment", longSentence);
        answers.put("other-comments", "Thank you 🙏 they were brilliant");
        String id = submit("/api/v1/instruments/feedback/responses", Map.of("answers", answers), false);

        assertThat(awaitFinished(id + "/police-comment")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CommentStatus.NOT_ANALYSABLE);
            assertThat(c.problem()).contains("no words");
        });
        assertThat(awaitFinished(id + "/courts-comment")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CommentStatus.NOT_ANALYSABLE);
            assertThat(c.problem()).contains("Latin alphabet");
        });
        assertThat(awaitFinished(id + "/civil-courts-comment")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CommentStatus.NOT_ANALYSABLE);
            assertThat(c.problem()).contains("does not look like English");
        });
        assertThat(awaitFinished(id + "/social-services-comment").status()).isEqualTo(CommentStatus.DONE);
        assertThat(awaitFinished(id + "/housing-comment").status()).isEqualTo(CommentStatus.DONE);
        assertThat(awaitFinished(id + "/gp-comment").status()).isEqualTo(CommentStatus.DONE);
        assertThat(awaitFinished(id + "/other-comments")).satisfies(c -> {
            assertThat(c.status()).isEqualTo(CommentStatus.DONE);
            assertThat(c.machine().sentiment()).isIn("positive", "very_positive");
        });
        // the stored comment keeps what was written; only the analysis ignores the markup
        assertThat(comments.findById(id + "/social-services-comment").block().text()).startsWith("<script>");
    }

    private String submit(String uri, Object body, boolean asOfficer) {
        return (String) client.post().uri(uri)
                .headers(h -> {
                    if (asOfficer) {
                        h.setBasicAuth(TestAccounts.OFFICER, TestAccounts.PASSWORD);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private Comment awaitFinished(String commentId) {
        await().atMost(SOON).pollInterval(Duration.ofMillis(300)).until(() -> {
            Comment comment = comments.findById(commentId).block();
            return comment != null && comment.status() != CommentStatus.PENDING && comment.status() != CommentStatus.RUNNING;
        });
        return comments.findById(commentId).block();
    }
}
