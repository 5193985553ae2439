package org.survivorvoice.audit;

import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.form.ErrorSummaryItem;
import reactor.core.publisher.Mono;

/** {@code /admin/audit}: the audit log for administrators, newest first, by actor and action. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    Mono<Rendering> page(ServerWebExchange exchange, Principal admin) {
        var params = exchange.getRequest().getQueryParams();
        AuditQuery query = AuditQuery.read(params, PAGE_SIZE);
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Audit log");
        model.put("actor", query.actor() != null ? query.actor() : params.getFirst("actor") == null ? "" : params.getFirst("actor"));
        model.put("actions", Arrays.stream(AuditAction.values()).map(a -> Map.of("value", a.name(), "label", a.label(),
                "selected", a == query.action())).toList());
        if (!query.isValid()) {
            List<ErrorSummaryItem> errors = query.errors().stream().map(e -> new ErrorSummaryItem("#" + e.field(), e.message())).toList();
            model.put("errorSummary", errors);
            model.put("hasErrors", true);
            query.errors().forEach(e -> model.put("error_" + e.field(), e.message()));
            return Mono.just(Rendering.view("admin/audit").model(model).status(HttpStatus.BAD_REQUEST).build());
        }
        return audit.record(admin, AuditAction.VIEWED, AuditTarget.AUDIT_LOG, "page " + (query.page() + 1), filter(query))
                .then(audit.find(query))
                .map(found -> {
                    model.put("rows", found.items().stream().map(AuditController::row).toList());
                    model.put("hasRows", !found.items().isEmpty());
                    model.put("total", found.total());
                    model.put("filtered", query.actor() != null || query.action() != null);
                    model.put("pageLabel", "Page " + (query.page() + 1) + " of " + found.pages());
                    model.put("previousHref", query.page() > 0 ? query.pageHref("/admin/audit", query.page() - 1) : null);
                    model.put("nextHref", query.page() + 1 < found.pages() ? query.pageHref("/admin/audit", query.page() + 1) : null);
                    return Rendering.view("admin/audit").model(model).build();
                });
    }

    /** The filter, as the entry of this view records it. */
    static String filter(AuditQuery query) {
        String actor = query.actor() == null ? "all actors" : "actor " + query.actor();
        String action = query.action() == null ? "all actions" : "action " + query.action().name();
        return actor + ", " + action;
    }

    private static Map<String, Object> row(AuditEntry entry) {
        Map<String, Object> row = new HashMap<>();
        row.put("when", entry.at() == null ? "" : WHEN.format(entry.at()));
        row.put("iso", entry.at() == null ? "" : entry.at().toString());
        row.put("actor", entry.actor());
        row.put("role", roleLabel(entry.role()));
        row.put("action", entry.action() == null ? "" : entry.action().label());
        row.put("targetKind", entry.targetKind() == null ? "" : entry.targetKind().label());
        row.put("target", entry.target() == null ? "" : entry.target());
        row.put("detail", entry.detail() == null ? "" : entry.detail());
        return row;
    }

    static String roleLabel(String role) {
        return switch (role == null ? "" : role) {
            case "ADMIN" -> "Administrator";
            case "OFFICER" -> "Engagement officer";
            case "READER" -> "Reader";
            case "SYSTEM" -> "The service";
            default -> "No account";
        };
    }
}
