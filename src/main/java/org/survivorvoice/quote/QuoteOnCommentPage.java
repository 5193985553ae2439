package org.survivorvoice.quote;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentPagePart;
import reactor.core.publisher.Mono;

/** The "Use as a quote" part of the comment review page: the quote approved from the comment, or a link to write one. */
@Component
class QuoteOnCommentPage implements CommentPagePart {

    private final QuoteService quotes;
    private final QuoteViews views;

    QuoteOnCommentPage(QuoteService quotes, QuoteViews views) {
        this.quotes = quotes;
        this.views = views;
    }

    @Override
    public Mono<Map<String, Object>> model(Comment comment) {
        return quotes.forComment(comment.id()).map(views::view).map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(current -> {
                    Map<String, Object> part = new HashMap<>();
                    part.put("quotable", QuoteRules.quotable(comment) && !comment.isRedacted());
                    part.put("redacted", comment.isRedacted());
                    part.put("formHref", QuoteViews.formHref(comment.id()));
                    current.ifPresent(view -> part.put("current", view));
                    return Map.of("quote", part);
                });
    }
}
