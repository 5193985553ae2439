package org.survivorvoice.security;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.handler.AbstractUrlHandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.survivorvoice.IntegrationTest;
import org.survivorvoice.RouteProbe;
import org.survivorvoice.StaffBrowser;
import org.survivorvoice.TestAccounts;
import org.survivorvoice.account.AccountService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.survivorvoice.security.RouteAccessIT.Who.ADMIN;
import static org.survivorvoice.security.RouteAccessIT.Who.ANONYMOUS;
import static org.survivorvoice.security.RouteAccessIT.Who.OFFICER;
import static org.survivorvoice.security.RouteAccessIT.Who.READER;

/**
 * Every route the application maps, for an anonymous visitor, a reader, an officer and an
 * administrator: who gets through and who is stopped, and how (sent to sign in, 401, 403). The routes
 * come from Spring's handler mappings, so a new route without a line in {@link #ROUTES} fails
 * {@link #everyMappedRouteHasAnExpectation()}.
 *
 * <p>Reads (GET) are sent for real; anything else carries {@link RouteProbe#HEADER}, so a role that
 * is let through is answered by the probe and nothing is rebuilt, retrained or deleted.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessIT {

    enum Who { ANONYMOUS, READER, OFFICER, ADMIN }

    private static final Set<Who> ANYONE = EnumSet.allOf(Who.class);
    private static final Set<Who> STAFF = EnumSet.of(READER, OFFICER, ADMIN);
    private static final Set<Who> READERS = EnumSet.of(READER, OFFICER, ADMIN);
    private static final Set<Who> OFFICERS = EnumSet.of(OFFICER, ADMIN);
    private static final Set<Who> ADMINS = EnumSet.of(ADMIN);

    /**
     * @param route  method and pattern, as the handler mapping declares them
     * @param sample a path that matches the pattern
     * @param who    who may use it; everyone else is sent to sign in (pages) or gets 401 (API) when
     *               anonymous, and 403 when signed in
     */
    record Expectation(String route, String sample, Set<Who> who) {

        HttpMethod method() {
            return HttpMethod.valueOf(route.substring(0, route.indexOf(' ')));
        }

        boolean api() {
            return sample.startsWith("/api/") || sample.startsWith("/actuator");
        }

        @Override
        public String toString() {
            return route + (route.endsWith(" " + sample) ? "" : " (" + sample + ")");
        }
    }

    private static final String DRAFT = "/staff/drafts/no-such-draft";
    private static final String COMMENT = "/staff/comments/no-such-response/police-comment";

    static final List<Expectation> ROUTES = List.of(
            // public pages and assets
            new Expectation("GET /", "/", ANYONE),
            new Expectation("GET /safety", "/safety", ANYONE),
            new Expectation("GET /f/{id}", "/f/feedback", ANYONE),
            new Expectation("POST /f/{id}", "/f/feedback", ANYONE),
            new Expectation("GET /f/{id}/safety", "/f/feedback/safety", ANYONE),
            new Expectation("GET /f/{id}/thanks", "/f/feedback/thanks", ANYONE),
            new Expectation("GET /login", "/login", ANYONE),
            new Expectation("GET /**", "/assets/app.css", ANYONE),
            new Expectation("GET /webjars/**", "/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js", ANYONE),
            // public API
            new Expectation("GET /api/v1/instruments", "/api/v1/instruments", ANYONE),
            new Expectation("GET /api/v1/instruments/{id}", "/api/v1/instruments/feedback", ANYONE),
            new Expectation("POST /api/v1/instruments/{id}/responses", "/api/v1/instruments/feedback/responses", ANYONE),
            new Expectation("POST /api/v1/instruments/{id}/responses", "/api/v1/instruments/interview/responses", OFFICERS),
            new Expectation("GET /actuator/health", "/actuator/health", ANYONE),
            new Expectation("GET /actuator/health/{*path}", "/actuator/health/storage", ANYONE),
            new Expectation("GET /actuator", "/actuator", ADMINS),
            // every member of staff
            new Expectation("GET /staff", "/staff", STAFF),
            // reports: readers (their groups only: QuarterlyReportIT), officers, administrators
            new Expectation("GET /reports", "/reports", READERS),
            new Expectation("GET /reports/{table}.csv", "/reports/agencies.csv", READERS),
            new Expectation("GET /reports/quarterly.pdf", "/reports/quarterly.pdf", READERS),
            new Expectation("GET /api/v1/reports/quarterly", "/api/v1/reports/quarterly", READERS),
            // officers' work
            new Expectation("GET /staff/records", "/staff/records", OFFICERS),
            new Expectation("GET /staff/records/{id}", "/staff/records/no-such-record", OFFICERS),
            new Expectation("GET /staff/drafts", "/staff/drafts", OFFICERS),
            new Expectation("POST /staff/drafts", "/staff/drafts", OFFICERS),
            new Expectation("GET /staff/drafts/{draftId}/sections/{sectionId}", DRAFT + "/sections/police", OFFICERS),
            new Expectation("POST /staff/drafts/{draftId}/sections/{sectionId}", DRAFT + "/sections/police", OFFICERS),
            new Expectation("GET /staff/drafts/{draftId}/check", DRAFT + "/check", OFFICERS),
            new Expectation("POST /staff/drafts/{draftId}/submit", DRAFT + "/submit", OFFICERS),
            new Expectation("POST /staff/drafts/{draftId}/delete", DRAFT + "/delete", OFFICERS),
            new Expectation("GET /staff/import", "/staff/import", OFFICERS),
            new Expectation("POST /staff/import", "/staff/import", OFFICERS),
            new Expectation("GET /staff/import/template.csv", "/staff/import/template.csv", OFFICERS),
            new Expectation("GET /staff/import/{id:[0-9a-f]{64}}", "/staff/import/" + "0".repeat(64), OFFICERS),
            new Expectation("GET /staff/quotes", "/staff/quotes", OFFICERS),
            new Expectation("GET /staff/quotes/new", "/staff/quotes/new", OFFICERS),
            new Expectation("POST /staff/quotes", "/staff/quotes", OFFICERS),
            new Expectation("POST /staff/quotes/{quoteId}/withdraw", "/staff/quotes/no-such-quote/withdraw", OFFICERS),
            new Expectation("GET /staff/comments", "/staff/comments", OFFICERS),
            new Expectation("GET /staff/comments/{responseId}/{question}", COMMENT, OFFICERS),
            new Expectation("GET /staff/comments/{responseId}/{question}/**", COMMENT + "/quote", OFFICERS),
            new Expectation("POST /staff/comments/{responseId}/{question}", COMMENT, OFFICERS),
            new Expectation("POST /staff/comments/{responseId}/{question}/**", COMMENT + "/quote", OFFICERS),
            new Expectation("GET /api/v1/responses", "/api/v1/responses", OFFICERS),
            new Expectation("GET /api/v1/responses/{id}", "/api/v1/responses/no-such-response", OFFICERS),
            new Expectation("POST /api/v1/imports/interviews", "/api/v1/imports/interviews", OFFICERS),
            new Expectation("GET /api/v1/analysis", "/api/v1/analysis", OFFICERS),
            // administration
            new Expectation("GET /admin/accounts", "/admin/accounts", ADMINS),
            new Expectation("GET /admin/accounts/new", "/admin/accounts/new", ADMINS),
            new Expectation("POST /admin/accounts", "/admin/accounts", ADMINS),
            new Expectation("POST /admin/accounts/{username}/enabled", "/admin/accounts/officer/enabled", ADMINS),
            new Expectation("GET /admin/accounts/{username}/password", "/admin/accounts/officer/password", ADMINS),
            new Expectation("POST /admin/accounts/{username}/password", "/admin/accounts/officer/password", ADMINS),
            new Expectation("GET /admin/reports", "/admin/reports", ADMINS),
            new Expectation("GET /admin/reports/progress", "/admin/reports/progress", ADMINS),
            new Expectation("POST /admin/reports/rebuild", "/admin/reports/rebuild", ADMINS),
            new Expectation("GET /admin/analysis", "/admin/analysis", ADMINS),
            new Expectation("GET /admin/analysis/progress", "/admin/analysis/progress", ADMINS),
            new Expectation("GET /admin/analysis/agreement", "/admin/analysis/agreement", ADMINS),
            new Expectation("POST /admin/analysis/reanalysis", "/admin/analysis/reanalysis", ADMINS),
            new Expectation("POST /admin/analysis/retraining", "/admin/analysis/retraining", ADMINS),
            new Expectation("POST /admin/analysis/failed/retry", "/admin/analysis/failed/retry", ADMINS),
            new Expectation("GET /api/v1/reports/rebuild", "/api/v1/reports/rebuild", ADMINS),
            new Expectation("POST /api/v1/reports/rebuild", "/api/v1/reports/rebuild", ADMINS),
            new Expectation("POST /api/v1/analysis/reanalysis", "/api/v1/analysis/reanalysis", ADMINS),
            new Expectation("POST /api/v1/analysis/retraining", "/api/v1/analysis/retraining", ADMINS),
            // the audit log, erasure, retention and encryption at rest
            new Expectation("GET /admin/audit", "/admin/audit", ADMINS),
            new Expectation("GET /api/v1/audit", "/api/v1/audit", ADMINS),
            new Expectation("GET /admin/erasure", "/admin/erasure", ADMINS),
            new Expectation("POST /admin/erasure", "/admin/erasure", ADMINS),
            new Expectation("POST /admin/erasure/confirm", "/admin/erasure/confirm", ADMINS),
            new Expectation("DELETE /api/v1/responses/by-reference/{reference}", "/api/v1/responses/by-reference/SV-0000-0000", ADMINS),
            new Expectation("GET /admin/retention", "/admin/retention", ADMINS),
            new Expectation("POST /admin/retention/run", "/admin/retention/run", ADMINS),
            new Expectation("GET /admin/encryption", "/admin/encryption", ADMINS),
            new Expectation("GET /admin/encryption/progress", "/admin/encryption/progress", ADMINS),
            new Expectation("POST /admin/encryption/count", "/admin/encryption/count", ADMINS),
            new Expectation("POST /admin/encryption/rotate", "/admin/encryption/rotate", ADMINS));

    @Autowired
    WebTestClient client;
    @Autowired
    AccountService accounts;
    @Autowired
    ApplicationContext context;

    private final Map<Who, StaffBrowser> browsers = new EnumMap<>(Who.class);

    @BeforeAll
    void signIn() {
        // the PDF report takes its time on a busy machine
        client = client.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
        TestAccounts.ensure(accounts);
        browsers.put(ANONYMOUS, new StaffBrowser(client));
        browsers.put(READER, StaffBrowser.signIn(client, TestAccounts.READER, TestAccounts.PASSWORD));
        browsers.put(OFFICER, StaffBrowser.signIn(client, TestAccounts.OFFICER, TestAccounts.PASSWORD));
        browsers.put(ADMIN, StaffBrowser.signIn(client, TestAccounts.ADMIN, TestAccounts.PASSWORD));
        // a page with a form, so that each browser holds its session's CSRF token
        browsers.forEach((who, browser) -> browser.get(who == ANONYMOUS ? "/login" : "/staff"));
    }

    /** Method and pattern of every route of every handler mapping (router functions: none, so far). */
    private Set<String> mappedRoutes() {
        Set<String> routes = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping -> {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<PathPattern> patterns = info.getPatternsCondition().getPatterns();
                Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (PathPattern pattern : patterns) {
                    if (methods.isEmpty()) {
                        routes.add("ANY " + pattern.getPatternString());
                    }
                    methods.forEach(method -> routes.add(method.name() + " " + pattern.getPatternString()));
                }
            }
        });
        context.getBeansOfType(AbstractUrlHandlerMapping.class).values()
                .forEach(mapping -> mapping.getHandlerMap().keySet().forEach(pattern -> routes.add("GET " + pattern.getPatternString())));
        context.getBeansOfType(RouterFunctionMapping.class).values().forEach(mapping ->
                assertThat(mapping.getRouterFunction()).as("router functions: give each route a line in ROUTES").isNull());
        return routes;
    }

    @Test
    void everyMappedRouteHasAnExpectation() {
        Set<String> expected = new TreeSet<>();
        ROUTES.forEach(route -> expected.add(route.route()));
        Set<String> mapped = mappedRoutes();
        assertThat(mapped).as("routes without a line in RouteAccessIT.ROUTES (say who may use them)").isSubsetOf(expected);
        assertThat(expected).as("lines of RouteAccessIT.ROUTES without a route (gone or renamed)").isSubsetOf(mapped);
    }

    static Stream<Arguments> routesAndRoles() {
        List<Arguments> cases = new ArrayList<>();
        for (Expectation route : ROUTES) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(route, who));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("routesAndRoles")
    void eachRoleReachesOnlyItsRoutes(Expectation route, Who who) {
        EntityExchangeResult<byte[]> result = send(route, who);
        int status = result.getStatus().value();
        String location = String.valueOf(result.getResponseHeaders().getLocation());
        boolean probed = "reached".equals(result.getResponseHeaders().getFirst(RouteProbe.HEADER));
        if (route.who().contains(who)) {
            assertThat(status).as("%s lets %s through", route, who).isNotIn(401, 403).isLessThan(500);
            assertThat(location).as("%s does not send %s to sign in", route, who).doesNotEndWith("/login");
            if (route.method() != HttpMethod.GET) {
                assertThat(probed).as("%s reached as %s (status %d)", route, who, status).isTrue();
            }
        } else {
            assertThat(probed).as("%s must not be reached by %s", route, who).isFalse();
            if (who != ANONYMOUS) {
                assertThat(status).as("%s refused to %s", route, who).isEqualTo(403);
            } else if (route.api()) {
                assertThat(status).as("%s refused to an anonymous caller", route).isEqualTo(401);
            } else {
                assertThat(status).as("%s sends an anonymous visitor to sign in", route).isEqualTo(302);
                assertThat(location).isEqualTo("/login");
            }
        }
    }

    /** Pages through a signed-in browser (session and CSRF token); the API with HTTP Basic. */
    private EntityExchangeResult<byte[]> send(Expectation route, Who who) {
        boolean probe = route.method() != HttpMethod.GET;
        if (route.api()) {
            return client.method(route.method()).uri(route.sample())
                    .headers(headers -> {
                        if (who != ANONYMOUS) {
                            headers.setBasicAuth(username(who), TestAccounts.PASSWORD);
                        }
                        if (probe) {
                            headers.set(RouteProbe.HEADER, "1");
                        }
                    })
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange().expectBody().returnResult();
        }
        StaffBrowser browser = browsers.get(who);
        return probe ? browser.post(route.sample(), StaffBrowser.form(), RouteProbe.HEADER) : browser.request(route.sample());
    }

    private static String username(Who who) {
        return switch (who) {
            case READER -> TestAccounts.READER;
            case OFFICER -> TestAccounts.OFFICER;
            case ADMIN -> TestAccounts.ADMIN;
            case ANONYMOUS -> throw new IllegalArgumentException("anonymous has no account");
        };
    }
}
