package org.survivorvoice.importing;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.form.ErrorSummaryItem;
import org.survivorvoice.period.FinancialQuarter;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.web.Pages;
import reactor.core.publisher.Mono;

/**
 * Officers import historic interviews from a CSV file: the page explains the columns (generated from
 * the instrument) and offers a template; "Check file" lists every problem or what would be imported,
 * "Import" stores all rows or none.
 */
@Controller
class ImportController {

    static final String PATH = "/staff/import";
    /** The instrument whose records are imported. */
    static final String INSTRUMENT = "interview";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private static final String QUARTERS_CAPTION = "Interviews by financial quarter";

    private final ImportService imports;
    private final InstrumentCatalogue catalogue;
    private final ImportProperties properties;
    private final AuditLog audit;

    ImportController(ImportService imports, InstrumentCatalogue catalogue, ImportProperties properties, AuditLog audit) {
        this.audit = audit;
        this.imports = imports;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    @GetMapping(PATH)
    Rendering page() {
        return page(Map.of(), HttpStatus.OK);
    }

    @GetMapping(PATH + "/template.csv")
    ResponseEntity<byte[]> template() {
        // With a byte order mark, so that a spreadsheet opens it as UTF-8 and saves it so again.
        byte[] body = ("\uFEFF" + ColumnGuide.header(instrument())).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(INSTRUMENT + "-import-template.csv").build().toString())
                .body(body);
    }

    @PostMapping(path = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<Rendering> upload(ServerWebExchange exchange, Principal officer) {
        Instrument instrument = instrument();
        return exchange.getMultipartData().flatMap(parts -> {
            boolean importing = "import".equals(field(parts, "action"));
            if (!(parts.getFirst("file") instanceof FilePart file) || file.filename().isBlank()) {
                return Mono.just(failed("Select a CSV file", HttpStatus.BAD_REQUEST));
            }
            return DataBufferUtils.join(file.content(), Math.toIntExact(properties.maxFileSize().toBytes()))
                    .map(ImportController::bytes)
                    .defaultIfEmpty(new byte[0])
                    .flatMap(bytes -> importing ? imports.run(instrument, bytes, officer.getName()) : imports.check(instrument, bytes))
                    .flatMap(check -> !importing || !check.isValid() ? Mono.just(check)
                            : audit.note(officer, AuditAction.IMPORTED, AuditTarget.IMPORT, ImportService.auditTarget(check),
                                    ImportService.auditDetail(check)).thenReturn(check))
                    .map(check -> !check.isValid() ? problems(check)
                            : importing ? Pages.seeOther(PATH + "/" + check.fingerprint()) : checked(check))
                    .onErrorResume(AlreadyImportedException.class, e -> Mono.just(failed(e.getMessage(), HttpStatus.CONFLICT)))
                    .onErrorResume(ImportFailedException.class, e -> Mono.just(failed(e.getMessage(), HttpStatus.INTERNAL_SERVER_ERROR)))
                    .onErrorResume(DataBufferLimitException.class,
                            e -> Mono.just(failed(ImportConfiguration.tooLarge(properties), HttpStatus.CONTENT_TOO_LARGE)));
        });
    }

    @GetMapping(PATH + "/{id:[0-9a-f]{64}}")
    Mono<Rendering> done(@PathVariable String id) {
        return imports.find(id)
                .filter(record -> record.state() == ImportRecord.State.DONE)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(record -> {
                    Map<String, Object> model = new HashMap<>();
                    model.put("title", "Interviews imported");
                    model.put("interviews", ImportCheck.interviews(record.interviews()));
                    model.put("quarters", record.byQuarter().entrySet().stream()
                            .map(e -> Map.of("label", FinancialQuarter.parse(e.getKey()).label(), "count", e.getValue()))
                            .toList());
                    model.put("quartersCaption", QUARTERS_CAPTION);
                    model.put("importedBy", record.importedBy());
                    model.put("importedAt", WHEN.format(record.finishedAt()));
                    model.put("recordsHref", "/staff/records?instrument=" + record.instrumentId());
                    return Rendering.view("staff/import-done").model(model).build();
                });
    }

    static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The file has problems: each with its line and column. */
    private Rendering problems(ImportCheck check) {
        Map<String, Object> model = new HashMap<>();
        model.put("errorSummary", List.of(new ErrorSummaryItem("#problems", check.problemSummary())));
        model.put("fileError", "Correct the problems listed below, then choose the file again");
        model.put("problems", check.problems().stream().map(p -> Map.of(
                "line", p.line() == null ? "" : String.valueOf(p.line()),
                "column", p.column() == null ? "" : p.column(),
                "message", p.message())).toList());
        model.put("problemsCaption", check.problemSummary());
        model.put("hasProblems", true);
        return page(model, HttpStatus.BAD_REQUEST);
    }

    /** A dry run found no problem: what would be imported. */
    private Rendering checked(ImportCheck check) {
        Map<String, Object> model = new HashMap<>();
        model.put("checked", Map.of(
                "heading", check.interviews() + " would be imported",
                "quartersCaption", QUARTERS_CAPTION,
                "quarters", check.byQuarter().entrySet().stream()
                        .map(e -> Map.of("label", e.getKey().label(), "count", e.getValue())).toList()));
        return page(model, HttpStatus.OK);
    }

    private Rendering failed(String message, HttpStatus status) {
        return page(Map.of("errorSummary", List.of(new ErrorSummaryItem("#file", message)), "fileError", message), status);
    }

    private Rendering page(Map<String, Object> extra, HttpStatus status) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("title", "Import interviews");
        model.put("hasErrors", extra.containsKey("errorSummary"));
        model.put("columns", ColumnGuide.columns(instrument()));
        model.put("dateColumn", instrument().dateQuestion());
        model.put("maxFileSize", properties.maxFileSizeText());
        model.put("maxRows", properties.maxRowsText());
        return Rendering.view("staff/import").model(model).status(status).build();
    }

    private Instrument instrument() {
        return catalogue.find(INSTRUMENT).orElseThrow(() -> new IllegalStateException("no instrument " + INSTRUMENT));
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart field ? field.value() : null;
    }
}
