package org.survivorvoice.quote;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
import org.survivorvoice.form.ErrorSummaryItem;
import org.survivorvoice.form.QuestionView;
import org.survivorvoice.form.QuestionView.ChoiceView;
import org.survivorvoice.period.FinancialQuarter;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.web.Pages;
import reactor.core.publisher.Mono;

/**
 * Officers approve anonymised quotes of comments, see the approved ones and withdraw them. The
 * approval form sits on a page of its own, reached from the comment review page.
 */
@Controller
class QuoteController {

    private final QuoteService quotes;
    private final QuoteViews views;
    private final CommentRepository comments;
    private final CommentViews commentViews;
    private final InstrumentCatalogue catalogue;
    private final AuditLog audit;

    QuoteController(QuoteService quotes, QuoteViews views, CommentRepository comments, CommentViews commentViews,
                    InstrumentCatalogue catalogue, AuditLog audit) {
        this.audit = audit;
        this.quotes = quotes;
        this.views = views;
        this.comments = comments;
        this.commentViews = commentViews;
        this.catalogue = catalogue;
    }

    @GetMapping("/staff/quotes")
    Mono<Rendering> list(@RequestParam(required = false) String quarter, @RequestParam(required = false) String agency,
                         ServerWebExchange exchange) {
        String chosenQuarter = quarterFilter(quarter);
        List<String> chosenAgencies = agencyFilter(agency);
        boolean withdrawn = exchange.getRequest().getQueryParams().containsKey("withdrawn");
        return Mono.zip(quotes.approved(chosenQuarter == null ? null : List.of(chosenQuarter), chosenAgencies).map(views::view).collectList(),
                        quotes.quartersWithQuotes().collectList())
                .map(found -> {
                    List<String> quarters = new ArrayList<>(found.getT2());
                    if (chosenQuarter != null && !quarters.contains(chosenQuarter)) {
                        quarters.add(chosenQuarter);
                    }
                    List<Map<String, Object>> agencyOptions = new ArrayList<>(catalogue.agencies().all().stream()
                            .map(a -> option(a.id(), a.label(), a.id().equals(agency))).toList());
                    agencyOptions.add(option(QuoteViews.NO_AGENCY, views.agencyLabel(null), QuoteViews.NO_AGENCY.equals(agency)));
                    Map<String, Object> model = new HashMap<>();
                    model.put("title", "Quotes");
                    model.put("rows", found.getT1());
                    model.put("hasRows", !found.getT1().isEmpty());
                    List<String> filters = new ArrayList<>();
                    if (chosenQuarter != null) {
                        filters.add(QuoteViews.quarterLabel(chosenQuarter));
                    }
                    if (chosenAgencies != null) {
                        filters.add(views.agencyLabel(chosenAgencies.get(0)));
                    }
                    model.put("caption", String.join(", ", filters));
                    model.put("total", found.getT1().size());
                    model.put("filtered", !filters.isEmpty());
                    model.put("quarters", quarters.stream().map(q -> option(q, QuoteViews.quarterLabel(q), q.equals(chosenQuarter))).toList());
                    model.put("agencies", agencyOptions);
                    model.put("done", withdrawn ? "Quote withdrawn: reports no longer show it" : null);
                    return Rendering.view("staff/quotes").model(model).build();
                });
    }

    @GetMapping("/staff/quotes/new")
    Mono<Rendering> form(@RequestParam String comment, Principal officer) {
        return commentAndQuote(comment)
                .flatMap(found -> audit.record(officer, AuditAction.VIEWED, AuditTarget.COMMENT, found.comment().id(), "quote form")
                        .thenReturn(found))
                .map(found -> {
            Comment c = found.comment();
            String text = found.quote().map(Quote::text).orElse(c.text() == null ? "" : c.text());
            String tone = found.quote().map(Quote::tone).orElse(Tone.of(c.effective()).value());
            boolean nothingIdentifying = found.quote().map(Quote::verbatim).orElse(false);
            return formPage(found, text, tone, nothingIdentifying, List.of(), HttpStatus.OK);
        });
    }

    @PostMapping("/staff/quotes")
    Mono<Rendering> approve(ServerWebExchange exchange, Principal officer) {
        return exchange.getFormData().flatMap(form -> {
            String commentId = form.getFirst("comment");
            if (commentId == null || commentId.isBlank()) {
                return Mono.error(new ResponseStatusException(HttpStatus.BAD_REQUEST, "The form does not say which comment the quote is from."));
            }
            String text = Optional.ofNullable(form.getFirst("text")).orElse("");
            String tone = form.getFirst("tone");
            boolean nothingIdentifying = "yes".equals(form.getFirst("nothingIdentifying"));
            return quotes.approve(commentId, text, tone, nothingIdentifying, officer.getName())
                    .flatMap(quote -> audit.note(officer, AuditAction.APPROVED, AuditTarget.QUOTE, quote.id(), "from comment "
                                    + commentId + ", tone " + quote.tone() + (quote.verbatim() ? ", her words unchanged" : ""))
                            .thenReturn(quote))
                    .map(quote -> Pages.seeOther(QuoteViews.commentHref(commentId) + "#quote"))
                    .onErrorResume(InvalidQuoteException.class, invalid -> commentAndQuote(commentId).map(found -> formPage(found, text,
                            tone != null && !tone.isEmpty() ? tone : Tone.of(found.comment().effective()).value(), nothingIdentifying,
                            invalid.errors(), HttpStatus.BAD_REQUEST)));
        });
    }

    @PostMapping("/staff/quotes/{quoteId}/withdraw")
    Mono<Rendering> withdraw(@PathVariable String quoteId, ServerWebExchange exchange, Principal officer) {
        return exchange.getFormData().flatMap(form -> quotes.withdraw(quoteId, officer.getName())
                .flatMap(quote -> audit.note(officer, AuditAction.WITHDRAWN, AuditTarget.QUOTE, quote.id(),
                        "from comment " + quote.commentId()).thenReturn(quote))
                .map(quote -> Pages.seeOther("comment".equals(form.getFirst("back"))
                        ? QuoteViews.commentHref(quote.commentId()) + "#quote"
                        : "/staff/quotes?withdrawn")));
    }

    private record CommentAndQuote(Comment comment, Optional<Quote> quote) {
    }

    private Mono<CommentAndQuote> commentAndQuote(String commentId) {
        return comments.findById(commentId)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .flatMap(comment -> quotes.forComment(comment.id()).map(Optional::of).defaultIfEmpty(Optional.empty())
                        .map(quote -> new CommentAndQuote(comment, quote)));
    }

    private Rendering formPage(CommentAndQuote found, String text, String tone, boolean nothingIdentifying, List<QuoteError> errors,
                               HttpStatus status) {
        Comment comment = found.comment();
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(error -> byField.putIfAbsent(error.field(), error.message()));
        Map<String, Object> model = new HashMap<>(commentViews.summary(comment));
        model.put("title", "Use a comment as a quote");
        model.put("commentId", comment.id());
        model.put("commentText", comment.text() == null ? CommentViews.removedText(comment) : comment.text());
        model.put("commentHref", QuoteViews.commentHref(comment.id()));
        found.quote().ifPresent(quote -> model.put("current", views.view(quote)));
        List<Map<String, String>> words = IdentifyingWords.in(text).stream()
                .map(word -> Map.of("word", word.text(), "why", word.kind().label())).toList();
        model.put("words", words);
        model.put("hasWords", !words.isEmpty());
        model.put("quoteDraft", text);
        model.put("textError", byField.get("text"));
        model.put("maxLength", QuoteRules.MAX_LENGTH);
        model.put("toneQuestion", choices("tone", "Tone of the quote", "Reports list it among the positive or the negative "
                        + "examples. The comment's tone is " + toneOfComment(comment) + ".", byField.get("tone"), true,
                java.util.Arrays.stream(Tone.values()).map(t -> new ChoiceView(t == Tone.values()[0] ? "tone" : "tone-" + t.value(),
                        t.value(), t.label(), t.value().equals(tone), false)).toList()));
        model.put("confirmQuestion", choices("nothingIdentifying", "Her own words, unchanged", "Tick this only to publish the "
                        + "comment word for word.", byField.get("nothingIdentifying"), false,
                List.of(new ChoiceView("nothingIdentifying", "yes", "Nothing in this comment could identify anyone", nothingIdentifying,
                        false))));
        List<ErrorSummaryItem> summary = byField.entrySet().stream().map(e -> new ErrorSummaryItem("#" + e.getKey(), e.getValue())).toList();
        model.put("errorSummary", summary);
        model.put("hasErrors", !summary.isEmpty());
        return Rendering.view("staff/quote").model(model).status(status).build();
    }

    private static String toneOfComment(Comment comment) {
        return comment.effective() == null ? "not known yet" : CommentViews.sentimentLabel(comment.effective().sentiment()).toLowerCase(java.util.Locale.UK);
    }

    /** Radios or checkboxes, as the shared question components draw them. */
    private static QuestionView choices(String id, String legend, String hint, String error, boolean radios, List<ChoiceView> choices) {
        return new QuestionView(id, legend, hint, false, error, radios, !radios, false, false, false, false, false, choices,
                null, null, null, null, List.of(), List.of(), 0, false);
    }

    private static Map<String, Object> option(String value, String label, boolean selected) {
        return Map.of("value", value, "label", label, "selected", selected);
    }

    /** The quarter to show ({@code 2015/16-Q2}), or null for all. */
    private static String quarterFilter(String quarter) {
        if (quarter == null || quarter.isBlank()) {
            return null;
        }
        try {
            return FinancialQuarter.parse(quarter).toString();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose a quarter from the list.");
        }
    }

    /** The agencies to show, or null for all. */
    private List<String> agencyFilter(String agency) {
        if (agency == null || agency.isBlank()) {
            return null;
        }
        if (QuoteViews.NO_AGENCY.equals(agency)) {
            return Collections.singletonList(null);
        }
        if (catalogue.agencies().agency(agency).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose an agency from the list.");
        }
        return List.of(agency);
    }
}
