package org.survivorvoice.analysis;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.survivorvoice.web.ApiController;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import reactor.core.publisher.Mono;

/** The analysis over the API: state and progress (officers); re-analysis and retraining (administrators). */
@ApiController
class AnalysisApiController {

    private final AnalysisOverview overview;
    private final Reanalysis reanalysis;
    private final Retraining retraining;
    private final AnalysisWorker worker;
    private final AuditLog audit;

    AnalysisApiController(AnalysisOverview overview, Reanalysis reanalysis, Retraining retraining, AnalysisWorker worker, AuditLog audit) {
        this.audit = audit;
        this.overview = overview;
        this.reanalysis = reanalysis;
        this.retraining = retraining;
        this.worker = worker;
    }

    /** {@code {engine: {state, detail}, model, queue: {pending, running, done, …}, progress: {run, total, done, pending, failed, percent}}} */
    @GetMapping("/api/v1/analysis")
    Mono<Map<String, Object>> state() {
        return overview.overview().map(o -> Map.of(
                "engine", o.engine(),
                "model", o.model() == null ? "" : o.model(),
                "queue", o.queue(),
                "progress", Map.of("run", o.progress().run(), "total", o.progress().total(), "done", o.progress().done(),
                        "pending", o.progress().pending(), "failed", o.progress().failed(), "percent", o.progress().percent()),
                "retraining", retraining.last() == null ? Map.of() : retraining.last()));
    }

    @PostMapping("/api/v1/analysis/reanalysis")
    Mono<ResponseEntity<Map<String, Object>>> reanalyse(Principal admin) {
        return reanalysis.start().doOnNext(total -> worker.wake())
                .flatMap(total -> audit.note(admin, AuditAction.STARTED, AuditTarget.ANALYSIS, "re-analysis", total + " comments")
                        .thenReturn(total))
                .map(total -> ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.<String, Object>of("comments", total)));
    }

    @PostMapping("/api/v1/analysis/retraining")
    Mono<ResponseEntity<Map<String, Object>>> retrain(Principal admin) {
        return retraining.start(admin.getName())
                ? audit.note(admin, AuditAction.STARTED, AuditTarget.ANALYSIS, "retraining", "through the API")
                        .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("state", "running")))
                : Mono.just(ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("state", "busy",
                        "detail", "A retraining is already running, or the analysis is not ready yet.")));
    }
}
