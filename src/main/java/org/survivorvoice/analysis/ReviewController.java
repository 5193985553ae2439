package org.survivorvoice.analysis;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.survivorvoice.analysis.nlp.Sentiment;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.form.ErrorSummaryItem;
import org.survivorvoice.web.Pages;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Officers review the analysis: each comment with the suggested tone and themes and the evidence
 * for them, to accept or correct.
 */
@Controller
class ReviewController {

    static final int PAGE_SIZE = 25;

    /** The lists an officer can work through. */
    enum Filter {
        TO_REVIEW("to-review", "To review", Criteria.where("human").exists(false).and("status").is(CommentStatus.DONE)),
        REVIEWED("reviewed", "Reviewed", Criteria.where("human").exists(true)),
        PROBLEMS("problems", "Not analysed", Criteria.where("status").in(CommentStatus.NOT_ANALYSABLE, CommentStatus.FAILED)),
        WAITING("waiting", "Waiting", Criteria.where("status").in(CommentStatus.PENDING, CommentStatus.RUNNING)),
        ALL("all", "All", new Criteria());

        final String id;
        final String label;
        final Criteria criteria;

        Filter(String id, String label, Criteria criteria) {
            this.id = id;
            this.label = label;
            this.criteria = criteria;
        }

        static Filter of(String id) {
            return java.util.Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst().orElse(TO_REVIEW);
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final CommentRepository comments;
    private final CommentReview review;
    private final CommentViews views;
    private final Codebook codebook;
    private final List<CommentPagePart> parts;
    private final AuditLog audit;

    ReviewController(ReactiveMongoTemplate mongo, CommentRepository comments, CommentReview review, CommentViews views, Codebook codebook,
                     List<CommentPagePart> parts, AuditLog audit) {
        this.audit = audit;
        this.mongo = mongo;
        this.comments = comments;
        this.review = review;
        this.views = views;
        this.codebook = codebook;
        this.parts = List.copyOf(parts);
    }

    @GetMapping("/staff/comments")
    Mono<Rendering> list(@RequestParam(defaultValue = "to-review") String show, @RequestParam(defaultValue = "0") int page,
                         Principal officer) {
        Filter filter = Filter.of(show);
        int current = Math.max(0, page);
        Query query = Query.query(filter.criteria);
        return Mono.zip(mongo.find(Query.of(query).with(PageRequest.of(current, PAGE_SIZE, Sort.by("_id"))), Comment.class).collectList(),
                        mongo.count(Query.of(query), Comment.class))
                .flatMap(found -> (found.getT1().isEmpty() ? Mono.<Void>empty()
                        : audit.record(officer, AuditAction.VIEWED, AuditTarget.COMMENTS, filter.id + " page " + (current + 1),
                                found.getT1().size() + " comments")).thenReturn(found))
                .map(found -> {
                    long pages = Math.max(1, (found.getT2() + PAGE_SIZE - 1) / PAGE_SIZE);
                    Map<String, Object> model = new HashMap<>();
                    model.put("title", "Comments");
                    model.put("filters", java.util.Arrays.stream(Filter.values()).map(f -> Map.of("id", f.id, "label", f.label,
                            "current", f == filter)).toList());
                    model.put("filterLabel", filter.label);
                    model.put("rows", views.summaries(found.getT1()));
                    model.put("hasRows", !found.getT1().isEmpty());
                    model.put("total", found.getT2());
                    model.put("pageLabel", "Page " + (current + 1) + " of " + pages);
                    model.put("previousHref", current > 0 ? "/staff/comments?show=" + filter.id + "&page=" + (current - 1) : null);
                    model.put("nextHref", current + 1 < pages ? "/staff/comments?show=" + filter.id + "&page=" + (current + 1) : null);
                    return Rendering.view("staff/comments").model(model).build();
                });
    }

    @GetMapping("/staff/comments/{responseId}/{question}/**")
    Mono<Rendering> nested(ServerWebExchange exchange, Principal officer) {
        return viewed(commentId(exchange), officer);
    }

    @GetMapping("/staff/comments/{responseId}/{question}")
    Mono<Rendering> show(@PathVariable String responseId, @PathVariable String question, Principal officer) {
        return viewed(responseId + "/" + question, officer);
    }

    /** The review page, once its view is in the audit log. */
    private Mono<Rendering> viewed(String id, Principal officer) {
        return page(id, List.of(), null, null, HttpStatus.OK)
                .flatMap(rendering -> audit.record(officer, AuditAction.VIEWED, AuditTarget.COMMENT, id, "review page").thenReturn(rendering));
    }

    @PostMapping({"/staff/comments/{responseId}/{question}", "/staff/comments/{responseId}/{question}/**"})
    Mono<Rendering> save(ServerWebExchange exchange, Principal officer) {
        String id = commentId(exchange);
        return exchange.getFormData().flatMap(form -> {
            String sentiment = form.getFirst("sentiment");
            List<String> themes = form.getOrDefault("themes", List.of());
            return review.review(id, sentiment == null ? "" : sentiment, themes, officer.getName())
                    .flatMap(saved -> audit.note(officer, AuditAction.REVIEWED, AuditTarget.COMMENT, id, reviewDetail(saved))
                            .thenReturn(Pages.seeOther(next(form.getFirst("next")))))
                    .onErrorResume(IllegalArgumentException.class, e -> page(id,
                            List.of(new ErrorSummaryItem("#sentiment", e.getMessage())), sentiment, themes, HttpStatus.BAD_REQUEST));
        });
    }

    private Mono<Rendering> page(String id, List<ErrorSummaryItem> errors, String chosenSentiment, List<String> chosenThemes,
                                 HttpStatus status) {
        return comments.findById(id)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .flatMap(comment -> Flux.fromIterable(parts).concatMap(part -> part.model(comment))
                        .collectList().map(extra -> {
                    Map<String, Object> model = new HashMap<>(views.summary(comment));
                    extra.forEach(model::putAll);
                    model.put("title", "Review a comment");
                    model.put("text", comment.text() == null ? CommentViews.removedText(comment) : comment.text());
                    model.put("action", "/staff/comments/" + comment.id());
                    model.put("rating", CommentViews.sentimentLabel(comment.rating()));
                    model.put("officerTheme", comment.officerTheme() == null ? null : views.themeLabel(comment.officerTheme()));
                    Comment.MachineLabels machine = comment.machine();
                    if (machine != null) {
                        model.put("suggested", Map.of(
                                "sentiment", CommentViews.sentimentLabel(machine.sentiment()),
                                "confidence", Math.round(machine.confidence() * 100),
                                "evidence", machine.sentimentEvidence(),
                                "hasEvidence", !machine.sentimentEvidence().isEmpty(),
                                "themes", machine.themes().stream().map(t -> Map.of("label", views.themeLabel(t.theme()),
                                        "score", Math.round(t.score() * 100), "evidence", String.join(", ", t.evidence()))).toList(),
                                "noThemes", machine.themes().isEmpty()));
                    }
                    String sentiment = chosenSentiment != null ? chosenSentiment
                            : comment.effective() != null ? comment.effective().sentiment() : null;
                    List<String> themes = chosenThemes != null ? chosenThemes
                            : comment.effective() != null ? comment.effective().themes() : List.of();
                    model.put("sentiments", java.util.Arrays.stream(Sentiment.values()).map(s -> Map.of("value", s.value(),
                            "label", s.label(), "checked", s.value().equals(sentiment))).toList());
                    model.put("themeChoices", codebook.themes().stream().map(t -> Map.of("value", t.id(), "label", t.label(),
                            "description", t.description(), "checked", themes.contains(t.id()))).toList());
                    model.put("errorSummary", errors);
                    model.put("hasErrors", !errors.isEmpty());
                    return Rendering.view("staff/comment").model(model).status(status).build();
                }));
    }

    /** For the audit log: accepted or corrected, and the labels chosen (codebook ids, never the text). */
    static String reviewDetail(Comment reviewed) {
        Comment.HumanLabels human = reviewed.human();
        if (human == null) {
            return "reviewed";
        }
        return (human.corrected() ? "corrected" : "accepted") + ": tone " + human.sentiment() + ", themes "
                + (human.themes().isEmpty() ? "none" : String.join(" ", human.themes()));
    }

    /** Comment ids hold slashes ({@code <response>/<question>/<n>}). */
    private static String commentId(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().value().substring("/staff/comments/".length());
    }

    /** Where to go after saving: the list the officer came from. */
    private static String next(String requested) {
        return requested != null && requested.matches("/staff/comments\\?show=[a-z-]+(&page=\\d+)?") ? requested
                : "/staff/comments?show=to-review";
    }
}
