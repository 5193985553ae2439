package org.survivorvoice.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.web.server.ServerWebExchange;

/**
 * How the public form learns that its submission is over the rate limit: {@link SubmissionLimitFilter}
 * lets it through marked (and with {@code Retry-After} set), so that the form can be shown again with
 * her answers and a message instead of losing them. The form must then store nothing and answer 429.
 */
public final class SubmissionLimit {

    private static final String EXCEEDED = SubmissionLimit.class.getName() + ".EXCEEDED";

    private SubmissionLimit() {
    }

    /** How long to wait, when this submission is over the limit. */
    public static Optional<Duration> exceeded(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(EXCEEDED));
    }

    /** Whole minutes to wait, rounded up: what the page tells her. */
    public static long minutes(Duration wait) {
        return TooManyRequestsException.minutes(wait);
    }

    static void mark(ServerWebExchange exchange, Duration wait) {
        exchange.getAttributes().put(EXCEEDED, wait);
    }
}
