package org.survivorvoice;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * For access-control tests: a request carrying {@value #HEADER} that gets through Spring Security
 * (and the rate limits) is answered 204 with that header here, before any handler runs. So a test can
 * show that a role may use a route that changes something (a rebuild, a retraining, deleting a draft)
 * without changing anything. Requests without the header pass untouched.
 */
@TestComponent
@Order(1)
public class RouteProbe implements WebFilter {

    public static final String HEADER = "X-Route-Probe";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getHeaders().containsHeader(HEADER)) {
            return chain.filter(exchange);
        }
        exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
        exchange.getResponse().getHeaders().set(HEADER, "reached");
        return exchange.getResponse().setComplete();
    }
}
