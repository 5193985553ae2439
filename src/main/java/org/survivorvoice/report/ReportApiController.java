package org.survivorvoice.report;

import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.web.ApiController;
import org.survivorvoice.web.Problems;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/reports/quarterly?from=2015/16-Q2&to=2015/16-Q4[&group=<id>][&channel=…]}: the
 * report as JSON, under the same disclosure control as the page. Administrators can rebuild the
 * aggregates: {@code POST /api/v1/reports/rebuild}, progress at {@code GET /api/v1/reports/rebuild}.
 */
@ApiController
class ReportApiController {

    private final ReportService reports;
    private final ReportAccess access;
    private final AggregateRebuild rebuild;
    private final Clock clock;
    private final AuditLog audit;

    ReportApiController(ReportService reports, ReportAccess access, AggregateRebuild rebuild, Clock clock, AuditLog audit) {
        this.reports = reports;
        this.access = access;
        this.rebuild = rebuild;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping("/api/v1/reports/quarterly")
    Mono<ResponseEntity<Object>> quarterly(ServerWebExchange exchange, Principal viewer) {
        var query = exchange.getRequest().getQueryParams();
        if (query.getFirst("from") == null) {
            return Mono.just(invalid(exchange, List.of(Map.of("field", "from", "message", "from is required, e.g. 2015/16-Q2"))));
        }
        ReportRequest request = ReportRequest.read(query, null, clock);
        if (request.period() == null) {
            return Mono.just(invalid(exchange, request.errors().stream()
                    .map(error -> Map.of("field", error.href().substring(1), "message", error.text())).toList()));
        }
        return access.resolve(viewer, request.group())
                .flatMap(found -> Mono.zip(reports.quarterly(request.period(), request.channel(), found.scope()),
                                reports.quotes(request.period(), request.channel(), found.scope()))
                        .flatMap(report -> audit.record(viewer, AuditAction.VIEWED, AuditTarget.REPORT, "api quarterly",
                                ReportController.describe(request, found.scope())).thenReturn(report)))
                .map(found -> {
                    Map<String, Object> json = ReportJson.of(found.getT1());
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> agencies = (List<Map<String, Object>>) json.get("agencies");
                    agencies.forEach(agency -> {
                        ReportService.QuotesOfAgency quotes = found.getT2().get((String) agency.get("id"));
                        agency.put("quotes", quotes == null ? Map.of("positive", List.of(), "negative", List.of())
                                : Map.of("positive", quotes.positive(), "negative", quotes.negative()));
                    });
                    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((Object) json);
                });
    }

    @PostMapping("/api/v1/reports/rebuild")
    Mono<ResponseEntity<Object>> rebuild(Principal admin) {
        try {
            rebuild.start().subscribe(null, e -> { });
        } catch (IllegalStateException e) {
            return Mono.just(ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, e.getMessage())));
        }
        return audit.note(admin, AuditAction.STARTED, AuditTarget.AGGREGATES, "rebuild", "through the API")
                .thenReturn(ResponseEntity.accepted().body(rebuild.progress()));
    }

    @GetMapping("/api/v1/reports/rebuild")
    AggregateRebuild.Progress rebuildProgress() {
        return rebuild.progress();
    }

    private static ResponseEntity<Object> invalid(ServerWebExchange exchange, List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, errors.size() == 1 ? "1 parameter is not valid."
                : errors.size() + " parameters are not valid.");
        problem.setTitle("Invalid report parameters");
        problem.setProperty("errors", errors);
        problem.setInstance(Problems.instance(exchange.getRequest().getPath().value()));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The JSON shape documented in the README. */
    static final class ReportJson {

        private ReportJson() {
        }

        static Map<String, Object> of(QuarterlyReport report) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("from", report.from());
            json.put("to", report.to());
            json.put("quarters", report.quarters());
            json.put("channel", report.channel());
            json.put("scope", Map.of("label", report.scope().label(), "agencies", report.scope().agencies().stream().sorted().toList()));
            json.put("threshold", report.threshold());
            json.put("agencies", java.util.stream.IntStream.range(0, report.ratings().size())
                    .mapToObj(i -> agency(report, i)).toList());
            if (report.marac() != null) {
                json.put("marac", Map.of("referred", yesNo(report.marac().referred()), "madeAware", yesNo(report.marac().madeAware())));
            }
            if (report.barriers() != null) {
                Map<String, Object> named = new LinkedHashMap<>();
                report.barriers().named().forEach(option -> named.put(option.option(), count(option.cell())));
                json.put("barriers", Map.of("any", yesNo(report.barriers().any()), "named", named));
            }
            if (!report.outcomes().isEmpty()) {
                Map<String, Object> outcomes = new LinkedHashMap<>();
                report.outcomes().forEach(outcome -> outcomes.put(outcome.measure(), yesNo(outcome)));
                json.put("outcomes", outcomes);
            }
            if (!report.remitThemes().isEmpty()) {
                json.put("remitThemes", report.remitThemes().stream().map(ReportJson::theme).toList());
            }
            json.put("pendingUpdates", report.backlog());
            return json;
        }

        private static Map<String, Object> agency(QuarterlyReport report, int i) {
            QuarterlyReport.RatingRow row = report.ratings().get(i);
            Map<String, Object> counts = new LinkedHashMap<>();
            Map<String, Object> percent = new LinkedHashMap<>();
            Map<String, Object> percentOfExperienced = new LinkedHashMap<>();
            List<String> suppressedCells = new java.util.ArrayList<>();
            for (QuarterlyReport.RatingCell cell : row.cells()) {
                counts.put(cell.value(), cell.cell().count());
                percent.put(cell.value(), cell.cell().percent());
                if (!cell.value().equals("no_experience")) {
                    percentOfExperienced.put(cell.value(), cell.percentOfExperienced());
                }
                if (cell.cell().suppressed()) {
                    suppressedCells.add(cell.value());
                }
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", row.agency());
            json.put("label", row.label());
            json.put("base", row.base().count());
            json.put("baseSuppressed", row.base().suppressed());
            json.put("counts", counts);
            json.put("percent", percent);
            json.put("suppressed", !suppressedCells.isEmpty());
            json.put("suppressedCells", suppressedCells);
            json.put("withExperience", row.experienced().count());
            json.put("percentOfExperienced", percentOfExperienced);
            json.put("quarters", row.covered());
            QuarterlyReport.SentimentRow sentiment = report.sentiment().get(i);
            Map<String, Object> tones = new LinkedHashMap<>();
            sentiment.cells().forEach(cell -> tones.put(cell.value(), count(cell.cell())));
            json.put("sentiment", Map.of("comments", count(sentiment.comments()), "analysed", count(sentiment.analysed()),
                    "counts", tones, "contradictingRating", count(sentiment.contradicting())));
            json.put("themes", report.themes().get(i).themes().stream().map(ReportJson::theme).toList());
            return json;
        }

        private static Map<String, Object> theme(QuarterlyReport.ThemeLine line) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", line.theme());
            json.put("count", line.cell().count());
            json.put("share", line.cell().percent());
            json.put("suppressed", line.cell().suppressed());
            json.put("previousShare", line.previousShare());
            json.put("change", line.change());
            return json;
        }

        private static Map<String, Object> yesNo(QuarterlyReport.YesNo yesNo) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("base", count(yesNo.base()));
            json.put("yes", count(yesNo.yes()));
            json.put("no", count(yesNo.no()));
            return json;
        }

        /** {@code {count, percent, suppressed}}; a hidden cell has null count and percent. */
        private static Map<String, Object> count(Cell cell) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("count", cell.count());
            json.put("percent", cell.percent());
            json.put("suppressed", cell.suppressed());
            return json;
        }
    }
}
