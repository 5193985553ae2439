package org.survivorvoice.security;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerFormLoginAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerHttpBasicAuthenticationConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Throttles failed staff sign-ins ({@code sv.limits.sign-in}), through the form and HTTP Basic alike:
 * per client address, and per username whether or not the account exists. Only failures count; a
 * successful sign-in clears its username's count. While either is exhausted every attempt is refused
 * before the password is checked, the right one too: the form shows the sign-in page again with 429,
 * the API answers 429 problem details, both with {@code Retry-After}.
 */
@Component
class SignInThrottle {

    /** Set on a sign-in refused by the throttle: how long to wait (read by {@link LoginController}). */
    static final String REFUSED = SignInThrottle.class.getName() + ".REFUSED";

    private final ClientKeys keys;
    private final RateLimiter perAddress;
    private final RateLimiter perUsername;
    private final boolean enabled;

    SignInThrottle(LimitsProperties limits, ClientKeys keys, ObjectProvider<TimeMeter> time) {
        TimeMeter meter = time.getIfAvailable(() -> TimeMeter.SYSTEM_NANOTIME);
        this.keys = keys;
        this.enabled = limits.enabled();
        this.perAddress = new RateLimiter(limits.signIn().perAddress(), limits.maxClients(), meter);
        this.perUsername = new RateLimiter(limits.signIn().perUsername(), limits.maxClients(), meter);
    }

    /** Empty when this address and username may try now, else how long until they may. */
    Optional<Duration> refusal(ServerWebExchange exchange, String username) {
        if (!enabled) {
            return Optional.empty();
        }
        return Stream.of(perAddress.waitFor(keys.address(exchange)), perUsername.waitFor(keys.username(username)))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    void failed(ServerWebExchange exchange, String username) {
        if (enabled) {
            perAddress.record(keys.address(exchange));
            perUsername.record(keys.username(username));
        }
    }

    void succeeded(String username) {
        perUsername.forget(keys.username(username));
    }

    /**
     * Before the form login (and after the CSRF check): a refused {@code POST /login} goes on as
     * {@code GET /login}, marked, so that the sign-in page shows itself again saying how long to wait.
     */
    WebFilter formFilter() {
        ServerAuthenticationConverter form = new ServerFormLoginAuthenticationConverter();
        return (exchange, chain) -> {
            var request = exchange.getRequest();
            if (request.getMethod() != HttpMethod.POST || !request.getPath().pathWithinApplication().value().equals("/login")) {
                return chain.filter(exchange);
            }
            return username(form, exchange).flatMap(username -> {
                Optional<Duration> wait = refusal(exchange, username);
                if (wait.isEmpty()) {
                    return chain.filter(exchange);
                }
                exchange.getAttributes().put(REFUSED, wait.get());
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(TooManyRequestsException.seconds(wait.get())));
                return chain.filter(exchange.mutate().request(r -> r.method(HttpMethod.GET)).build());
            });
        };
    }

    /** Before HTTP Basic: a refused attempt is a 429 problem, its password never checked. */
    WebFilter basicFilter() {
        ServerAuthenticationConverter basic = new ServerHttpBasicAuthenticationConverter();
        return (exchange, chain) -> {
            String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return chain.filter(exchange);
            }
            return username(basic, exchange).flatMap(username -> refusal(exchange, username)
                    .<Mono<Void>>map(wait -> Mono.error(new TooManyRequestsException("Too many failed attempts to sign in. Try again in "
                            + TooManyRequestsException.inMinutes(wait) + ".", wait)))
                    .orElseGet(() -> chain.filter(exchange)));
        };
    }

    /** Counts the failure, then does what {@code next} does. */
    ServerAuthenticationFailureHandler countingFailures(boolean formLogin, ServerAuthenticationFailureHandler next) {
        ServerAuthenticationConverter converter = formLogin ? new ServerFormLoginAuthenticationConverter() : new ServerHttpBasicAuthenticationConverter();
        return (webFilterExchange, exception) -> username(converter, webFilterExchange.getExchange())
                .doOnNext(username -> failed(webFilterExchange.getExchange(), username))
                .then(next.onAuthenticationFailure(webFilterExchange, exception));
    }

    /** Clears the username's failures, then does what {@code next} does. */
    ServerAuthenticationSuccessHandler clearingFailures(ServerAuthenticationSuccessHandler next) {
        return (webFilterExchange, authentication) -> {
            succeeded(authentication.getName());
            return next.onAuthenticationSuccess(webFilterExchange, authentication);
        };
    }

    /** The username the request tries to sign in with; "" when there is none or it cannot be read. */
    private static Mono<String> username(ServerAuthenticationConverter converter, ServerWebExchange exchange) {
        return converter.convert(exchange)
                .map(Authentication::getName)
                .onErrorResume(e -> Mono.empty())
                .defaultIfEmpty("");
    }
}
