package org.survivorvoice.security;

import java.time.Duration;
import java.util.Optional;

import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The rate limit on anonymous responses ({@code sv.limits.submissions}), per client address: the public
 * form {@code POST /f/{id}} and {@code POST /api/v1/instruments/{id}/responses} without a staff account.
 * Every attempt counts, valid or not. Over the limit the API answers 429 problem details with
 * {@code Retry-After}; the form is marked ({@link SubmissionLimit}) and shows itself again.
 *
 * <p>Ordered after Spring Security's filters (order -100), so that it knows whether a member of staff
 * signed in: their submissions are not limited.
 */
@Component
@Order(0)
class SubmissionLimitFilter implements WebFilter {

    private static final PathPattern FORM = PathPatternParser.defaultInstance.parse("/f/{id}");
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/v1/instruments/{id}/responses");

    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final ClientKeys keys;
    private final RateLimiter limiter;
    private final boolean enabled;

    SubmissionLimitFilter(LimitsProperties limits, ClientKeys keys, ObjectProvider<TimeMeter> time) {
        this.keys = keys;
        this.enabled = limits.enabled();
        this.limiter = new RateLimiter(limits.submissions(), limits.maxClients(), time.getIfAvailable(() -> TimeMeter.SYSTEM_NANOTIME));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        if (!enabled || request.getMethod() != HttpMethod.POST) {
            return chain.filter(exchange);
        }
        var path = request.getPath().pathWithinApplication();
        boolean form = FORM.matches(path);
        if (!form && !API.matches(path)) {
            return chain.filter(exchange);
        }
        return staffSignedIn().flatMap(staff -> {
            Optional<Duration> wait = staff ? Optional.empty() : limiter.tryAcquire(keys.address(exchange));
            if (wait.isEmpty()) {
                return chain.filter(exchange);
            }
            if (!form) {
                return Mono.error(new TooManyRequestsException("Too many responses have been sent from this network in a short time. "
                        + "Nothing was stored; try again in " + TooManyRequestsException.inMinutes(wait.get()) + ".", wait.get()));
            }
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(TooManyRequestsException.seconds(wait.get())));
            SubmissionLimit.mark(exchange, wait.get());
            return chain.filter(exchange);
        });
    }

    private Mono<Boolean> staffSignedIn() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(trust::isAuthenticated)
                .defaultIfEmpty(false);
    }
}
