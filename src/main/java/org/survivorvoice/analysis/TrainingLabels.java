package org.survivorvoice.analysis;

import java.util.List;

import org.springframework.stereotype.Component;
import org.survivorvoice.analysis.nlp.LabelledComment;
import org.survivorvoice.analysis.nlp.Sentiment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The labels the service collects for free: (a) a client's own rating of the agency a comment is
 * about (a label for its sentiment, counted less, since a comment may say more than a rating);
 * (b) every officer's review (sentiment and themes, counted more). A reviewed comment counts once,
 * by its review.
 */
@Component
class TrainingLabels {

    private final CommentRepository comments;
    private final AnalysisProperties properties;

    TrainingLabels(CommentRepository comments, AnalysisProperties properties) {
        this.comments = comments;
        this.properties = properties;
    }

    Mono<List<LabelledComment>> collect() {
        return comments.findAll()
                .flatMap(comment -> Flux.fromIterable(label(comment)))
                .collectList();
    }

    private List<LabelledComment> label(Comment comment) {
        if (comment.text() == null) {
            return List.of(); // removed by the retention job: nothing left to learn from
        }
        if (comment.human() != null) {
            return List.of(new LabelledComment(comment.id(), comment.agency(), Sentiment.fromValue(comment.human().sentiment()).orElseThrow(),
                    true, java.util.Set.copyOf(comment.human().themes()), comment.text(), properties.correctionWeight()));
        }
        if (comment.rating() != null && Sentiment.fromValue(comment.rating()).isPresent()) {
            return List.of(new LabelledComment(comment.id(), comment.agency(), Sentiment.fromValue(comment.rating()).orElseThrow(),
                    true, null, comment.text(), properties.ratingWeight()));
        }
        return List.of();
    }
}
