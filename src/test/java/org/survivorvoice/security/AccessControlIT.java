package org.survivorvoice.security;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;

import static org.assertj.core.api.Assertions.assertThat;

/** Which role reaches which staff page; sign-in and sign-out; the session cookie's attributes. */
@IntegrationTest
class AccessControlIT {

    @Autowired
    WebTestClient client;
    @Autowired
    AccountService accounts;

    @BeforeEach
    void staff() {
        TestAccounts.ensure(accounts);
    }

    /** Page, then what an anonymous visitor, a reader, an officer and an admin get. 302 = sent to sign in. */
    static Stream<Arguments> pages() {
        return Stream.of(
                Arguments.of("/staff", 302, 200, 200, 200),
                Arguments.of("/staff/records", 302, 403, 200, 200),
                Arguments.of("/staff/drafts", 302, 403, 200, 200),
                Arguments.of("/staff/import", 302, 403, 200, 200),
                Arguments.of("/staff/quotes", 302, 403, 200, 200),
                Arguments.of("/admin/accounts", 302, 403, 403, 200),
                Arguments.of("/admin/accounts/new", 302, 403, 403, 200),
                Arguments.of("/login", 200, 200, 200, 200),
                Arguments.of("/", 200, 200, 200, 200),
                Arguments.of("/f/feedback", 200, 200, 200, 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void eachRoleReachesOnlyItsPages(String path, int anonymous, int reader, int officer, int admin) {
        assertThat(new StaffBrowser(client).request(path).getStatus().value()).as("anonymous").isEqualTo(anonymous);
        assertThat(StaffBrowser.signIn(client, TestAccounts.READER, TestAccounts.PASSWORD).request(path).getStatus().value())
                .as("reader").isEqualTo(reader);
        assertThat(StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD).request(path).getStatus().value())
                .as("officer").isEqualTo(officer);
        assertThat(StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD).request(path).getStatus().value())
                .as("admin").isEqualTo(admin);
    }

    @Test
    void anAnonymousVisitorIsSentToSignIn() {
        EntityExchangeResult<byte[]> result = new StaffBrowser(client).request("/staff/records");
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/login");
    }

    @Test
    void aWrongPasswordShowsTheSignInPageWithAnError() {
        StaffBrowser browser = new StaffBrowser(client);
        browser.get("/login");
        EntityExchangeResult<byte[]> result = browser.post("/login",
                StaffBrowser.form("username", TestAccounts.OFFICER, "password", "not-the-password"));
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/login?error");
        assertThat(browser.get("/login?error").select(".govuk-error-summary").text()).contains("not right");
        assertThat(browser.request("/staff").getStatus().value()).isEqualTo(302);
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndStrictAndChangesAtSignIn() {
        StaffBrowser browser = new StaffBrowser(client);
        EntityExchangeResult<byte[]> login = browser.request("/login");
        String before = browser.session();
        EntityExchangeResult<byte[]> signedIn = browser.post("/login",
                StaffBrowser.form("username", TestAccounts.OFFICER, "password", TestAccounts.PASSWORD));
        String cookie = signedIn.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE);
        assertThat(cookie).startsWith("SV_SESSION=").contains("Secure").containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
        assertThat(browser.session()).isNotEqualTo(before);
        assertThat(login.getResponseHeaders().getFirst(HttpHeaders.SET_COOKIE)).containsIgnoringCase("HttpOnly");
    }

    @Test
    void signingOutEndsTheSession() {
        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        officer.get("/staff");
        EntityExchangeResult<byte[]> out = officer.post("/logout", StaffBrowser.form());
        assertThat(out.getResponseHeaders().getLocation()).hasToString("/login?signed-out");
        assertThat(officer.request("/staff").getStatus().value()).isEqualTo(302);
    }

    @Test
    void aSignInWithUndecodableFormDataIsRefusedNotAnError() {
        StaffBrowser browser = new StaffBrowser(client);
        browser.get("/login");
        client.post().uri("/login").contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=%Z&password=x").exchange()
                .expectStatus().value(status -> assertThat(status).isBetween(400, 499));
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        String name = "leaver-" + System.nanoTime() % 100000;
        accounts.create(name, TestAccounts.PASSWORD, org.survivorvoice.account.Role.OFFICER, java.util.List.of()).block();
        accounts.setEnabled(name, false, TestAccounts.ADMIN).block();
        StaffBrowser browser = new StaffBrowser(client);
        browser.get("/login");
        EntityExchangeResult<byte[]> result = browser.post("/login", StaffBrowser.form("username", name, "password", TestAccounts.PASSWORD));
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/login?error");
    }
}
