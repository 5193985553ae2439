package org.survivorvoice.report;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.response.Response;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentVersions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rebuilds the report aggregates from the raw responses and comments, for an administrator who
 * doubts them (after a restore, a crash, a change of how things are counted).
 *
 * <p>It runs as one task on the {@link Aggregates} queue, so no update interleaves with it. It
 * first marks every existing response as counted and then reads only marked ones: a response
 * stored meanwhile is not marked, and its own queued update counts it once the rebuild is done.
 * Comments are recorded with the labels they were counted with, so a later recount adds only what
 * changed. The new counts are written as a new generation and switched to in one step.
 */
@Component
public class AggregateRebuild {

    private static final Logger log = LoggerFactory.getLogger(AggregateRebuild.class);
    private static final int BATCH = 1000;

    private final ReactiveMongoTemplate mongo;
    private final MongoConverter converter;
    private final InstrumentVersions versions;
    private final AggregateStore store;
    private final Aggregates aggregates;
    private final Clock clock;
    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.IDLE);

    AggregateRebuild(ReactiveMongoTemplate mongo, InstrumentVersions versions, AggregateStore store, Aggregates aggregates, Clock clock) {
        this.mongo = mongo;
        this.converter = mongo.getConverter();
        this.versions = versions;
        this.store = store;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    /**
     * @param running  whether a rebuild is under way
     * @param total    responses and comments to read
     * @param done     read so far
     * @param seconds  how long the last (or current) rebuild took
     * @param problem  why the last rebuild failed, if it did
     */
    public record Progress(boolean running, long total, long done, Instant finishedAt, double seconds, String problem) {

        static final Progress IDLE = new Progress(false, 0, 0, null, 0, null);

        @com.fasterxml.jackson.annotation.JsonProperty("percent")
        public int percent() {
            return total == 0 ? (running ? 0 : 100) : (int) Math.min(100, done * 100 / total);
        }
    }

    public Progress progress() {
        return progress.get();
    }

    /**
     * Starts a rebuild. @return a Mono that completes when the rebuild is finished
     * @throws IllegalStateException at once (not through the Mono) when a rebuild is already running
     */
    public synchronized Mono<Void> start() {
        if (progress.get().running()) {
            throw new IllegalStateException("A rebuild is already running");
        }
        progress.set(new Progress(true, 0, 0, null, 0, null));
        return aggregates.submit("rebuild", this::rebuild);
    }

    private Mono<Void> rebuild() {
        long started = System.nanoTime();
        AtomicLong read = new AtomicLong();
        Map<CountKey, Long> counts = new HashMap<>();
        Map<String, Mono<Instrument>> instruments = new ConcurrentHashMap<>();
        return Mono.zip(mongo.count(new Query(), Response.class), mongo.count(new Query(), Comment.class))
                .doOnNext(totals -> progress.set(new Progress(true, totals.getT1() + totals.getT2(), 0, null, 0, null)))
                .then(mongo.updateMulti(Query.query(Criteria.where("aggregated").ne(true)), Update.update("aggregated", true), Response.class))
                .thenMany(mongo.find(Query.query(Criteria.where("aggregated").is(true)), Response.class))
                .concatMap(response -> instruments.computeIfAbsent(response.instrumentId() + "@" + response.instrumentVersion(),
                                key -> versions.find(response.instrumentId(), response.instrumentVersion()).cache())
                        .doOnNext(instrument -> Tallies.addAll(counts, Tallies.of(response, instrument)))
                        .doFinally(signal -> advance(read)), 256)
                .thenMany(mongo.find(withoutText(), Document.class, "comments"))
                .map(document -> converter.read(Comment.class, document))
                .doOnNext(comment -> {
                    Tallies.addAll(counts, Tallies.of(comment, comment.effective()));
                    advance(read);
                })
                .filter(comment -> Boolean.TRUE.equals(comment.recount()) || !Objects.equals(comment.counted(), comment.effective()))
                .buffer(BATCH)
                .concatMap(this::recordCounted)
                .then(Mono.defer(() -> aggregates.currentEpoch()))
                .flatMap(current -> store.insert(current + 1, counts)
                        .then(store.switchTo(current + 1))
                        .doOnSuccess(done -> aggregates.epochSwitched(current + 1))
                        .then(store.removeAllBut(current + 1)))
                .doOnSuccess(done -> {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    Progress last = progress.get();
                    progress.set(new Progress(false, last.total(), last.done(), Instant.now(clock), seconds, null));
                    log.info("Report aggregates rebuilt from {} responses and comments in {} s ({} counts)",
                            last.done(), String.format(java.util.Locale.ROOT, "%.1f", seconds), counts.size());
                })
                .doOnError(e -> {
                    Progress last = progress.get();
                    progress.set(new Progress(false, last.total(), last.done(), Instant.now(clock),
                            (System.nanoTime() - started) / 1e9, e.getClass().getSimpleName()));
                });
    }

    private void advance(AtomicLong read) {
        long done = read.incrementAndGet();
        if (done % 500 == 0) {
            Progress last = progress.get();
            progress.set(new Progress(true, last.total(), done, null, 0, null));
        }
    }

    /**
     * Comments as the counting needs them: their text can be 5,000 characters and is not counted, nor is
     * the analysis's evidence (stored encrypted, as the text is, and read here without decryption).
     */
    private static Query withoutText() {
        Query query = new Query();
        query.fields().exclude("text").exclude("machine");
        return query;
    }

    /** Records, for comments whose counting was out of date, the labels this rebuild counted. */
    private Mono<Void> recordCounted(List<Comment> comments) {
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Comment.class);
        comments.forEach(comment -> bulk.updateOne(Query.query(Criteria.where("_id").is(comment.id())),
                new Update().set("counted", comment.effective()).set("recount", false)));
        return bulk.execute().then();
    }
}
