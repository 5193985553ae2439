package org.survivorvoice.recording;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentRepository;
import org.survivorvoice.analysis.CommentViews;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.form.AnswerSummary;
import org.survivorvoice.period.FinancialQuarter;
import org.survivorvoice.response.Response;
import org.survivorvoice.response.ResponseRepository;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.survey.InstrumentVersions;
import org.survivorvoice.web.Pages;
import reactor.core.publisher.Mono;

/** The staff home page, the list of recent records and one record. */
@Controller
class RecordsController {

    static final int PAGE_SIZE = 25;

    private final ResponseRepository responses;
    private final InstrumentCatalogue catalogue;
    private final InstrumentVersions versions;
    private final AnswerSummary summary;
    private final CommentRepository comments;
    private final CommentViews commentViews;
    private final AuditLog audit;

    RecordsController(ResponseRepository responses, InstrumentCatalogue catalogue, InstrumentVersions versions, AnswerSummary summary,
                      CommentRepository comments, CommentViews commentViews, AuditLog audit) {
        this.audit = audit;
        this.responses = responses;
        this.catalogue = catalogue;
        this.versions = versions;
        this.summary = summary;
        this.comments = comments;
        this.commentViews = commentViews;
    }

    @GetMapping("/staff")
    Rendering home() {
        return Rendering.view("staff/home")
                .modelAttribute("title", "Home")
                .modelAttribute("staffInstruments", catalogue.all().stream().filter(i -> !i.isAnonymous()).toList())
                .build();
    }

    @GetMapping("/staff/records")
    Mono<Rendering> list(@RequestParam(required = false) String instrument, @RequestParam(defaultValue = "0") int page) {
        if (instrument != null && !instrument.isEmpty() && catalogue.find(instrument).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean filtered = instrument != null && !instrument.isEmpty();
        int current = Math.max(page, 0);
        PageRequest request = PageRequest.of(current, PAGE_SIZE, Sort.by(Sort.Order.desc("day"), Sort.Order.asc("id")));
        var items = (filtered ? responses.findByInstrumentId(instrument, request) : responses.findAllBy(request))
                .map(this::row).collectList();
        var total = filtered ? responses.countByInstrumentId(instrument) : responses.count();
        return Mono.zip(items, total).map(found -> {
            long pages = Math.max(1, (found.getT2() + PAGE_SIZE - 1) / PAGE_SIZE);
            String filter = filtered ? "instrument=" + instrument + "&" : "";
            Map<String, Object> model = new HashMap<>();
            model.put("title", "Records");
            model.put("rows", found.getT1());
            model.put("hasRows", !found.getT1().isEmpty());
            model.put("total", found.getT2());
            model.put("filters", catalogue.all().stream().map(i -> Map.of("id", i.id(), "title", i.title(),
                    "selected", i.id().equals(instrument))).toList());
            model.put("pageLabel", "Page " + (current + 1) + " of " + pages);
            model.put("previousHref", current > 0 ? "/staff/records?" + filter + "page=" + (current - 1) : null);
            model.put("nextHref", current + 1 < pages ? "/staff/records?" + filter + "page=" + (current + 1) : null);
            return Rendering.view("staff/records").model(model).build();
        });
    }

    @GetMapping("/staff/records/{id}")
    Mono<Rendering> one(@PathVariable String id, ServerWebExchange exchange, java.security.Principal officer) {
        boolean submitted = exchange.getRequest().getQueryParams().containsKey("submitted");
        Locale locale = Pages.locale(exchange);
        return responses.findById(id)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .flatMap(response -> Mono.zip(versions.find(response.instrumentId(), response.instrumentVersion())
                                .switchIfEmpty(Mono.error(new IllegalStateException("no definition of " + response.instrumentId()
                                        + " version " + response.instrumentVersion()))),
                                comments.findByResponseId(response.id()).collectMultimap(Comment::questionId))
                        .map(found -> {
                            Instrument instrument = found.getT1();
                            var analysed = found.getT2();
                            Map<String, Object> model = new HashMap<>(row(response));
                            model.put("sections", summary.summarise(instrument, shownAnswers(response, instrument), null, locale,
                                    questionId -> analysed.getOrDefault(questionId, java.util.List.of()).stream()
                                            .sorted(java.util.Comparator.comparing(Comment::id))
                                            .map(commentViews::summary).toList()));
                            model.put("submitted", submitted);
                            model.put("instrumentVersion", response.instrumentVersion());
                            model.put("oldVersion", catalogue.find(response.instrumentId())
                                    .map(current -> current.version() != response.instrumentVersion()).orElse(false));
                            return Rendering.view("staff/record").model(model).build();
                        })
                        .flatMap(page -> audit.record(officer, AuditAction.VIEWED, AuditTarget.RECORD, auditTarget(response),
                                response.channel().label() + " record page").thenReturn(page)));
    }

    /** How the audit log names a record: its reference, or the id of an anonymous response (which has none). */
    public static String auditTarget(Response response) {
        return response.reference() != null ? response.reference() : response.id();
    }

    /** The answers, with a note in place of each free-text answer the retention job removed. */
    static Map<String, Object> shownAnswers(Response response, Instrument instrument) {
        if (response.redaction() == null || response.redaction().questions().isEmpty()) {
            return response.answers();
        }
        Map<String, Object> shown = new HashMap<>(response.answers());
        String note = "(removed on " + response.redaction().day() + " after the retention period)";
        response.redaction().questions().forEach(id -> instrument.question(id).ifPresent(question ->
                shown.put(id, question.type() == org.survivorvoice.survey.QuestionType.TEXT_LIST ? java.util.List.of(note) : note)));
        return shown;
    }

    private Map<String, Object> row(Response r) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", r.id());
        row.put("href", "/staff/records/" + r.id());
        row.put("title", catalogue.find(r.instrumentId()).map(Instrument::title).orElse(r.instrumentId()));
        row.put("channel", r.channel().label());
        row.put("day", r.day());
        row.put("quarter", FinancialQuarter.parse(r.quarter()).label());
        row.put("reference", r.reference() == null ? "Anonymous" : r.reference());
        row.put("recordedBy", r.recordedBy() == null ? "" : r.recordedBy());
        return row;
    }
}
