package org.survivorvoice.quote;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.analysis.AnalysedComments;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentRepository;
import org.survivorvoice.survey.Channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.StaffBrowser.form;

/**
 * An officer turns a comment into an anonymised quote; the quotes list and the reports' lookup show
 * the quote and never the comment; readers cannot reach any of it.
 */
@IntegrationTest
class QuoteApprovalIT {

    @Autowired
    WebTestClient client;
    @Autowired
    CommentRepository comments;
    @Autowired
    AccountService accounts;
    @Autowired
    QuoteService quotes;
    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeEach
    void staff() {
        TestAccounts.ensure(accounts);
    }

    @Test
    void anOfficerApprovesAnAnonymisedQuoteAndOnlyTheQuoteIsListed() {
        String raw = "The officer at Brixton station, Sarah, believed me straight away and Dave was arrested that night.";
        String anonymised = "[The officer] believed me straight away and [my ex-partner] was arrested that night.";
        String id = analysed("police-comment", raw);
        Comment comment = comments.findById(id).block();
        StaffBrowser officer = officer();

        Document commentPage = officer.get("/staff/comments/" + id);
        assertThat(commentPage.select("#quote").text()).isEqualTo("Use as a quote");
        String formHref = commentPage.select("a:contains(Write a quote from this comment)").attr("href");
        assertThat(formHref).startsWith("/staff/quotes/new?comment=");

        Document approval = officer.get(formHref);
        assertThat(approval.select("textarea#text").text()).as("pre-filled with the comment").isEqualTo(raw);
        assertThat(approval.select("input[name=tone][checked]").attr("value")).isEqualTo(Tone.of(comment.effective()).value());
        assertThat(approval.select(".govuk-warning-text").text())
                .contains("Check these before approving: Brixton (name or place?), Sarah (name or place?), Dave (name or place?).")
                .contains("a help, never a guarantee");

        Document approved = officer.submit("/staff/quotes", form("comment", id, "text", anonymised, "tone", "positive"));
        assertThat(approved.select("h1").text()).isEqualTo("Review a comment");
        assertThat(approved.select("blockquote.app-quote").text()).isEqualTo(anonymised);
        assertThat(approved.select("form[action$=/withdraw] button").text()).isEqualTo("Withdraw");

        Quote quote = quotes.forComment(id).block();
        assertThat(quote.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(quote.text()).isEqualTo(anonymised);
        assertThat(quote.tone()).isEqualTo("positive");
        assertThat(quote.status()).isEqualTo(QuoteStatus.APPROVED);
        assertThat(quote.approvedBy()).isEqualTo(TestAccounts.OFFICER);
        assertThat(quote.approvedOn()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(quote.responseId()).isEqualTo(comment.responseId());
        assertThat(quote.agency()).isEqualTo("police");
        assertThat(quote.quarter()).isEqualTo(comment.quarter());
        assertThat(quote.channel()).isEqualTo(Channel.ANONYMOUS_FORM);
        assertThat(quote.themes()).isEqualTo(comment.effective().themes());
        assertThat(quote.verbatim()).isFalse();
        String stored = mongo.findById(quote.id(), org.bson.Document.class, "quotes").block().toJson();
        assertThat(stored).doesNotContain("Sarah").doesNotContain("Brixton").doesNotContain("Dave");

        Document list = officer.get("/staff/quotes");
        assertThat(list.select("table.app-quotes tbody").text()).contains(anonymised);
        assertThat(list.html()).doesNotContain("Sarah").doesNotContain("Brixton");
        assertThat(officer.get("/staff/quotes?agency=police&quarter=" + comment.quarter()).select(".app-quote").eachText()).contains(anonymised);
        assertThat(officer.get("/staff/quotes?agency=housing").select(".app-quote").eachText()).doesNotContain(anonymised);
        assertThat(quotes.approved(List.of(comment.quarter()), List.of("police")).map(Quote::id).collectList().block()).contains(quote.id());
        assertThat(quotes.approved(List.of(comment.quarter()), List.of("housing")).map(Quote::id).collectList().block())
                .doesNotContain(quote.id());
    }

    @Test
    void anEmptyQuoteIsRefusedWithTheFormAgainAndNothingIsStored() {
        String id = analysed("housing-comment", "Housing in Lewisham left us in one room for eight months.");
        StaffBrowser officer = officer();
        officer.get(QuoteViews.formHref(id));

        Document refused = officer.refused("/staff/quotes", form("comment", id, "text", "  ", "tone", "negative"), 400);
        assertThat(refused.select(".govuk-error-summary").text()).contains("Enter the quote as it will be published");
        assertThat(refused.select(".govuk-error-summary a").attr("href")).isEqualTo("#text");
        assertThat(refused.select("#text-error").text()).contains("Enter the quote as it will be published");
        assertThat(refused.select("input[name=tone][checked]").attr("value")).isEqualTo("negative");
        assertThat(quotes.forComment(id).blockOptional()).isEmpty();
    }

    @Test
    void theCommentWordForWordNeedsTheOfficersConfirmationAndHerTextIsKept() {
        String raw = "The GP listened to me and gave me time.";
        String id = analysed("gp-comment", raw);
        StaffBrowser officer = officer();
        officer.get(QuoteViews.formHref(id));

        String edited = "The GP listened to me, and gave me time";
        Document refused = officer.refused("/staff/quotes", form("comment", id, "text", edited, "tone", "positive"), 400);
        assertThat(refused.select(".govuk-error-summary").text()).contains("The quote has the same words as the comment");
        assertThat(refused.select("textarea#text").text()).isEqualTo(edited);
        assertThat(quotes.forComment(id).blockOptional()).isEmpty();

        officer.submit("/staff/quotes", form("comment", id, "text", edited, "tone", "positive", "nothingIdentifying", "yes"));
        Quote quote = quotes.forComment(id).block();
        assertThat(quote.text()).isEqualTo(edited);
        assertThat(quote.verbatim()).isTrue();
    }

    @Test
    void approvingAgainReplacesTheQuote() {
        String id = analysed("social-services-comment", "My social worker Jo was never there when I rang.");
        StaffBrowser officer = officer();
        approve(officer, id, "My social worker [name] was never there.", "negative");
        Quote first = quotes.forComment(id).block();

        Document form = officer.get(QuoteViews.formHref(id));
        assertThat(form.select("textarea#text").text()).as("pre-filled with the approved quote").isEqualTo(first.text());
        assertThat(form.text()).contains("A quote from this comment was approved by " + TestAccounts.OFFICER);
        officer.submit("/staff/quotes", form("comment", id, "text", "My social worker was never there when I rang.", "tone", "neutral"));

        Quote second = quotes.forComment(id).block();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.text()).isEqualTo("My social worker was never there when I rang.");
        assertThat(second.tone()).isEqualTo("neutral");
        assertThat(mongo.count(Query.query(Criteria.where("commentId").is(id)), Quote.class).block()).isEqualTo(1);
        assertThat(officer.get("/staff/quotes").select(".app-quote").eachText())
                .contains(second.text()).doesNotContain(first.text());
    }

    @Test
    void aWithdrawnQuoteLeavesTheReportsUntilItIsApprovedAgain() {
        String id = analysed("mental-health-comment", "The crisis team from St Ann's came within the hour, I felt safe.");
        Comment comment = comments.findById(id).block();
        String text = "[The crisis team] came within the hour, I felt safe.";
        StaffBrowser officer = officer();
        Document commentPage = approve(officer, id, text, "positive");
        Quote quote = quotes.forComment(id).block();
        assertThat(approvedIds(comment)).contains(quote.id());

        String withdrawAction = commentPage.select("form[action$=/withdraw]").attr("action");
        assertThat(withdrawAction).isEqualTo("/staff/quotes/" + quote.id() + "/withdraw");
        Document afterWithdrawal = officer.submit(withdrawAction, form("back", "comment"));
        assertThat(afterWithdrawal.text()).contains("withdrawn by " + TestAccounts.OFFICER).contains("Reports no longer show it");
        assertThat(afterWithdrawal.select("blockquote.app-quote")).isEmpty();

        Quote withdrawn = quotes.forComment(id).block();
        assertThat(withdrawn.status()).isEqualTo(QuoteStatus.WITHDRAWN);
        assertThat(withdrawn.withdrawnBy()).isEqualTo(TestAccounts.OFFICER);
        assertThat(approvedIds(comment)).doesNotContain(quote.id());
        assertThat(quotes.approved(null, null).map(Quote::id).collectList().block()).doesNotContain(quote.id());
        assertThat(officer.get("/staff/quotes").select(".app-quote").eachText()).doesNotContain(text);

        approve(officer, id, text, "positive");
        assertThat(approvedIds(comment)).contains(quote.id());
        assertThat(quotes.forComment(id).block().withdrawnBy()).isNull();
    }

    @Test
    void readersCannotReachQuotesOrApproveOne() {
        String id = analysed("a-and-e-comment", "The nurse at A&E asked me if I was safe at home.");
        approve(officer(), id, "[The nurse] asked me if I was safe at home.", "positive");
        Quote quote = quotes.forComment(id).block();

        assertThat(new StaffBrowser(client).request("/staff/quotes").getStatus().value()).isEqualTo(302);
        StaffBrowser reader = StaffBrowser.signIn(client, TestAccounts.READER, TestAccounts.PASSWORD);
        reader.get("/staff");
        assertThat(reader.request("/staff/quotes").getStatus().value()).isEqualTo(403);
        assertThat(reader.request(QuoteViews.formHref(id)).getStatus().value()).isEqualTo(403);
        assertThat(reader.post("/staff/quotes", form("comment", id, "text", "Changed by a reader.", "tone", "negative"))
                .getStatus().value()).isEqualTo(403);
        assertThat(reader.post("/staff/quotes/" + quote.id() + "/withdraw", form("back", "list")).getStatus().value()).isEqualTo(403);

        Quote unchanged = quotes.forComment(id).block();
        assertThat(unchanged.text()).isEqualTo(quote.text());
        assertThat(unchanged.status()).isEqualTo(QuoteStatus.APPROVED);
    }

    @Test
    void unknownCommentsQuotesAndFiltersAreClearErrors() {
        StaffBrowser officer = officer();
        officer.get("/staff/quotes");
        assertThat(officer.request("/staff/quotes/new?comment=no-such/comment").getStatus().value()).isEqualTo(404);
        assertThat(officer.post("/staff/quotes", form("comment", "no-such/comment", "text", "x")).getStatus().value()).isEqualTo(404);
        assertThat(officer.post("/staff/quotes/no-such-quote/withdraw", form()).getStatus().value()).isEqualTo(404);
        var badQuarter = officer.request("/staff/quotes?quarter=summer");
        assertThat(badQuarter.getStatus().value()).isEqualTo(400);
        assertThat(StaffBrowser.parse(badQuarter).text()).contains("Choose a quarter from the list.");
        var badAgency = officer.request("/staff/quotes?agency=nowhere");
        assertThat(badAgency.getStatus().value()).isEqualTo(400);
        assertThat(StaffBrowser.parse(badAgency).text()).contains("Choose an agency from the list.");
    }

    @Test
    void aQuoteAboutNoOneAgencyIsListedUnderNotAboutOneAgency() {
        String id = analysed("other-comments", "Thank you to Priya for everything, I would not be here without her.");
        String text = "Thank you to [my advocate] for everything, I would not be here without her.";
        StaffBrowser officer = officer();
        approve(officer, id, text, "positive");
        Quote quote = quotes.forComment(id).block();
        assertThat(quote.agency()).isNull();

        Document none = officer.get("/staff/quotes?agency=none");
        assertThat(none.select("caption").text()).startsWith("Approved quotes, Not about one agency:");
        assertThat(none.select(".app-quote").eachText()).contains(text);
        assertThat(officer.get("/staff/quotes?agency=police").select(".app-quote").eachText()).doesNotContain(text);
        assertThat(quotes.approved(null, java.util.Collections.singletonList(null)).map(Quote::id).collectList().block())
                .contains(quote.id());
    }

    /** Opens the approval form (for its CSRF token), approves the quote and returns the comment page it leads to. */
    private static Document approve(StaffBrowser officer, String commentId, String text, String tone) {
        officer.get(QuoteViews.formHref(commentId));
        return officer.submit("/staff/quotes", form("comment", commentId, "text", text, "tone", tone));
    }

    private List<String> approvedIds(Comment comment) {
        return quotes.approved(List.of(comment.quarter()), List.of(comment.agency())).map(Quote::id).collectList().block();
    }

    private StaffBrowser officer() {
        return StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
    }

    private String analysed(String question, String text) {
        return AnalysedComments.submitAndWait(client, comments, question, text);
    }
}
