package org.survivorvoice.recording;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.response.ResponseRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.StaffBrowser.form;

/** An officer records an interview and a focus group through the pages, one section at a time. */
@IntegrationTest
class RecordingPagesIT {

    private static final List<String> AGENCIES = org.survivorvoice.response.ResponseApiITData.AGENCIES;

    @Autowired
    WebTestClient client;
    @Autowired
    AccountService accounts;
    @Autowired
    ResponseRepository responses;

    StaffBrowser officer;

    @BeforeEach
    void signIn() {
        TestAccounts.ensure(accounts);
        officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
    }

    @Test
    void anInterviewIsRecordedSectionBySectionCheckedAndSubmitted() {
        Document home = officer.get("/staff");
        assertThat(home.select("button").eachText()).contains("Record: One-to-one feedback interview");

        Document page = officer.submit("/staff/drafts", form("instrument", "interview"));
        assertThat(page.select("h1").text()).isEqualTo("About this interview");
        assertThat(page.select(".govuk-caption-l").text()).contains("Section 1 of 15");

        page = officer.submit(action(page), form("interview-date-day", "14", "interview-date-month", "8",
                "interview-date-year", "2015", "interview-language", "english", "action", "continue"));
        for (String agency : AGENCIES) {
            MultiValueMap<String, String> answers = form(agency + "-rating", "police".equals(agency) ? "negative" : "no_experience",
                    "action", "continue");
            if ("police".equals(agency)) {
                answers.add("police-comment", "The officer who came that night believed me.");
            }
            assertThat(page.select("input[type=radio][name=" + agency + "-rating]")).as(agency).hasSize(6);
            page = officer.submit(action(page), answers);
        }
        assertThat(page.select("h1").text()).isEqualTo("Barriers to getting help");
        page = officer.submit(action(page), form("barriers-any", "yes", "barriers", "fear-of-repercussions",
                "barriers", "language", "action", "continue"));
        page = officer.submit(action(page), form("felt-believed", "yes", "felt-safer", "no", "action", "continue"));
        page = officer.submit(action(page), form("action", "continue"));

        assertThat(page.select("h1").text()).isEqualTo("Check the answers before submitting");
        assertThat(page.text()).contains("The officer who came that night believed me.")
                .contains("14 August 2015").contains("Fear of repercussions");
        assertThat(page.select("a:contains(Change)")).isNotEmpty();

        Document record = officer.submit(page.selectFirst("form[action$=/submit]").attr("action"), form());
        assertThat(record.select(".govuk-panel__title").text()).isEqualTo("Record submitted");
        String reference = record.select(".govuk-panel__body strong").text();
        assertThat(reference).matches("SV-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(record.text()).contains("2015-08-14 (2015/16 Q2)").contains("The officer who came that night believed me.");

        var stored = responses.findByReference(reference).block();
        assertThat(stored).isNotNull();
        assertThat(stored.recordedBy()).isEqualTo(TestAccounts.OFFICER);
        assertThat(stored.quarter()).isEqualTo("2015/16-Q2");
        assertThat(stored.answers()).containsEntry("police-rating", "negative").containsEntry("felt-safer", "no");

        Document list = officer.get("/staff/records?instrument=interview");
        assertThat(list.select("td").eachText()).contains(reference);
        // the draft is gone once submitted (a record's id is its draft's id)
        assertThat(officer.request("/staff/drafts/" + stored.id() + "/check").getStatus().value()).isEqualTo(404);
    }

    @Test
    void aRequiredAnswerMissingKeepsTheOfficerOnTheSectionWithAnError() {
        Document page = officer.submit("/staff/drafts", form("instrument", "interview"));
        String section = action(page);
        Document refused = officer.refused(section, form("interview-date-day", "31", "interview-date-month", "2",
                "interview-date-year", "2015", "action", "continue"), 400);
        assertThat(refused.select(".govuk-error-summary a").eachAttr("href")).containsExactly("#interview-date", "#interview-language");
        assertThat(refused.select("#interview-date-error").text()).contains("real date");
        assertThat(refused.selectFirst("input[name=interview-date-day]").val()).isEqualTo("31");
    }

    @Test
    void aDraftCanBeLeftAndResumedAndSubmittingItIncompleteShowsWhatIsMissing() {
        Document page = officer.submit("/staff/drafts", form("instrument", "interview"));
        String about = action(page);
        Document drafts = officer.submit(about, form("interview-date-day", "3", "interview-date-month", "2",
                "interview-date-year", "2016", "action", "later"));
        assertThat(drafts.select("h1").text()).isEqualTo("Drafts");
        assertThat(drafts.select(".govuk-notification-banner").text()).contains("Draft saved");
        String check = drafts.select("a:contains(Continue)").first().attr("href");

        Document checkPage = officer.get(check);
        assertThat(checkPage.text()).contains("3 February 2016");
        Document refused = officer.refused(checkPage.selectFirst("form[action$=/submit]").attr("action"), form(), 400);
        assertThat(refused.select(".govuk-error-summary a").eachAttr("href"))
                .contains(about + "#interview-language")
                .anySatisfy(href -> assertThat(href).endsWith("/sections/police#police-rating"));
    }

    @Test
    void aFocusGroupKeepsThemesWithFindingsAndTalliesOutOfTheParticipants() {
        Document page = officer.submit("/staff/drafts", form("instrument", "focus-group"));
        page = officer.submit(action(page), form("focus-group-date-day", "10", "focus-group-date-month", "1",
                "focus-group-date-year", "2016", "area", "criminal-justice", "participants", "5", "action", "continue"));

        assertThat(page.select("input[type=checkbox][name=key-themes]")).hasSize(17);
        MultiValueMap<String, String> themes = new LinkedMultiValueMap<>();
        themes.add("key-themes", "evidence-gathering");
        themes.add("key-themes--evidence-gathering", "4 of 5 were concerned at how little evidence was gathered.");
        // typed under a theme that was not ticked (JavaScript off): still kept
        themes.add("key-themes--giving-evidence", "Cross-examination felt like being on trial.");
        themes.add("action", "continue");
        page = officer.submit(action(page), themes);

        Document refused = officer.refused(action(page), form("believed-count", "6", "action", "continue"), 400);
        assertThat(refused.select("#believed-count-error").text()).contains("Cannot be more than 5");

        page = officer.submit(action(page), form("believed-count", "4", "safer-count", "2", "accountable-count", "2",
                "evidence-hardest-count", "4", "would-return-count", "3", "action", "continue"));
        page = officer.submit(action(page), form("quotes", "I just wanted someone to believe me.", "quotes", "", "action", "continue"));
        page = officer.submit(action(page), form("action", "continue"));

        assertThat(page.text()).contains("4 of 5").contains("3 of 5")
                .contains("Evidence gathering: 4 of 5 were concerned")
                .contains("Giving evidence: Cross-examination felt like being on trial.")
                .contains("I just wanted someone to believe me.");
        Document record = officer.submit(page.selectFirst("form[action$=/submit]").attr("action"), form());
        assertThat(record.select(".govuk-caption-l").text()).isEqualTo("Focus group");
        assertThat(record.text()).contains("2016-01-10 (2015/16 Q4)").contains("4 of 5");
    }

    @Test
    void aDraftCanBeDeleted() {
        Document page = officer.submit("/staff/drafts", form("instrument", "interview"));
        String section = action(page);
        String draftPath = section.substring(0, section.indexOf("/sections/"));
        Document check = officer.get(draftPath + "/check");
        Document drafts = officer.submit(check.selectFirst("form[action$=/delete]").attr("action"), form());
        assertThat(drafts.select(".govuk-notification-banner").text()).contains("Draft deleted");
        assertThat(officer.request(draftPath + "/check").getStatus().value()).isEqualTo(404);
    }

    @Test
    void oneOfficerCannotOpenAnothersDraft() {
        Document page = officer.submit("/staff/drafts", form("instrument", "interview"));
        String section = action(page);
        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        assertThat(admin.request(section).getStatus().value()).isEqualTo(404);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        EntityExchangeResult<byte[]> result = officer.post("/staff/drafts", form("instrument", "interview", "_csrf", "forged"));
        assertThat(result.getStatus().value()).isEqualTo(403);
    }

    private static String action(Document page) {
        return page.selectFirst("main form[method=post]").attr("action");
    }
}
