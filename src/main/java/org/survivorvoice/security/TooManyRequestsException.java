package org.survivorvoice.security;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A 429 with a {@code Retry-After} header; the error handler renders it as a page or a problem. */
class TooManyRequestsException extends ResponseStatusException {

    private final Duration retryAfter;

    TooManyRequestsException(String reason, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, reason);
        this.retryAfter = retryAfter;
    }

    @Override
    public HttpHeaders getHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
        return headers;
    }

    /** Whole seconds, rounded up, at least one. */
    static long seconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /** Whole minutes, rounded up, at least one: what a person is told to wait. */
    static long minutes(Duration wait) {
        return Math.max(1, (seconds(wait) + 59) / 60);
    }

    static String inMinutes(Duration wait) {
        long minutes = minutes(wait);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
