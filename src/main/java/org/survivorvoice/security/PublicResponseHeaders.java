package org.survivorvoice.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What every response to a public address carries, whatever answers it (a page, an asset, an error,
 * a request refused by a filter before Spring Security's ran): {@code Cache-Control: no-store}, no
 * referrer, the strict content security policy ({@code frame-ancestors 'none'}, no inline script),
 * and never a cookie. Runs first of all filters; a filter that may refuse a public request must
 * come after it ({@link #ORDER}).
 */
@Component
@Order(PublicResponseHeaders.ORDER)
class PublicResponseHeaders implements WebFilter {

    /** The first of all web filters. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private final ServerWebExchangeMatcher publicAddresses = ServerWebExchangeMatchers.pathMatchers(SecurityConfiguration.PUBLIC_PAGES);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return publicAddresses.matches(exchange).flatMap(match -> {
            if (match.isMatch()) {
                ServerHttpResponse response = exchange.getResponse();
                response.beforeCommit(() -> {
                    write(response.getHeaders());
                    response.getCookies().clear();
                    return Mono.empty();
                });
            }
            return chain.filter(exchange);
        });
    }

    private static void write(HttpHeaders headers) {
        headers.setCacheControl("no-store");
        headers.remove(HttpHeaders.PRAGMA);
        headers.remove(HttpHeaders.EXPIRES);
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY);
        headers.remove(HttpHeaders.SET_COOKIE);
    }
}
