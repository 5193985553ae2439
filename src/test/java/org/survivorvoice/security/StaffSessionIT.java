package org.survivorvoice.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.RouteProbe;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;
import org.survivorvoice.account.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff sessions: they time out after 30 idle minutes, and every staff form is protected by a CSRF token. */
@IntegrationTest
class StaffSessionIT {

    @Autowired
    WebTestClient client;
    @Autowired
    AccountService accounts;
    @Autowired
    WebSessionManager sessions;

    @Test
    void aSessionIdleFor30MinutesHasEndedAndTheNextPageAsksToSignInAgain() {
        TestAccounts.ensure(accounts);
        InMemoryWebSessionStore store = (InMemoryWebSessionStore) ((DefaultWebSessionManager) sessions).getSessionStore();
        WebSession fresh = store.createWebSession().block(Duration.ofSeconds(5));
        assertThat(fresh.getMaxIdleTime()).as("the production default, server.reactive.session.timeout").isEqualTo(Duration.ofMinutes(30));

        StaffBrowser officer = StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD);
        Clock real = store.getClock();
        try {
            store.setClock(Clock.offset(real, Duration.ofMinutes(29)));
            assertThat(officer.request("/staff/records").getStatus().value()).as("29 minutes idle: still signed in").isEqualTo(200);
            // that visit counts: the 30 minutes start again from it
            store.setClock(Clock.offset(real, Duration.ofMinutes(29 + 29)));
            assertThat(officer.request("/staff/records").getStatus().value()).isEqualTo(200);
            store.setClock(Clock.offset(real, Duration.ofMinutes(29 + 29 + 30).plusSeconds(1)));
            EntityExchangeResult<byte[]> after = officer.request("/staff/records");
            assertThat(after.getStatus().value()).as("30 minutes idle: the session has ended").isEqualTo(302);
            assertThat(after.getResponseHeaders().getLocation()).hasToString("/login");
        } finally {
            store.setClock(real);
        }
        assertThat(officer.request("/staff/records").getStatus().value()).as("and it stays ended").isEqualTo(302);
    }

    /**
     * A session exists only once someone has signed in: visitors (and scripts) cannot fill the session
     * store, which would lock staff out. The CSRF token and the page to return to are cookies instead.
     */
    @Test
    void visitorsWhoHaveNotSignedInHaveNoSessionAndFindTheirPageAfterSigningIn() {
        TestAccounts.ensure(accounts);
        InMemoryWebSessionStore store = (InMemoryWebSessionStore) ((DefaultWebSessionManager) sessions).getSessionStore();
        int before = store.getSessions().size();
        StaffBrowser visitor = new StaffBrowser(client);
        EntityExchangeResult<byte[]> login = visitor.request("/login");
        EntityExchangeResult<byte[]> sentAway = visitor.request("/staff/records?page=2");
        assertThat(visitor.request("/admin/accounts").getResponseHeaders().getLocation()).hasToString("/login");
        EntityExchangeResult<byte[]> wrong = visitor.post("/login", StaffBrowser.form("username", TestAccounts.OFFICER, "password", "wrong-password-1"));
        assertThat(wrong.getResponseHeaders().getLocation()).hasToString("/login?error");
        for (EntityExchangeResult<byte[]> result : List.of(login, sentAway, wrong)) {
            assertThat(result.getResponseCookies().get(StaffBrowser.SESSION_COOKIE)).as("no session cookie").isNull();
        }
        assertThat(visitor.session()).isNull();
        assertThat(store.getSessions().size()).as("sessions in the store").isLessThanOrEqualTo(before);
        assertThat(login.getResponseHeaders().get(org.springframework.http.HttpHeaders.SET_COOKIE))
                .anySatisfy(cookie -> assertThat(cookie).startsWith(SecurityConfiguration.CSRF_COOKIE + "=")
                        .contains("Secure").containsIgnoringCase("HttpOnly").contains("SameSite=Strict"));
        assertThat(sentAway.getResponseHeaders().get(org.springframework.http.HttpHeaders.SET_COOKIE).stream()
                .filter(cookie -> !cookie.contains("Max-Age=0")).toList())
                .as("cookies set (not those removed)").isNotEmpty()
                .allSatisfy(cookie -> assertThat(cookie).contains("Secure").containsIgnoringCase("HttpOnly").contains("SameSite=Strict"));

        visitor.get("/login");
        EntityExchangeResult<byte[]> signedIn = visitor.post("/login",
                StaffBrowser.form("username", TestAccounts.OFFICER, "password", TestAccounts.PASSWORD));
        assertThat(signedIn.getResponseHeaders().getLocation()).as("back to where she was last going").hasToString("/admin/accounts");
        assertThat(visitor.session()).isNotNull();
        assertThat(store.getSessions()).containsKey(visitor.session());
        assertThat(visitor.request("/admin/accounts").getStatus().value()).as("an officer there").isEqualTo(403);
        assertThat(visitor.get("/staff").title()).as("and where she goes next is hers").isNotBlank();
        visitor.post("/logout", StaffBrowser.form());
        visitor.get("/login");
        assertThat(visitor.post("/login", StaffBrowser.form("username", TestAccounts.OFFICER, "password", TestAccounts.PASSWORD))
                .getResponseHeaders().getLocation()).as("the page she was going to is forgotten once reached").hasToString("/staff");
    }

    /** Every POST route of the staff pages (from RouteAccessIT's table), each refused without the token. */
    @Test
    void aStaffPostWithoutTheCsrfTokenOrWithAForgedOneIsRefused() {
        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        admin.get("/staff");
        List<String> posts = RouteAccessIT.ROUTES.stream()
                .filter(route -> route.method() == HttpMethod.POST && !route.api() && !route.sample().startsWith("/f/"))
                .map(RouteAccessIT.Expectation::sample).distinct().toList();
        assertThat(posts).hasSizeGreaterThan(15);
        for (String path : posts) {
            for (String body : new String[] {"", "_csrf=forged"}) {
                EntityExchangeResult<byte[]> result = client.post().uri(path)
                        .cookie(StaffBrowser.SESSION_COOKIE, admin.session())
                        .header(RouteProbe.HEADER, "1")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML)
                        .bodyValue(body).exchange().expectBody().returnResult();
                assertThat(result.getStatus().value()).as("POST %s with %s", path, body.isEmpty() ? "no token" : body).isEqualTo(403);
                assertThat(result.getResponseHeaders().getFirst(RouteProbe.HEADER)).isNull();
            }
        }
        // the same session with its token is let through (so the 403s above were the token's)
        EntityExchangeResult<byte[]> withToken = admin.post("/admin/reports/rebuild", StaffBrowser.form(), RouteProbe.HEADER);
        assertThat(withToken.getResponseHeaders().getFirst(RouteProbe.HEADER)).isEqualTo("reached");
        // signing in and out are forms too
        client.post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("username=" + TestAccounts.ADMIN + "&password=" + TestAccounts.PASSWORD).exchange().expectStatus().isForbidden();
        client.post().uri("/logout").cookie(StaffBrowser.SESSION_COOKIE, admin.session()).exchange().expectStatus().isForbidden();
        assertThat(admin.request("/admin/accounts").getStatus().value()).as("still signed in").isEqualTo(200);
    }

    /**
     * Walks the staff site as an officer with a draft under way and as an administrator, following its
     * links: every form that posts carries the session's CSRF token.
     */
    @Test
    void everyFormThatPostsOnTheStaffPagesCarriesTheToken() {
        String name = "csrf-walker-" + System.nanoTime();
        accounts.create(name, TestAccounts.PASSWORD, Role.OFFICER, List.of()).block(Duration.ofSeconds(30));
        StaffBrowser officer = StaffBrowser.signIn(client, name, TestAccounts.PASSWORD);
        officer.get("/staff/drafts");
        String section = StaffBrowser.location(officer.post("/staff/drafts", StaffBrowser.form("instrument", "interview")));
        Set<String> actions = new TreeSet<>();
        walk(officer, List.of("/staff", "/staff/drafts", section), actions);
        StaffBrowser admin = StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD);
        walk(admin, List.of("/staff", "/admin/accounts", "/admin/accounts/new", "/admin/analysis", "/admin/reports",
                "/admin/accounts/" + TestAccounts.OFFICER + "/password", "/staff/quotes/new"), actions);
        // sign-out on every page, a draft's sections and check page, accounts, analysis, reports, import
        assertThat(actions).as("forms found").contains("/logout", "/staff/drafts", "/admin/accounts", "/admin/reports/rebuild",
                "/admin/analysis/reanalysis", "/staff/import");
        assertThat(actions).anyMatch(action -> action.matches("/staff/drafts/[^/]+/sections/[^/]+"))
                .anyMatch(action -> action.matches("/staff/drafts/[^/]+/submit"));
    }

    private void walk(StaffBrowser browser, List<String> start, Set<String> actions) {
        Deque<String> queue = new ArrayDeque<>(start);
        Set<String> seen = new LinkedHashSet<>(start);
        int pages = 0;
        while (!queue.isEmpty() && pages < 120) {
            String path = queue.removeFirst();
            EntityExchangeResult<byte[]> result = browser.request(path);
            String type = String.valueOf(result.getResponseHeaders().getContentType());
            if (result.getStatus().value() != 200 || !type.startsWith("text/html")) {
                continue;
            }
            pages++;
            Document page = StaffBrowser.parse(result);
            for (Element form : page.select("form")) {
                if (!form.attr("method").equalsIgnoreCase("post")) {
                    continue;
                }
                Element token = form.selectFirst("input[type=hidden][name=_csrf]");
                assertThat(token).as("the form posting to %s on %s has a CSRF token", form.attr("action"), path).isNotNull();
                assertThat(token.attr("value")).isNotBlank();
                actions.add(form.attr("action"));
            }
            for (Element link : page.select("a[href]")) {
                String href = link.attr("href");
                if (href.startsWith("/") && !href.startsWith("//") && (href.startsWith("/staff") || href.startsWith("/admin"))
                        && !href.contains("#") && !href.endsWith(".csv") && !href.endsWith(".pdf") && seen.add(href)) {
                    queue.addLast(href);
                }
            }
        }
        assertThat(pages).as("pages walked from %s", start).isGreaterThan(5);
    }
}
