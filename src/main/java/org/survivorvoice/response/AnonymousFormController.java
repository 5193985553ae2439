package org.survivorvoice.response;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.form.ErrorSummaryItem;
import org.survivorvoice.form.FormViews;
import org.survivorvoice.security.SubmissionLimit;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.web.Pages;
import reactor.core.publisher.Mono;

/**
 * The anonymous feedback form at {@code /f/{id}}: one page, its sections as groups.
 *
 * <p>One page, because without a cookie a form spread over pages must carry the earlier answers
 * in hidden fields or keep them on the server under an id in the address, and either leaves more
 * behind on a shared or watched device (history entries, cached pages, a draft that outlives the
 * visit). On one page nothing exists anywhere until she presses "Send", and "Exit this page"
 * leaves nothing half-sent. Every question is optional, so the length does not stand in her way.
 */
@Controller
class AnonymousFormController {

    private final InstrumentCatalogue catalogue;
    private final ResponseService service;
    private final FormViews views;
    private final MessageSource messages;

    AnonymousFormController(InstrumentCatalogue catalogue, ResponseService service, FormViews views, MessageSource messages) {
        this.catalogue = catalogue;
        this.service = service;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/f/{id}")
    Rendering form(@PathVariable String id, ServerWebExchange exchange) {
        Instrument instrument = anonymousInstrument(id);
        return page(instrument, new LinkedMultiValueMap<>(), List.of(), Pages.locale(exchange), HttpStatus.OK, null);
    }

    @PostMapping("/f/{id}")
    Mono<Rendering> submit(@PathVariable String id, ServerWebExchange exchange) {
        Instrument instrument = anonymousInstrument(id);
        Locale locale = Pages.locale(exchange);
        return exchange.getFormData().flatMap(form -> {
            var limited = SubmissionLimit.exceeded(exchange);
            if (limited.isPresent()) {
                // Over the rate limit: nothing is stored; her answers come back with a message.
                String wait = messages.getMessage("limits.form-wait", new Object[] {SubmissionLimit.minutes(limited.get())}, locale);
                return Mono.just(page(instrument, form, List.of(), locale, HttpStatus.TOO_MANY_REQUESTS, wait));
            }
            Map<String, Object> raw = views.answers().read(instrument.questions(), form);
            return service.submit(instrument, raw, Submitter.ANONYMOUS, locale)
                    .map(saved -> Pages.seeOther("/f/" + id + "/thanks"))
                    .onErrorResume(InvalidAnswersException.class,
                            invalid -> Mono.just(page(instrument, form, invalid.errors(), locale, HttpStatus.BAD_REQUEST, null)));
        });
    }

    @GetMapping("/f/{id}/thanks")
    Rendering thanks(@PathVariable String id) {
        Instrument instrument = anonymousInstrument(id);
        return Rendering.view("public/thanks").modelAttribute("titleKey", "thanks.heading").build();
    }

    /** @param notice a problem with the whole form rather than one answer (linked to the form), or null */
    private Rendering page(Instrument instrument, MultiValueMap<String, String> values, List<AnswerError> errors,
                           Locale locale, HttpStatus status, String notice) {
        Map<String, String> byQuestion = views.messagesByQuestion(errors, locale);
        Map<String, Object> model = new HashMap<>();
        model.put("instrumentId", instrument.id());
        model.put("title", instrument.title());
        model.put("description", instrument.description());
        model.put("sections", views.sections(instrument.sections(), values, byQuestion, locale));
        model.put("errorSummary", notice != null ? List.of(new ErrorSummaryItem("#answers", notice)) : views.summary(byQuestion));
        model.put("hasErrors", notice != null || !byQuestion.isEmpty());
        return Rendering.view("public/form").model(model).status(status).build();
    }

    /** Staff instruments do not exist here: a 404, not a sign-in page, so the public learns nothing. */
    private Instrument anonymousInstrument(String id) {
        return catalogue.find(id).filter(Instrument::isAnonymous)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
