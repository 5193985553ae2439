package org.survivorvoice.report;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.web.Pages;
import reactor.core.publisher.Mono;

/** The administrator's page for the report aggregates: their state and a rebuild from the raw data, with a progress bar. */
@Controller
class AggregatesAdminController {

    private final AggregateRebuild rebuild;
    private final Aggregates aggregates;
    private final AuditLog audit;

    AggregatesAdminController(AggregateRebuild rebuild, Aggregates aggregates, AuditLog audit) {
        this.rebuild = rebuild;
        this.aggregates = aggregates;
        this.audit = audit;
    }

    @GetMapping("/admin/reports")
    Mono<Rendering> page(ServerWebExchange exchange) {
        var query = exchange.getRequest().getQueryParams();
        return aggregates.currentEpoch().map(epoch -> {
            Map<String, Object> model = new HashMap<>();
            model.put("title", "Report aggregates");
            model.put("done", query.containsKey("started") ? "The rebuild has started"
                    : query.containsKey("busy") ? "A rebuild is already running" : null);
            AggregateRebuild.Progress progress = rebuild.progress();
            model.put("progress", progress);
            model.put("running", progress.running());
            model.put("finished", progress.finishedAt() == null ? null : Map.of("at", progress.finishedAt().toString(),
                    "seconds", String.format(java.util.Locale.ROOT, "%.1f", progress.seconds()),
                    "problem", progress.problem() == null ? "" : progress.problem()));
            model.put("epoch", epoch);
            model.put("backlog", aggregates.backlog());
            return Rendering.view("admin/reports").model(model).build();
        });
    }

    @GetMapping("/admin/reports/progress")
    @ResponseBody
    AggregateRebuild.Progress progress() {
        return rebuild.progress();
    }

    @PostMapping("/admin/reports/rebuild")
    Mono<Rendering> start(java.security.Principal admin) {
        try {
            rebuild.start().subscribe(null, e -> { });
        } catch (IllegalStateException e) {
            return Mono.just(Pages.seeOther("/admin/reports?busy"));
        }
        return audit.note(admin, AuditAction.STARTED, AuditTarget.AGGREGATES, "rebuild", "from the admin page")
                .thenReturn(Pages.seeOther("/admin/reports?started"));
    }
}
