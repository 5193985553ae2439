package org.survivorvoice.security;

import java.net.URI;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.CookieServerRequestCache;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a visitor sent to sign in was going, kept in a cookie ({@code Secure}, {@code HttpOnly},
 * {@code SameSite=Strict}) rather than a session, and forgotten once she gets there. Spring Security's
 * {@link CookieServerRequestCache} forgets it on the next request whatever it is, which is the sign-in
 * page itself; here only the page it names clears it.
 */
final class ReturnAfterSignIn implements ServerRequestCache {

    private final CookieServerRequestCache cookie = new CookieServerRequestCache();

    ReturnAfterSignIn() {
        cookie.setCookieCustomizer(builder -> builder.secure(true).httpOnly(true).sameSite("Strict"));
    }

    @Override
    public Mono<Void> saveRequest(ServerWebExchange exchange) {
        return cookie.saveRequest(exchange);
    }

    @Override
    public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
        return cookie.getRedirectUri(exchange);
    }

    @Override
    public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
        URI here = exchange.getRequest().getURI();
        return cookie.getRedirectUri(exchange)
                .filter(saved -> same(saved.getRawPath(), here.getRawPath()) && same(saved.getRawQuery(), here.getRawQuery()))
                .flatMap(saved -> cookie.removeMatchingRequest(exchange));
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
