package org.survivorvoice.response;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.web.ApiController;
import reactor.core.publisher.Mono;

/** Submitting responses (anyone, for anonymous instruments) and reading them (officers). */
@ApiController
class ResponseApiController {

    static final int MAX_PAGE_SIZE = 100;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private final InstrumentCatalogue catalogue;
    private final ResponseService service;
    private final ResponseRepository responses;
    private final AuditLog audit;

    ResponseApiController(InstrumentCatalogue catalogue, ResponseService service, ResponseRepository responses, AuditLog audit) {
        this.audit = audit;
        this.catalogue = catalogue;
        this.service = service;
        this.responses = responses;
    }

    static final java.util.Set<String> SUBMISSION_KEYS = java.util.Set.of("answers", "language");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Created(String id, String reference) {
    }

    record InstrumentRef(String id, int version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResponseJson(String id, InstrumentRef instrument, String channel, String day, String quarter, String language,
                        String reference, String recordedBy, Instant recordedAt, Map<String, Object> answers,
                        Response.Redaction redaction) {

        static ResponseJson of(Response r) {
            return new ResponseJson(r.id(), new InstrumentRef(r.instrumentId(), r.instrumentVersion()), r.channel().id(),
                    r.day(), r.quarter(), r.language(), r.reference(), r.recordedBy(), r.recordedAt(), r.answers(), r.redaction());
        }
    }

    record PageJson(List<ResponseJson> items, int page, int size, long total) {
    }

    // JSON only (415 otherwise), and no CORS: a page on another site cannot send JSON here without a preflight,
    // which is refused, so this address needs no token against cross-site posts (the HTML form has one:
    // AnonymousFormController). Keep it so: do not accept form or text content types here.
    // produces: a client that cannot take JSON is refused (406) before anything is stored, not after.
    @PostMapping(path = "/api/v1/instruments/{id}/responses", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Created>> submit(@PathVariable String id, @RequestBody Map<String, Object> body, Mono<Principal> principal) {
        Instrument instrument = catalogue.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no instrument called " + id));
        body.keySet().stream().filter(key -> !SUBMISSION_KEYS.contains(key)).findFirst().ifPresent(key -> {
            throw new ServerWebInputException("Unknown field \"" + key + "\": the body holds \"answers\" and, optionally, \"language\".");
        });
        if (!(body.get("answers") instanceof Map<?, ?> given)) {
            throw new ServerWebInputException("The body needs an \"answers\" object: {\"answers\": {\"question-id\": \"value\"}}.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) given;
        Object languageField = body.get("language");
        String language = languageField == null ? "en" : String.valueOf(languageField);
        if (!(languageField == null || languageField instanceof String) || !LANGUAGE.matcher(language).matches()) {
            throw new ServerWebInputException("\"language\" must be a language code such as \"en\", \"ar\" or \"pl\".");
        }
        Mono<Submitter> submitter = instrument.isAnonymous()
                ? Mono.just(Submitter.ANONYMOUS)
                : principal.map(p -> Submitter.staff(p.getName()));
        return submitter
                .flatMap(who -> service.submit(instrument, answers, who, Locale.forLanguageTag(language)))
                .flatMap(saved -> saved.isAnonymous() ? Mono.just(saved)
                        : principal.flatMap(officer -> audit.note(officer, AuditAction.CREATED, AuditTarget.RECORD, saved.reference(),
                                saved.channel().label() + " recorded through the API")).thenReturn(saved))
                .map(saved -> ResponseEntity.created(URI.create("/api/v1/responses/" + saved.id()))
                        .body(new Created(saved.id(), saved.reference())));
    }

    @GetMapping("/api/v1/responses")
    Mono<PageJson> list(@RequestParam(required = false) String instrument,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "20") int size, Principal officer) {
        if (page < 0) {
            throw new ServerWebInputException("\"page\" must be 0 or more.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ServerWebInputException("\"size\" must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        if (instrument != null && catalogue.find(instrument).isEmpty()) {
            throw new ServerWebInputException("There is no instrument called " + instrument + ".");
        }
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("day"), Sort.Order.asc("id")));
        var items = (instrument == null ? responses.findAllBy(request) : responses.findByInstrumentId(instrument, request))
                .map(ResponseJson::of).collectList();
        var total = instrument == null ? responses.count() : responses.countByInstrumentId(instrument);
        return Mono.zip(items, total, (list, count) -> new PageJson(list, page, size, count))
                .flatMap(json -> audit.record(officer, AuditAction.VIEWED, AuditTarget.RECORDS, "api page " + page,
                        json.items().size() + " records" + (instrument == null ? "" : " of " + instrument)).thenReturn(json));
    }

    @GetMapping("/api/v1/responses/{id}")
    Mono<ResponseJson> one(@PathVariable String id, Principal officer) {
        return responses.findById(id)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no response " + id)))
                .flatMap(response -> audit.record(officer, AuditAction.VIEWED, AuditTarget.RECORD,
                        response.reference() != null ? response.reference() : response.id(), response.channel().label() + " through the API")
                        .thenReturn(ResponseJson.of(response)));
    }
}
