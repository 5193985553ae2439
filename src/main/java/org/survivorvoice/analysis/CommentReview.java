package org.survivorvoice.analysis;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.survivorvoice.analysis.nlp.Sentiment;
import org.survivorvoice.codebook.Codebook;
import reactor.core.publisher.Mono;

/**
 * An officer accepts or corrects what the analysis suggested. The machine's suggestion is kept
 * beside the review; from now on reports use the officer's labels.
 */
@Service
public class CommentReview {

    private final ReactiveMongoTemplate mongo;
    private final java.util.List<CommentLabelsListener> labelsChanged;
    private final CommentRepository comments;
    private final Codebook codebook;
    private final Clock clock;

    CommentReview(ReactiveMongoTemplate mongo, CommentRepository comments, Codebook codebook, Clock clock,
                  java.util.List<CommentLabelsListener> labelsChanged) {
        this.labelsChanged = labelsChanged;
        this.mongo = mongo;
        this.comments = comments;
        this.codebook = codebook;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException (as the Mono's error) for an unknown sentiment or theme
     */
    public Mono<Comment> review(String commentId, String sentiment, List<String> themes, String officer) {
        if (Sentiment.fromValue(sentiment).isEmpty()) {
            return Mono.error(new IllegalArgumentException("Choose the comment's tone"));
        }
        List<String> chosen = codebook.themes().stream().map(t -> t.id()).filter(Set.copyOf(themes)::contains).toList();
        if (chosen.size() != Set.copyOf(themes).size()) {
            return Mono.error(new IllegalArgumentException("Choose themes from the codebook"));
        }
        return comments.findById(commentId)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .flatMap(comment -> {
                    boolean corrected = comment.machine() == null || !comment.machine().sentiment().equals(sentiment)
                            || !Set.copyOf(machineThemes(comment)).equals(Set.copyOf(chosen));
                    Comment.HumanLabels human = new Comment.HumanLabels(sentiment, chosen, officer, Instant.now(clock), corrected);
                    return mongo.findAndModify(Query.query(Criteria.where("_id").is(commentId)),
                            new Update().set("human", human).set("effective", new Comment.Labels(sentiment, chosen, "officer")).set("recount", true),
                            org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), Comment.class);
                })
                .doOnNext(reviewed -> labelsChanged.forEach(listener -> listener.labelsChanged(reviewed.id())));
    }

    static List<String> machineThemes(Comment comment) {
        return comment.machine() == null ? List.of() : comment.machine().themes().stream().map(Comment.ThemeEvidence::theme).toList();
    }
}
