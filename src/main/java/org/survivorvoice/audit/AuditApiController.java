package org.survivorvoice.audit;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.web.ApiController;
import org.survivorvoice.web.Problems;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/audit?actor=&action=&page=&size=} (administrators): the audit log, newest first. */
@ApiController
class AuditApiController {

    static final int DEFAULT_SIZE = 20;

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    record EntryJson(Instant at, String actor, String role, AuditAction action, AuditTarget targetKind, String target, String detail) {

        static EntryJson of(AuditEntry e) {
            return new EntryJson(e.at(), e.actor(), e.role(), e.action(), e.targetKind(), e.target(), e.detail());
        }
    }

    record PageJson(List<EntryJson> items, int page, int size, long total) {
    }

    @GetMapping("/api/v1/audit")
    Mono<ResponseEntity<Object>> list(ServerWebExchange exchange, Principal admin) {
        AuditQuery query = AuditQuery.read(exchange.getRequest().getQueryParams(), DEFAULT_SIZE);
        if (!query.isValid()) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, query.errors().size() == 1 ? "1 parameter is not valid."
                    : query.errors().size() + " parameters are not valid.");
            problem.setTitle("Invalid audit log parameters");
            problem.setProperty("errors", query.errors().stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
            problem.setInstance(Problems.instance(exchange.getRequest().getPath().value()));
            return Mono.just(ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
        }
        return audit.record(admin, AuditAction.VIEWED, AuditTarget.AUDIT_LOG, "api page " + query.page(), AuditController.filter(query))
                .then(audit.find(query))
                .map(found -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((Object) new PageJson(
                        found.items().stream().map(EntryJson::of).toList(), found.page(), found.size(), found.total())));
    }
}
