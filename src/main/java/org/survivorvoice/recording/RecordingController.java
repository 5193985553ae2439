package org.survivorvoice.recording;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.form.AnswerSummary;
import org.survivorvoice.form.ErrorSummaryItem;
import org.survivorvoice.form.FormViews;
import org.survivorvoice.response.AnswerError;
import org.survivorvoice.response.InvalidAnswersException;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.Section;
import org.survivorvoice.web.Pages;
import reactor.core.publisher.Mono;

/**
 * An officer records an interview or a focus group one section per page. Every "Continue" saves
 * the draft, so closing the browser loses nothing; "Check your answers" comes before submitting.
 */
@Controller
@RequestMapping("/staff/drafts")
class RecordingController {

    private static final java.time.format.DateTimeFormatter SAVED_AT = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    private final DraftService drafts;
    private final FormViews views;
    private final AnswerSummary summary;
    private final java.time.Clock clock;
    private final AuditLog audit;

    RecordingController(DraftService drafts, FormViews views, AnswerSummary summary, java.time.Clock clock, AuditLog audit) {
        this.audit = audit;
        this.drafts = drafts;
        this.views = views;
        this.summary = summary;
        this.clock = clock;
    }

    @GetMapping
    Mono<Rendering> list(Principal user, ServerWebExchange exchange) {
        var query = exchange.getRequest().getQueryParams();
        String done = query.containsKey("saved") ? "Draft saved" : query.containsKey("deleted") ? "Draft deleted" : null;
        return drafts.of(user.getName())
                .map(draft -> Map.of("id", draft.id(), "title", drafts.instrument(draft).title(),
                        "updated", SAVED_AT.format(draft.updatedAt().atZone(clock.getZone())),
                        "href", "/staff/drafts/" + draft.id() + "/check"))
                .collectList()
                .map(list -> Rendering.view("staff/drafts").modelAttribute("title", "Drafts").modelAttribute("drafts", list)
                        .modelAttribute("hasDrafts", !list.isEmpty()).modelAttribute("done", done).build());
    }

    @PostMapping
    Mono<Rendering> start(ServerWebExchange exchange, Principal user) {
        return exchange.getFormData()
                .flatMap(form -> drafts.start(String.valueOf(form.getFirst("instrument")), user.getName()))
                .map(draft -> Pages.seeOther(sectionHref(draft, drafts.instrument(draft).sections().get(0))));
    }

    @GetMapping("/{draftId}/sections/{sectionId}")
    Mono<Rendering> section(@PathVariable String draftId, @PathVariable String sectionId, Principal user, ServerWebExchange exchange) {
        return drafts.find(draftId, user.getName()).map(draft -> {
            Instrument instrument = drafts.instrument(draft);
            Section section = section(instrument, sectionId);
            MultiValueMap<String, String> values = views.answers().toForm(section.questions(), draft.answers());
            return sectionPage(draft, instrument, section, values, List.of(), Pages.locale(exchange), HttpStatus.OK);
        });
    }

    @PostMapping("/{draftId}/sections/{sectionId}")
    Mono<Rendering> saveSection(@PathVariable String draftId, @PathVariable String sectionId, Principal user,
                                ServerWebExchange exchange) {
        return drafts.find(draftId, user.getName()).zipWith(exchange.getFormData()).flatMap(found -> {
            Draft draft = found.getT1();
            MultiValueMap<String, String> form = found.getT2();
            Instrument instrument = drafts.instrument(draft);
            Section section = section(instrument, sectionId);
            boolean later = "later".equals(form.getFirst("action"));
            return drafts.saveSection(draft, section, form, !later).map(errors -> {
                if (!errors.isEmpty()) {
                    return sectionPage(draft, instrument, section, form, errors, Pages.locale(exchange), HttpStatus.BAD_REQUEST);
                }
                if (later) {
                    return Pages.seeOther("/staff/drafts?saved");
                }
                int next = instrument.sections().indexOf(section) + 1;
                return Pages.seeOther(next < instrument.sections().size()
                        ? sectionHref(draft, instrument.sections().get(next))
                        : "/staff/drafts/" + draft.id() + "/check");
            });
        });
    }

    @GetMapping("/{draftId}/check")
    Mono<Rendering> check(@PathVariable String draftId, Principal user, ServerWebExchange exchange) {
        return drafts.find(draftId, user.getName()).map(draft -> checkPage(draft, List.of(), Pages.locale(exchange), HttpStatus.OK));
    }

    @PostMapping("/{draftId}/submit")
    Mono<Rendering> submit(@PathVariable String draftId, Principal user, ServerWebExchange exchange) {
        Locale locale = Pages.locale(exchange);
        return drafts.find(draftId, user.getName())
                .flatMap(draft -> drafts.submit(draft, locale)
                        .flatMap(saved -> audit.note(user, AuditAction.CREATED, AuditTarget.RECORD, RecordsController.auditTarget(saved),
                                saved.channel().label() + " recorded from a draft").thenReturn(saved))
                        .map(saved -> Pages.seeOther("/staff/records/" + saved.id() + "?submitted"))
                        .onErrorResume(InvalidAnswersException.class,
                                invalid -> Mono.just(checkPage(draft, invalid.errors(), locale, HttpStatus.BAD_REQUEST))));
    }

    @PostMapping("/{draftId}/delete")
    Mono<Rendering> delete(@PathVariable String draftId, Principal user) {
        return drafts.find(draftId, user.getName()).flatMap(drafts::delete)
                .then(audit.note(user, AuditAction.DELETED, AuditTarget.DRAFT, draftId, "deleted by its owner"))
                .thenReturn(Pages.seeOther("/staff/drafts?deleted"));
    }

    private Rendering sectionPage(Draft draft, Instrument instrument, Section section, MultiValueMap<String, String> values,
                                  List<AnswerError> errors, Locale locale, HttpStatus status) {
        Map<String, String> byQuestion = views.messagesByQuestion(errors, locale);
        int index = instrument.sections().indexOf(section);
        Map<String, Object> model = new HashMap<>();
        model.put("title", instrument.title());
        model.put("section", views.section(section, values, byQuestion, locale));
        model.put("step", "Section " + (index + 1) + " of " + instrument.sections().size());
        model.put("action", sectionHref(draft, section));
        model.put("backHref", index == 0 ? "/staff/drafts" : sectionHref(draft, instrument.sections().get(index - 1)));
        model.put("checkHref", "/staff/drafts/" + draft.id() + "/check");
        model.put("errorSummary", views.summary(byQuestion));
        model.put("hasErrors", !byQuestion.isEmpty());
        return Rendering.view("staff/draft-section").model(model).status(status).build();
    }

    private Rendering checkPage(Draft draft, List<AnswerError> errors, Locale locale, HttpStatus status) {
        Instrument instrument = drafts.instrument(draft);
        Map<String, String> byQuestion = views.messagesByQuestion(errors, locale);
        List<ErrorSummaryItem> errorSummary = byQuestion.entrySet().stream().map(e -> new ErrorSummaryItem(
                instrument.sections().stream().filter(s -> s.questions().stream().anyMatch(q -> q.id().equals(e.getKey())))
                        .findFirst().map(s -> sectionHref(draft, s) + "#" + e.getKey()).orElse("#"), e.getValue())).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("title", instrument.title());
        model.put("sections", summary.summarise(instrument, draft.answers(), "/staff/drafts/" + draft.id() + "/sections/", locale));
        model.put("submitAction", "/staff/drafts/" + draft.id() + "/submit");
        model.put("deleteAction", "/staff/drafts/" + draft.id() + "/delete");
        model.put("errorSummary", errorSummary);
        model.put("hasErrors", !errorSummary.isEmpty());
        return Rendering.view("staff/draft-check").model(model).status(status).build();
    }

    private static Section section(Instrument instrument, String sectionId) {
        return instrument.section(sectionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String sectionHref(Draft draft, Section section) {
        return "/staff/drafts/" + draft.id() + "/sections/" + section.id();
    }
}
