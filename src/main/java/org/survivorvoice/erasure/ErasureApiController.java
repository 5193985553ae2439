package org.survivorvoice.erasure;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.audit.Actor;
import org.survivorvoice.web.ApiController;
import org.survivorvoice.web.Problems;
import reactor.core.publisher.Mono;

/**
 * {@code DELETE /api/v1/responses/by-reference/{reference}} (administrators): erases a staff record
 * and everything made from it; answers what was removed.
 */
@ApiController
class ErasureApiController {

    static final URI INVALID_REFERENCE = URI.create("/problems/invalid-reference");

    private final Erasure erasure;

    ErasureApiController(Erasure erasure) {
        this.erasure = erasure;
    }

    record ErasedJson(String reference, Map<String, Long> erased) {
    }

    @DeleteMapping("/api/v1/responses/by-reference/{reference}")
    Mono<ResponseEntity<Object>> erase(@PathVariable String reference, Principal admin, ServerWebExchange exchange) {
        return erasure.erase(reference, Actor.of(admin))
                .map(plan -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body((Object) new ErasedJson(plan.reference(), Erasure.removed(plan))))
                .onErrorResume(ErasureProblem.class, problem -> {
                    ProblemDetail detail = Problems.of(HttpStatus.valueOf(problem.status()), problem.getMessage());
                    if (problem.status() == 400) {
                        detail.setType(INVALID_REFERENCE);
                        detail.setTitle("Invalid reference");
                        detail.setProperty("errors", List.of(Map.of("field", "reference", "message", problem.getMessage())));
                    }
                    detail.setInstance(Problems.instance(exchange.getRequest().getPath().value()));
                    return Mono.just(ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail));
                });
    }
}
