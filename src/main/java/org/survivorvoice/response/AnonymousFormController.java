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
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.form.ErrorSummaryItem;
import org.survivorvoice.form.FormViews;
import org.survivorvoice.storage.StorageFailures;
import org.survivorvoice.security.SubmissionLimit;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.web.PageModel;
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
 *
 * <p>A post is refused, stores nothing and shows the form again with her answers and "This page had
 * expired" when another site made it ({@link CrossSitePosts}: 403) or when its signed token is
 * missing, forged, for another form or too old ({@link FormTokens}: 400); pressing "Send" on the page
 * shown then works. A post that fills in the hidden honeypot field, which people never see, is
 * answered as a success and stores nothing.
 */
@Controller
class AnonymousFormController {

    /** The hidden field with the form's signed token. Question ids never start with "_". */
    static final String TOKEN_FIELD = "_token";
    /** The field only programs fill in (visually hidden, out of the tab order, hidden from screen readers). */
    static final String HONEYPOT_FIELD = "_website";
    /** The id of the form's send button, where the "page had expired" message points. */
    static final String SEND_BUTTON = "send";
    /** Not about one question: the summary links to the form ({@code #answers}). */
    private static final AnswerError NOT_SAVED = new AnswerError("answers", "not-saved");

    private final InstrumentCatalogue catalogue;
    private final ResponseService service;
    private final FormViews views;
    private final FormTokens tokens;
    private final PageModel pageModel;
    private final MessageSource messages;

    AnonymousFormController(InstrumentCatalogue catalogue, ResponseService service, FormViews views, FormTokens tokens,
                            PageModel pageModel, MessageSource messages) {
        this.messages = messages;
        this.catalogue = catalogue;
        this.service = service;
        this.views = views;
        this.tokens = tokens;
        this.pageModel = pageModel;
    }

    /** Before the form: what "Exit this page" can and cannot hide, then "Continue to the form". */
    @GetMapping("/f/{id}/safety")
    Rendering safety(@PathVariable String id) {
        Instrument instrument = anonymousInstrument(id);
        return Rendering.view("public/safety").modelAttribute("titleKey", "safety.heading")
                .modelAttribute("continueTo", "/f/" + instrument.id()).build();
    }

    @GetMapping("/f/{id}")
    Rendering form(@PathVariable String id, ServerWebExchange exchange) {
        Instrument instrument = anonymousInstrument(id);
        return page(instrument, new LinkedMultiValueMap<>(), List.of(), Pages.locale(exchange), HttpStatus.OK);
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
                return Mono.just(page(instrument, form, Map.of(), List.of(new ErrorSummaryItem("#answers", wait)),
                        HttpStatus.TOO_MANY_REQUESTS, locale));
            }
            if (StringUtils.hasText(form.getFirst(HONEYPOT_FIELD))) {
                // Only a program fills in a field that people never see or reach; it is told what people are told.
                return Mono.just(toThanks(instrument));
            }
            if (CrossSitePosts.isCrossSite(exchange.getRequest())) {
                return Mono.just(expired(instrument, form, locale, HttpStatus.FORBIDDEN));
            }
            if (!tokens.isValid(instrument.id(), form.getFirst(TOKEN_FIELD))) {
                return Mono.just(expired(instrument, form, locale, HttpStatus.BAD_REQUEST));
            }
            Map<String, Object> raw = views.answers().read(instrument.questions(), form);
            return service.submit(instrument, raw, Submitter.ANONYMOUS, locale)
                    .map(saved -> toThanks(instrument))
                    .onErrorResume(InvalidAnswersException.class,
                            invalid -> Mono.just(page(instrument, form, invalid.errors(), locale, HttpStatus.BAD_REQUEST)))
                    // The database cannot be reached: her answers come back in the page, to send again.
                    .onErrorResume(StorageFailures::isUnavailable,
                            down -> Mono.just(page(instrument, form, List.of(NOT_SAVED), locale, HttpStatus.SERVICE_UNAVAILABLE)));
        });
    }

    @GetMapping("/f/{id}/thanks")
    Rendering thanks(@PathVariable String id) {
        Instrument instrument = anonymousInstrument(id);
        return Rendering.view("public/thanks").modelAttribute("titleKey", "thanks.heading").build();
    }

    private static Rendering toThanks(Instrument instrument) {
        return Pages.seeOther("/f/" + instrument.id() + "/thanks");
    }

    private Rendering page(Instrument instrument, MultiValueMap<String, String> values, List<AnswerError> errors,
                           Locale locale, HttpStatus status) {
        Map<String, String> byQuestion = views.messagesByQuestion(errors, locale);
        return page(instrument, values, byQuestion, views.summary(byQuestion), status, locale);
    }

    /** The form again with every answer kept and one error: send it again (a fresh token comes with the page). */
    private Rendering expired(Instrument instrument, MultiValueMap<String, String> values, Locale locale, HttpStatus status) {
        List<ErrorSummaryItem> summary = List.of(new ErrorSummaryItem("#" + SEND_BUTTON, pageModel.message("form.expired", locale)));
        return page(instrument, values, Map.of(), summary, status, locale);
    }

    private Rendering page(Instrument instrument, MultiValueMap<String, String> values, Map<String, String> byQuestion,
                           List<ErrorSummaryItem> summary, HttpStatus status, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("instrumentId", instrument.id());
        model.put("title", instrument.title());
        model.put("description", instrument.description());
        model.put("sections", views.sections(instrument.sections(), values, byQuestion, locale));
        model.put("errorSummary", summary);
        model.put("hasErrors", !summary.isEmpty());
        model.put("token", tokens.issue(instrument.id()));
        return Rendering.view("public/form").model(model).status(status).build();
    }

    /** Staff instruments do not exist here: a 404, not a sign-in page, so the public learns nothing. */
    private Instrument anonymousInstrument(String id) {
        return catalogue.find(id).filter(Instrument::isAnonymous)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
