package org.survivorvoice.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The access log: one line per request with the method, the path, the status and how long the
 * answer took, under the logger {@value #LOGGER} (at INFO; set it to WARN to switch it off).
 *
 * <p>It leaves out everything that could single out a person: no address (neither the
 * connection's nor a forwarded one), no user agent, no cookie or session, no query string (which
 * could carry anything a page was given) and no account name. Reactor Netty's own access log,
 * which writes the client's address, stays off. The line's own time is the only time it carries.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessLog implements WebFilter {

    static final String LOGGER = "org.survivorvoice.access";
    /** A longer path is cut short: an address is no place for a message, and the log no place to keep one. */
    static final int MAX_PATH = 200;
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!log.isInfoEnabled()) {
            return chain.filter(exchange);
        }
        long started = System.nanoTime();
        exchange.getResponse().beforeCommit(() -> {
            log.info(line(exchange.getRequest(), exchange.getResponse().getStatusCode(), System.nanoTime() - started));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static String line(ServerHttpRequest request, HttpStatusCode status, long nanos) {
        String path = request.getPath().pathWithinApplication().value();
        if (path.length() > MAX_PATH) {
            path = path.substring(0, MAX_PATH) + "…";
        }
        return request.getMethod().name() + " " + path + " "
                + (status == null ? 200 : status.value()) + " " + (nanos / 1_000_000) + " ms";
    }
}
