package org.survivorvoice.importing;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.web.ApiController;
import org.survivorvoice.web.Problems;
import reactor.core.publisher.Mono;

/** {@code POST /api/v1/imports/interviews?dryRun=true|false} with the CSV file as the body (officers). */
@ApiController
class ImportApiController {

    static final String PATH = "/api/v1/imports/interviews";
    static final URI INVALID_IMPORT = URI.create("/problems/invalid-import");
    static final URI ALREADY_IMPORTED = URI.create("/problems/already-imported");

    private final ImportService imports;
    private final InstrumentCatalogue catalogue;
    private final ImportProperties properties;
    private final AuditLog audit;

    ImportApiController(ImportService imports, InstrumentCatalogue catalogue, ImportProperties properties, AuditLog audit) {
        this.audit = audit;
        this.imports = imports;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    /**
     * @param imported how many interviews were imported (or, in a dry run, would be)
     * @param byQuarter of those, how many in each financial quarter ({@code 2015/16-Q2}), in time order
     */
    record ImportJson(boolean dryRun, int imported, Map<String, Integer> byQuarter, List<ImportProblem> problems) {
    }

    /** {@code produces}: a client that cannot take JSON is refused (406) before anything is imported, not after. */
    @PostMapping(path = PATH, consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> upload(@RequestParam boolean dryRun, ServerWebExchange exchange, Principal officer) {
        var instrument = catalogue.find(ImportController.INSTRUMENT).orElseThrow();
        return DataBufferUtils.join(exchange.getRequest().getBody(), Math.toIntExact(properties.maxFileSize().toBytes()))
                .map(ImportController::bytes)
                .defaultIfEmpty(new byte[0])
                .flatMap(file -> dryRun ? imports.check(instrument, file) : imports.run(instrument, file, officer.getName()))
                .flatMap(check -> dryRun || !check.isValid() ? Mono.just(check)
                        : audit.note(officer, AuditAction.IMPORTED, AuditTarget.IMPORT, ImportService.auditTarget(check),
                                ImportService.auditDetail(check) + " through the API").thenReturn(check))
                .map(check -> {
                    if (!check.isValid()) {
                        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, check.problemSummary(), exchange);
                        problem.setType(INVALID_IMPORT);
                        problem.setTitle("Invalid import file");
                        problem.setProperty("dryRun", dryRun);
                        problem.setProperty("problemCount", check.problemCount());
                        problem.setProperty("problems", check.problems());
                        return problemResponse(problem);
                    }
                    Map<String, Integer> byQuarter = new LinkedHashMap<>();
                    check.byQuarter().forEach((quarter, count) -> byQuarter.put(quarter.toString(), count));
                    return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED)
                            .body(new ImportJson(dryRun, check.answers().size(), byQuarter, List.of()));
                });
    }

    @ExceptionHandler(AlreadyImportedException.class)
    ResponseEntity<Object> alreadyImported(AlreadyImportedException e, ServerWebExchange exchange) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.getMessage(), exchange);
        problem.setType(ALREADY_IMPORTED);
        problem.setTitle("Already imported");
        return problemResponse(problem);
    }

    @ExceptionHandler(ImportFailedException.class)
    ResponseEntity<Object> failed(ImportFailedException e, ServerWebExchange exchange) {
        return problemResponse(problem(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage(), exchange));
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<Object> tooLarge(DataBufferLimitException e, ServerWebExchange exchange) {
        return problemResponse(problem(HttpStatus.CONTENT_TOO_LARGE, ImportConfiguration.tooLarge(properties), exchange));
    }

    private static ProblemDetail problem(HttpStatus status, String detail, ServerWebExchange exchange) {
        ProblemDetail problem = Problems.of(status, detail);
        problem.setInstance(Problems.instance(exchange.getRequest().getPath().value()));
        return problem;
    }

    private static ResponseEntity<Object> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
