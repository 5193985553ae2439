package org.survivorvoice.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards every request body before anything reads it (Spring Security's login included):
 * <ul>
 * <li>a body declared larger than 64 KB is refused at once with 413 (bodies without a length are
 * held to the same limit by the codecs, {@code spring.http.codecs.max-in-memory-size});</li>
 * <li>form data that cannot be decoded (a broken percent escape such as {@code %Z}) is a 400, not
 * the decoder's IllegalArgumentException turned into a 500.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyGuard implements WebFilter {

    static final long LIMIT_BYTES = 64 * 1024;
    static final String MESSAGE = "The request is larger than 64 KB. Nothing was stored.";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > LIMIT_BYTES) {
            return Mono.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, MESSAGE));
        }
        return chain.filter(new ServerWebExchangeDecorator(exchange) {
            @Override
            public Mono<MultiValueMap<String, String>> getFormData() {
                return super.getFormData().onErrorMap(IllegalArgumentException.class,
                        e -> new ServerWebInputException("The form data could not be read."));
            }
        });
    }
}
