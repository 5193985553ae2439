package org.survivorvoice.account;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.StaffBrowser.form;

/** Administrators create and manage staff accounts; nobody else can. */
@IntegrationTest
class AccountAdminIT {

    @Autowired
    WebTestClient client;
    @Autowired
    AccountService accounts;
    @Autowired
    AccountRepository repository;
    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void staff() {
        TestAccounts.ensure(accounts);
    }

    @Test
    void theFirstAdministratorComesFromTheEnvironmentWithAHashedPassword() {
        Account admin = repository.findById(TestAccounts.ADMIN).block();
        assertThat(admin).isNotNull();
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.passwordHash()).startsWith("{bcrypt}").doesNotContain(TestAccounts.PASSWORD);
        assertThat(encoder.matches(TestAccounts.PASSWORD, admin.passwordHash())).isTrue();
    }

    @Test
    void anAdministratorCreatesAReaderWhoSignsInToTheirGroups() {
        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        admin.get("/admin/accounts/new");
        Document list = admin.submit("/admin/accounts", form("username", "Housing.Lead", "role", "READER",
                "groups", "housing", "password", "a-long-enough-password"));
        assertThat(list.select(".govuk-notification-banner").text()).contains("Account housing.lead created");
        assertThat(list.select("td").eachText()).contains("housing.lead", "Operational group reader", "Housing");

        Account created = repository.findById("housing.lead").block();
        assertThat(created.groups()).containsExactly("housing");
        StaffBrowser reader = StaffBrowser.signIn(client, "housing.lead", "a-long-enough-password");
        assertThat(reader.request("/staff/records").getStatus().value()).isEqualTo(403);
    }

    @Test
    void badAccountDetailsAreShownAgainWithTheProblem() {
        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        admin.get("/admin/accounts/new");
        Document page = admin.refused("/admin/accounts", form("username", "someone", "role", "READER", "password", "a-long-enough-password"), 400);
        assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#groups");
        assertThat(page.text()).contains("Choose at least one operational group");
        assertThat(page.selectFirst("input[name=username]").val()).isEqualTo("someone");

        page = admin.refused("/admin/accounts", form("username", "someone", "role", "OFFICER", "password", "short"), 400);
        assertThat(page.select("#password-error").text()).contains("at least 12 characters");
        page = admin.refused("/admin/accounts", form("username", "x", "role", "OFFICER", "password", "a-long-enough-password"), 400);
        assertThat(page.select("#username-error").text()).contains("3 to 40");
        page = admin.refused("/admin/accounts", form("username", TestAccounts.OFFICER, "role", "OFFICER", "password", "a-long-enough-password"), 400);
        assertThat(page.select("#username-error").text()).contains("already an account");
        assertThat(repository.findById("someone").block()).isNull();
    }

    @Test
    void anAdministratorCanDisableOthersButNotThemselves() {
        accounts.create("temp-officer", TestAccounts.PASSWORD, Role.OFFICER, java.util.List.of())
                .onErrorResume(AccountProblem.class, e -> repository.findById("temp-officer")).block();
        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        admin.get("/admin/accounts");
        Document list = admin.submit("/admin/accounts/temp-officer/enabled", form("enabled", "false"));
        assertThat(list.text()).contains("Account temp-officer disabled");
        assertThat(repository.findById("temp-officer").block().enabled()).isFalse();

        list = admin.submit("/admin/accounts/" + TestAccounts.ADMIN + "/enabled", form("enabled", "false"));
        assertThat(list.text()).contains("You cannot disable your own account");
        assertThat(repository.findById(TestAccounts.ADMIN).block().enabled()).isTrue();
    }

    @Test
    void anAdministratorSetsANewPasswordThatWorksAtOnce() {
        accounts.create("forgetful", TestAccounts.PASSWORD, Role.OFFICER, java.util.List.of())
                .onErrorResume(AccountProblem.class, e -> repository.findById("forgetful")).block();
        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        admin.get("/admin/accounts/forgetful/password");
        assertThat(admin.refused("/admin/accounts/forgetful/password", form("password", "short"), 400)
                .select("#password-error").text()).contains("at least 12 characters");
        Document list = admin.submit("/admin/accounts/forgetful/password", form("password", "a-brand-new-password"));
        assertThat(list.text()).contains("New password set for forgetful");
        StaffBrowser.signIn(client, "forgetful", "a-brand-new-password").get("/staff");
        assertThat(admin.request("/admin/accounts/nobody-here/password").getStatus().value()).isEqualTo(404);
    }

    @Test
    void anOfficerCannotManageAccounts() {
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        officer.get("/staff");
        assertThat(officer.post("/admin/accounts", form("username", "sneaky", "role", "ADMIN", "password", "a-long-enough-password"))
                .getStatus().value()).isEqualTo(403);
        assertThat(officer.post("/admin/accounts/" + TestAccounts.ADMIN + "/password", form("password", "taken-over-password"))
                .getStatus().value()).isEqualTo(403);
        assertThat(repository.findById("sneaky").block()).isNull();
    }
}
