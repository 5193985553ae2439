package org.survivorvoice.security;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.WebFilterChainServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.survivorvoice.audit.SignInAudit;
import org.survivorvoice.survey.InstrumentCatalogue;

/**
 * Three filter chains:
 * <ol>
 * <li>the JSON API and actuator: stateless, HTTP Basic, problem-details errors;</li>
 * <li>the public pages (the anonymous form, the home and safety pages, assets): no session, no
 * cookie, nothing remembered about the visitor;</li>
 * <li>the staff pages: form login, a session cookie once signed in (never before: the CSRF token and
 * the page to return to are cookies), CSRF tokens in every form.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /** No inline script or style anywhere; nothing from another origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String CSRF_COOKIE = "SV_CSRF";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), browsing-topics=()";

    /** The public addresses; {@link PublicResponseHeaders} gives all their responses the public headers. */
    static final String[] PUBLIC_PAGES = {"/", "/f/**", "/safety", "/assets/**", "/webjars/**", "/favicon.ico", "/robots.txt"};

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain apiChain(ServerHttpSecurity http, InstrumentCatalogue catalogue, SignInThrottle throttle) {
        ProblemSecurityResponses problems = new ProblemSecurityResponses();
        http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**"))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/instruments", "/api/v1/instruments/*").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/v1/instruments/{id}/responses")
                        .access(new InstrumentAudienceAuthorization(catalogue))
                        .pathMatchers(HttpMethod.DELETE, "/api/v1/responses/by-reference/*").hasRole("ADMIN")
                        .pathMatchers("/api/v1/responses", "/api/v1/responses/**").hasRole("OFFICER")
                        .pathMatchers("/api/v1/audit", "/api/v1/audit/**").hasRole("ADMIN")
                        .pathMatchers("/api/v1/imports/**").hasRole("OFFICER")
                        .pathMatchers(HttpMethod.GET, "/api/v1/analysis").hasRole("OFFICER")
                        .pathMatchers("/api/v1/analysis/**").hasRole("ADMIN")
                        .pathMatchers("/api/v1/reports/rebuild").hasRole("ADMIN")
                        .pathMatchers(HttpMethod.GET, "/api/v1/reports/**").hasAnyRole("READER", "OFFICER")
                        .pathMatchers("/actuator/**").hasRole("ADMIN")
                        .anyExchange().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems)
                        .authenticationFailureHandler(throttle.countingFailures(false, new ServerAuthenticationEntryPointFailureHandler(problems)))
                        .authenticationSuccessHandler(throttle.clearingFailures(new WebFilterChainServerAuthenticationSuccessHandler())))
                .addFilterBefore(throttle.basicFilter(), SecurityWebFiltersOrder.HTTP_BASIC)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain publicChain(ServerHttpSecurity http) {
        http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PUBLIC_PAGES))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // The anonymous form's own cookie-less protection against cross-site posts lives with the form
                // (response.AnonymousFormController: Sec-Fetch-Site, Origin and a signed token).
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityWebFilterChain staffChain(ServerHttpSecurity http, SignInAudit signIns, SignInThrottle throttle) {
        ServerRequestCache afterSignIn = new ReturnAfterSignIn();
        RedirectServerAuthenticationSuccessHandler signedIn = new RedirectServerAuthenticationSuccessHandler("/staff");
        signedIn.setRequestCache(afterSignIn);
        http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/login").permitAll()
                        .pathMatchers("/admin/**").hasRole("ADMIN")
                        .pathMatchers("/staff/records/**", "/staff/drafts/**", "/staff/comments", "/staff/comments/**").hasRole("OFFICER")
                        .pathMatchers(HttpMethod.GET, "/reports", "/reports/**").hasAnyRole("READER", "OFFICER")
                        .pathMatchers("/staff/import", "/staff/import/**").hasRole("OFFICER")
                        .pathMatchers("/staff/quotes", "/staff/quotes/**").hasRole("OFFICER")
                        .anyExchange().authenticated())
                // The import page uploads a file (multipart/form-data): its token is a field of that form.
                // Token and the page to return to after signing in are kept in cookies, not a session: only a
                // signed-in member of staff has a session, so visitors cannot fill the session store.
                .csrf(csrf -> csrf.csrfTokenRequestHandler(multipartTokens()).csrfTokenRepository(tokenCookie()))
                .requestCache(cache -> cache.requestCache(afterSignIn))
                .formLogin(form -> form
                        .loginPage("/login")
                        .authenticationSuccessHandler(signIns.success(throttle.clearingFailures(signedIn)))
                        .authenticationFailureHandler(signIns.failure(
                                throttle.countingFailures(true, new RedirectServerAuthenticationFailureHandler("/login?error")))))
                // after the CSRF check, before the password is
                .addFilterBefore(throttle.formFilter(), SecurityWebFiltersOrder.FORM_LOGIN)
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessHandler(redirectTo("/login?signed-out")))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /** The CSRF token's cookie: {@code Secure}, {@code HttpOnly} (pages carry the token in their forms) and strict. */
    private static CookieServerCsrfTokenRepository tokenCookie() {
        CookieServerCsrfTokenRepository tokens = new CookieServerCsrfTokenRepository();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.secure(true).httpOnly(true).sameSite("Strict"));
        return tokens;
    }

    /** Spring Security's default (BREACH-safe) token handling, also reading the token from multipart forms. */
    private static XorServerCsrfTokenRequestAttributeHandler multipartTokens() {
        XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
        handler.setTokenFromMultipartDataEnabled(true);
        return handler;
    }

    private static RedirectServerLogoutSuccessHandler redirectTo(String location) {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create(location));
        return handler;
    }

    private static void headers(ServerHttpSecurity.HeaderSpec headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .frameOptions(frames -> frames.mode(Mode.DENY))
                .permissionsPolicy(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }
}
