package org.survivorvoice.security;

import java.time.Duration;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.survivorvoice.LimitedIntegrationTest;
import org.survivorvoice.ManualTimeMeter;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.account.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.LimitedIntegrationTest.SIGN_IN_PER_ADDRESS;
import static org.survivorvoice.LimitedIntegrationTest.SIGN_IN_PER_USERNAME;

/**
 * Failed sign-ins are throttled per username ({@value LimitedIntegrationTest#SIGN_IN_PER_USERNAME} per
 * {@value LimitedIntegrationTest#PERIOD} here, so one more try every 10 minutes) and per address
 * ({@value LimitedIntegrationTest#SIGN_IN_PER_ADDRESS}), through the form and HTTP Basic alike.
 */
@LimitedIntegrationTest
class SignInThrottleIT {

    private static final String WRONG = "not-the-password-1";

    @Autowired
    WebTestClient client;
    @Autowired
    AccountService accounts;
    @Autowired
    ManualTimeMeter time;

    private String address;

    @BeforeEach
    void everyBucketFullAndANewClient() {
        time.advance(Duration.ofDays(1));
        address = "198.51.100." + (int) (System.nanoTime() % 200 + 1);
    }

    @Test
    void afterTooManyFailuresEvenTheRightPasswordIsRefusedWithAClearMessageUntilTheWaitIsOver() {
        String name = account();
        for (int i = 0; i < SIGN_IN_PER_USERNAME; i++) {
            assertThat(signIn(name, WRONG).getResponseHeaders().getLocation()).hasToString("/login?error");
        }
        Browser browser = new Browser();
        EntityExchangeResult<byte[]> refused = browser.signIn(name, TestAccounts.PASSWORD);

        assertThat(refused.getStatus().value()).isEqualTo(429);
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("600");
        Document page = StaffBrowser.parse(refused);
        assertThat(page.title()).startsWith("Error:");
        assertThat(page.select(".govuk-error-summary").text()).contains("Too many failed attempts to sign in. Wait 10 minutes, then try again.");
        assertThat(page.select("form[action=/login] input[name=_csrf]")).as("the page can be used again").hasSize(1);
        assertThat(browser.staffPage()).as("not signed in").isEqualTo(302);

        time.advance(Duration.ofMinutes(9));
        assertThat(new Browser().signIn(name, TestAccounts.PASSWORD).getStatus().value()).isEqualTo(429);
        time.advance(Duration.ofMinutes(1));
        Browser after = new Browser();
        assertThat(after.signIn(name, TestAccounts.PASSWORD).getResponseHeaders().getLocation()).hasToString("/staff");
        assertThat(after.staffPage()).isEqualTo(200);
    }

    @Test
    void otherUsernamesAreNotHeldBack() {
        String throttled = account();
        String other = account();
        for (int i = 0; i < SIGN_IN_PER_USERNAME; i++) {
            signIn(throttled, WRONG);
        }
        assertThat(signIn(throttled, TestAccounts.PASSWORD).getStatus().value()).isEqualTo(429);
        assertThat(signIn(other, TestAccounts.PASSWORD).getResponseHeaders().getLocation()).hasToString("/staff");
    }

    @Test
    void anUnknownUsernameIsThrottledExactlyLikeAnAccountSoNothingIsLearntAboutAccounts() {
        String real = account();
        String unknown = "nobody-" + System.nanoTime();
        for (int i = 0; i < SIGN_IN_PER_USERNAME; i++) {
            assertThat(signIn(real, WRONG).getResponseHeaders().getLocation()).hasToString("/login?error");
            assertThat(signIn(unknown, WRONG).getResponseHeaders().getLocation()).hasToString("/login?error");
        }
        EntityExchangeResult<byte[]> forReal = signIn(real, WRONG);
        EntityExchangeResult<byte[]> forUnknown = signIn(unknown, WRONG);
        assertThat(forUnknown.getStatus()).isEqualTo(forReal.getStatus());
        assertThat(forUnknown.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo(forReal.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(StaffBrowser.parse(forUnknown).select(".govuk-error-summary").text())
                .isEqualTo(StaffBrowser.parse(forReal).select(".govuk-error-summary").text());
    }

    @Test
    void aSuccessfulSignInClearsTheUsernamesFailures() {
        String name = account();
        for (int i = 0; i < SIGN_IN_PER_USERNAME - 1; i++) {
            signIn(name, WRONG);
        }
        assertThat(signIn(name, TestAccounts.PASSWORD).getResponseHeaders().getLocation()).hasToString("/staff");
        for (int i = 0; i < SIGN_IN_PER_USERNAME - 1; i++) {
            assertThat(signIn(name, WRONG).getResponseHeaders().getLocation()).hasToString("/login?error");
        }
        assertThat(signIn(name, TestAccounts.PASSWORD).getResponseHeaders().getLocation()).hasToString("/staff");
    }

    @Test
    void oneAddressTryingManyUsernamesIsStopped() {
        for (int i = 0; i < SIGN_IN_PER_ADDRESS; i++) {
            assertThat(signIn("guess-" + i + "-" + System.nanoTime(), WRONG).getResponseHeaders().getLocation())
                    .hasToString("/login?error");
        }
        String name = account();
        assertThat(signIn(name, TestAccounts.PASSWORD).getStatus().value()).isEqualTo(429);
        String elsewhere = address;
        address = "198.51.100.250";
        assertThat(signIn(name, TestAccounts.PASSWORD).getResponseHeaders().getLocation())
                .as("from another address than %s", elsewhere).hasToString("/staff");
    }

    @Test
    void httpBasicFailuresCountWithTheFormsAndAreAnswered429ProblemDetails() {
        String name = account();
        signIn(name, WRONG);
        for (int i = 1; i < SIGN_IN_PER_USERNAME; i++) {
            basic(name, WRONG).expectStatus().isUnauthorized();
        }
        basic(name, TestAccounts.PASSWORD)
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "600")
                .expectBody().jsonPath("$.detail").isEqualTo("Too many failed attempts to sign in. Try again in 10 minutes.");
        assertThat(signIn(name, TestAccounts.PASSWORD).getStatus().value()).isEqualTo(429);
        time.advance(Duration.ofMinutes(10));
        basic(name, TestAccounts.PASSWORD).expectStatus().isOk();
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefusedBeforeItCounts() {
        String name = account();
        for (int i = 0; i < SIGN_IN_PER_USERNAME + 2; i++) {
            client.post().uri("/login").header("X-Forwarded-For", address).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .bodyValue("username=" + name + "&password=" + WRONG).exchange()
                    .expectStatus().isForbidden();
        }
        assertThat(signIn(name, TestAccounts.PASSWORD).getResponseHeaders().getLocation()).hasToString("/staff");
    }

    private WebTestClient.ResponseSpec basic(String name, String password) {
        return client.get().uri("/api/v1/responses?size=1").header("X-Forwarded-For", address)
                .headers(h -> h.setBasicAuth(name, password)).exchange();
    }

    private EntityExchangeResult<byte[]> signIn(String name, String password) {
        return new Browser().signIn(name, password);
    }

    /** A fresh officer account, so that each test has usernames of its own. */
    private String account() {
        String name = "throttle-" + System.nanoTime();
        accounts.create(name, TestAccounts.PASSWORD, Role.OFFICER, List.of()).block(Duration.ofSeconds(30));
        return name;
    }

    /** A browser at this test's address. */
    private final class Browser {

        private final StaffBrowser browser = new StaffBrowser(client.mutate()
                .defaultHeader("X-Forwarded-For", address).build());

        EntityExchangeResult<byte[]> signIn(String name, String password) {
            browser.get("/login");
            return browser.post("/login", StaffBrowser.form("username", name, "password", password));
        }

        int staffPage() {
            return browser.request("/staff").getStatus().value();
        }
    }
}
