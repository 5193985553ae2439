package org.survivorvoice.analysis;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.web.Pages;
import reactor.core.publisher.Mono;

/**
 * The administrator's view of the analysis: queue and progress, failed comments, re-analysis,
 * retraining with its before/after report, and agreement between officers and the machine.
 */
@Controller
class AnalysisAdminController {

    private final AnalysisOverview overview;
    private final Reanalysis reanalysis;
    private final Retraining retraining;
    private final ReactiveMongoTemplate mongo;
    private final CommentViews views;
    private final Codebook codebook;
    private final AnalysisWorker worker;
    private final AuditLog audit;

    AnalysisAdminController(AnalysisOverview overview, Reanalysis reanalysis, Retraining retraining, ReactiveMongoTemplate mongo,
                            CommentViews views, Codebook codebook, AnalysisWorker worker, AuditLog audit) {
        this.audit = audit;
        this.overview = overview;
        this.reanalysis = reanalysis;
        this.retraining = retraining;
        this.mongo = mongo;
        this.views = views;
        this.codebook = codebook;
        this.worker = worker;
    }

    @GetMapping("/admin/analysis")
    Mono<Rendering> page(ServerWebExchange exchange, Principal admin) {
        var query = exchange.getRequest().getQueryParams();
        String done = query.containsKey("reanalysing") ? "Every comment is being analysed again"
                : query.containsKey("retraining") ? "Retraining started: the report appears below when it is done"
                : query.containsKey("busy") ? "A retraining is already running, or the analysis is not ready yet"
                : query.containsKey("retried") ? "The failed comments will be tried again" : null;
        return Mono.zip(overview.overview(), failed()).flatMap(found -> viewed(admin, found.getT2()).thenReturn(found)).map(found -> {
            AnalysisOverview.Overview o = found.getT1();
            Map<String, Object> model = new HashMap<>();
            model.put("title", "Comment analysis");
            model.put("done", done);
            model.put("engineState", o.engine().state());
            model.put("engineDetail", o.engine().detail());
            model.put("ready", "ready".equals(o.engine().state()));
            model.put("modelId", o.model());
            model.put("queue", o.queue().entrySet().stream().map(e -> Map.of("status", e.getKey(), "count", e.getValue())).toList());
            model.put("progress", o.progress());
            model.put("failed", found.getT2());
            model.put("hasFailed", !found.getT2().isEmpty());
            Retraining.Outcome last = retraining.last();
            model.put("retraining", last == null ? null : Map.of("state", last.state(), "by", last.by(), "report", last.report(),
                    "running", last.state().equals("running")));
            return Rendering.view("admin/analysis").model(model).build();
        });
    }

    /** For the page's script: the progress bar moves without reloading. */
    @GetMapping("/admin/analysis/progress")
    @ResponseBody
    Mono<Reanalysis.Progress> progress() {
        return reanalysis.progress();
    }

    @PostMapping("/admin/analysis/reanalysis")
    Mono<Rendering> reanalyse(Principal admin) {
        return reanalysis.start().doOnNext(total -> worker.wake())
                .flatMap(total -> audit.note(admin, AuditAction.STARTED, AuditTarget.ANALYSIS, "re-analysis", total + " comments"))
                .thenReturn(Pages.seeOther("/admin/analysis?reanalysing"));
    }

    @PostMapping("/admin/analysis/retraining")
    Mono<Rendering> retrain(Principal admin) {
        if (!retraining.start(admin.getName())) {
            return Mono.just(Pages.seeOther("/admin/analysis?busy"));
        }
        return audit.note(admin, AuditAction.STARTED, AuditTarget.ANALYSIS, "retraining", "from the admin page")
                .thenReturn(Pages.seeOther("/admin/analysis?retraining"));
    }

    @PostMapping("/admin/analysis/failed/retry")
    Mono<Rendering> retryFailed(Principal admin) {
        return mongo.updateMulti(Query.query(Criteria.where("status").is(CommentStatus.FAILED)),
                        new Update().set("status", CommentStatus.PENDING).set("attempts", 0).unset("problem"), Comment.class)
                .doOnNext(result -> worker.wake())
                .flatMap(result -> audit.note(admin, AuditAction.STARTED, AuditTarget.ANALYSIS, "retry of failed comments",
                        result.getModifiedCount() + " comments"))
                .thenReturn(Pages.seeOther("/admin/analysis?retried"));
    }

    @GetMapping("/admin/analysis/agreement")
    Mono<Rendering> agreement() {
        return mongo.find(Query.query(Criteria.where("human").exists(true).and("machine").exists(true)), Comment.class)
                .collectList()
                .map(reviewed -> {
                    Agreement.Result result = Agreement.of(reviewed, codebook.themes().stream().map(t -> t.id()).toList());
                    Map<String, Object> model = new HashMap<>();
                    model.put("title", "Agreement between officers and the analysis");
                    model.put("reviewed", result.reviewed());
                    model.put("sentiment", Map.of("exact", percent(result.sentiment().exact()),
                            "polarity", percent(result.sentiment().polarity()), "kappa", twoPlaces(result.sentiment().kappa())));
                    model.put("themes", result.themes().stream().map(t -> Map.of("label", views.themeLabel(t.theme()),
                            "officer", t.officer(), "machine", t.machine(), "both", t.both(), "kappa", twoPlaces(t.kappa()),
                            "precision", t.machine() == 0 ? "–" : percent(t.precision()),
                            "recall", t.officer() == 0 ? "–" : percent(t.recall()))).toList());
                    return Rendering.view("admin/agreement").model(model).build();
                });
    }

    /** The failed comments' excerpts are on the page: a view of comments, in the audit log. */
    private Mono<Void> viewed(Principal admin, List<Map<String, Object>> failed) {
        return failed.isEmpty() ? Mono.empty() : audit.record(admin, AuditAction.VIEWED, AuditTarget.COMMENTS, "failed",
                failed.size() + " failed comments on the analysis page");
    }

    private Mono<List<Map<String, Object>>> failed() {
        return mongo.find(Query.query(Criteria.where("status").in(CommentStatus.FAILED)).with(PageRequest.of(0, 50, Sort.by("_id"))),
                Comment.class).map(views::summary).collectList();
    }

    private static String percent(double value) {
        return Math.round(value * 100) + "%";
    }

    private static String twoPlaces(double value) {
        return String.format(java.util.Locale.ROOT, "%.2f", value);
    }
}
