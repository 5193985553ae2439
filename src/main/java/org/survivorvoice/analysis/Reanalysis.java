package org.survivorvoice.analysis;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Analysing everything again (after a new model or codebook): a new run number, every comment
 * back to pending. Progress: how many comments the current run has finished.
 */
@Component
public class Reanalysis {

    private final ReactiveMongoTemplate mongo;
    private final ModelStore store;

    Reanalysis(ReactiveMongoTemplate mongo, ModelStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /**
     * Comments whose text the retention job removed keep their labels: they count as done in the
     * new run without being analysed. @return the number of comments due
     */
    public Mono<Long> start() {
        Query withText = Query.query(Criteria.where("redactedOn").exists(false));
        Query redacted = Query.query(Criteria.where("redactedOn").exists(true));
        return mongo.count(new Query(), Comment.class)
                .flatMap(total -> store.nextGeneration(total)
                        .flatMap(generation -> mongo.updateMulti(withText, new Update()
                                        .set("status", CommentStatus.PENDING)
                                        .set("attempts", 0)
                                        .unset("problem").unset("leaseUntil").unset("leaseOwner").unset("notBefore"), Comment.class)
                                .then(mongo.updateMulti(redacted, Update.update("generation", generation), Comment.class)))
                        .thenReturn(total));
    }

    /** @param done comments of the current run that are finished (analysed, not analysable or failed) */
    public record Progress(int run, long total, long done, long pending, long failed) {

        @com.fasterxml.jackson.annotation.JsonProperty("percent")
        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        }
    }

    public Mono<Progress> progress() {
        return store.state().flatMap(state -> Mono.zip(
                        mongo.count(new Query(), Comment.class),
                        mongo.count(Query.query(Criteria.where("generation").gte(state.generation())
                                .and("status").in(CommentStatus.DONE, CommentStatus.NOT_ANALYSABLE, CommentStatus.FAILED)), Comment.class),
                        mongo.count(Query.query(Criteria.where("status").in(CommentStatus.PENDING, CommentStatus.RUNNING)), Comment.class),
                        mongo.count(Query.query(Criteria.where("status").is(CommentStatus.FAILED)), Comment.class))
                .map(counts -> new Progress(state.generation(), counts.getT1(), counts.getT2(), counts.getT3(), counts.getT4())));
    }
}
