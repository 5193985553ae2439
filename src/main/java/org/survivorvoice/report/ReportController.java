package org.survivorvoice.report;

import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The quarterly report pages for every member of staff: officers and administrators see all of
 * it; a reader sees her groups' remit, aggregates and approved quotes only. Also the CSV of each
 * table and the PDF of the whole report.
 */
@Controller
class ReportController {

    private final ReportService reports;
    private final ReportAccess access;
    private final ReportPdf pdf;
    private final Clock clock;
    private final AuditLog audit;

    ReportController(ReportService reports, ReportAccess access, ReportPdf pdf, Clock clock, AuditLog audit) {
        this.reports = reports;
        this.access = access;
        this.pdf = pdf;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping("/reports")
    Mono<Rendering> page(ServerWebExchange exchange, Principal viewer) {
        return prepare(exchange, viewer).flatMap(prepared -> {
            if (prepared.request().period() == null) {
                return Mono.just(Rendering.view("reports/quarterly")
                        .model(ReportPageModel.form(prepared.request(), prepared.access(), prepared.quarters()))
                        .status(HttpStatus.BAD_REQUEST).build());
            }
            return model(prepared).flatMap(model -> audit.record(viewer, AuditAction.VIEWED, AuditTarget.REPORT, "quarterly",
                            describe(prepared))
                    .thenReturn(Rendering.view("reports/quarterly").model(model).build()));
        });
    }

    @GetMapping("/reports/{table}.csv")
    Mono<ResponseEntity<String>> csv(@PathVariable String table, ServerWebExchange exchange, Principal viewer) {
        if (!ReportCsv.TABLES.contains(table)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return prepare(exchange, viewer).flatMap(prepared -> {
            ReportRequest request = valid(prepared.request());
            return Mono.zip(reports.quarterly(request.period(), request.channel(), prepared.access().scope()),
                            reports.focusGroups(request.period(), prepared.access().scope()).collectList())
                    .flatMap(found -> audit.record(viewer, AuditAction.EXPORTED, AuditTarget.REPORT, table + ".csv", describe(prepared))
                            .thenReturn(found))
                    .map(found -> {
                        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ReportCsv.fileName(table, found.getT1()) + "\"")
                                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                                .body(ReportCsv.table(table, found.getT1(), found.getT2()));
                    });
        });
    }

    @GetMapping("/reports/quarterly.pdf")
    Mono<ResponseEntity<byte[]>> pdf(ServerWebExchange exchange, Principal viewer) {
        return prepare(exchange, viewer).flatMap(prepared -> {
            valid(prepared.request());
            return model(prepared).flatMap(pdf::render)
                    .flatMap(bytes -> audit.record(viewer, AuditAction.EXPORTED, AuditTarget.REPORT, "quarterly.pdf", describe(prepared))
                            .thenReturn(bytes))
                    .map(bytes -> ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"survivor-voice-report-"
                            + prepared.request().from().replace('/', '-') + "-to-" + prepared.request().to().replace('/', '-') + ".pdf\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(bytes));
        });
    }

    record Prepared(ReportRequest request, ReportAccess.Access access, List<String> quarters) {
    }

    private Mono<Prepared> prepare(ServerWebExchange exchange, Principal viewer) {
        var query = exchange.getRequest().getQueryParams();
        return Mono.zip(reports.quartersWithData(), access.resolve(viewer, query.getFirst("group")))
                .map(found -> new Prepared(ReportRequest.read(query, found.getT1().isEmpty() ? null : found.getT1().get(0), clock),
                        found.getT2(), found.getT1()));
    }

    private Mono<Map<String, Object>> model(Prepared prepared) {
        ReportRequest request = prepared.request();
        ReportScope scope = prepared.access().scope();
        Flux<Contradiction> contradictions = scope.everything() ? reports.contradictions(request.period(), request.channel()) : Flux.empty();
        return Mono.zip(reports.quarterly(request.period(), request.channel(), scope),
                        reports.focusGroups(request.period(), scope).collectList(),
                        contradictions.collectList(),
                        reports.quotes(request.period(), request.channel(), scope))
                .map(found -> ReportPageModel.of(found.getT1(), request, prepared.access(), prepared.quarters(), found.getT2(), found.getT3(),
                        found.getT4()));
    }

    /** For the audit log: the period, channel and scope of the report. */
    static String describe(Prepared prepared) {
        return describe(prepared.request(), prepared.access().scope());
    }

    static String describe(ReportRequest request, ReportScope scope) {
        return request.from() + " to " + request.to() + ", channel " + request.channel() + ", " + scope.label();
    }

    private static ReportRequest valid(ReportRequest request) {
        if (request.period() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, request.errors().get(0).text());
        }
        return request;
    }
}
