package org.survivorvoice.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.Part;
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
 * <li>form data that cannot be decoded (a broken percent escape such as {@code %Z}, a multipart body
 * cut short) is a 400, not the decoder's exception turned into a 500.</li>
 * </ul>
 * A {@link LargeBodyRoute} allows more on its own addresses (a declared length over its limit is a
 * 413 with its message); what reads such a body holds one without a length to the same limit.
 */
@Component
// Right after security.PublicResponseHeaders (the first filter), so that a refusal here still gets the public headers.
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyGuard implements WebFilter {

    static final long LIMIT_BYTES = 64 * 1024;
    static final String MESSAGE = "The request is larger than 64 KB. Nothing was stored.";

    private final List<LargeBodyRoute> largeBodyRoutes;

    RequestBodyGuard(List<LargeBodyRoute> largeBodyRoutes) {
        this.largeBodyRoutes = List.copyOf(largeBodyRoutes);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        LargeBodyRoute route = largeBodyRoutes.stream()
                .filter(r -> r.pattern().matches(exchange.getRequest().getPath().pathWithinApplication()))
                .findFirst().orElse(null);
        long length = exchange.getRequest().getHeaders().getContentLength();
        String tooLarge = route == null ? MESSAGE : route.message();
        if (length > (route == null ? LIMIT_BYTES : route.maxBytes())) {
            return Mono.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge));
        }
        return chain.filter(new ServerWebExchangeDecorator(exchange) {
            @Override
            public Mono<MultiValueMap<String, String>> getFormData() {
                return super.getFormData().onErrorMap(IllegalArgumentException.class,
                        e -> new ServerWebInputException("The form data could not be read."));
            }

            /** A broken upload is a 400 and an oversized part a 413, whoever reads it first (the CSRF check does). */
            @Override
            public Mono<MultiValueMap<String, Part>> getMultipartData() {
                return super.getMultipartData()
                        .onErrorMap(DecodingException.class, e -> new ServerWebInputException("The form data could not be read."))
                        .onErrorMap(DataBufferLimitException.class, e -> new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLarge));
            }
        });
    }
}
