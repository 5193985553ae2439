package org.survivorvoice.report;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentLabelsListener;
import org.survivorvoice.response.Response;
import org.survivorvoice.response.ResponseStoredListener;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentVersions;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Keeps the report aggregates up to date as responses arrive and comments are analysed or
 * reviewed, so that a report reads a few hundred counts instead of every response.
 *
 * <p>Every change goes through one queue, one at a time, and so does a {@link AggregateRebuild
 * rebuild}: a rebuild never sees half of an update. Each source records what it has added: a
 * response its {@code aggregated} flag, a comment the labels it was {@code counted} with; so an
 * update applied twice, or after a rebuild that already counted the source, adds nothing. Nobody
 * waits for the queue: a submission returns at once, and whatever a crash leaves uncounted is
 * found by the sweep after start-up and every few minutes.
 */
@Component
public class Aggregates implements ResponseStoredListener, CommentLabelsListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Aggregates.class);
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(5);

    private final ReactiveMongoTemplate mongo;
    private final InstrumentVersions versions;
    private final AggregateStore store;
    private final Sinks.Many<Task> tasks = Sinks.many().unicast().onBackpressureBuffer();
    private final AtomicInteger queued = new AtomicInteger();
    private final Disposable worker;
    private volatile Disposable sweeps;
    private volatile Long epoch;

    Aggregates(ReactiveMongoTemplate mongo, InstrumentVersions versions, AggregateStore store) {
        this.mongo = mongo;
        this.versions = versions;
        this.store = store;
        this.worker = tasks.asFlux()
                .concatMap(task -> task.work().get()
                        .doOnError(e -> log.warn("Report aggregates: {} failed ({}); the sweep or a rebuild will correct it",
                                task.name(), e.toString()))
                        .doOnSuccess(done -> task.done().tryEmitEmpty())
                        .doOnError(e -> task.done().tryEmitError(e))
                        .onErrorResume(e -> Mono.empty())
                        .doFinally(signal -> queued.decrementAndGet()))
                .subscribe();
    }

    /** A unit of work on the aggregates, and the signal that it is finished. */
    record Task(String name, Supplier<Mono<Void>> work, Sinks.Empty<Void> done) {
    }

    /** Queues work; the returned Mono completes when it is done (nobody has to wait for it). */
    Mono<Void> submit(String name, Supplier<Mono<Void>> work) {
        Task task = new Task(name, work, Sinks.empty());
        queued.incrementAndGet();
        Sinks.EmitResult result = tasks.tryEmitNext(task);
        while (result == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
            Thread.onSpinWait();
            result = tasks.tryEmitNext(task);
        }
        if (result.isFailure()) {
            queued.decrementAndGet();
            return Mono.error(new IllegalStateException("the aggregates queue is closed (" + result + ")"));
        }
        return task.done().asMono();
    }

    /** How many updates are waiting (reports say so when it is not zero). */
    public int backlog() {
        return queued.get();
    }

    /** Completes once everything queued before it is done. */
    public Mono<Void> settled() {
        return submit("settle", Mono::empty);
    }

    @Override
    public Mono<Void> stored(Response response, Instrument instrument) {
        submit("count response", () -> countResponse(response.id())).subscribe(null, e -> { });
        return Mono.empty();
    }

    @Override
    public void labelsChanged(String commentId) {
        submit("recount comment", () -> recountComment(commentId)).subscribe(null, e -> { });
    }

    /** Counts a response once: only the call that flips its {@code aggregated} flag adds it. */
    private Mono<Void> countResponse(String responseId) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(responseId).and("aggregated").ne(true)),
                        Update.update("aggregated", true), FindAndModifyOptions.options().returnNew(false), Response.class)
                .flatMap(response -> versions.find(response.instrumentId(), response.instrumentVersion())
                        .flatMap(instrument -> add(Tallies.of(response, instrument))));
    }

    /**
     * Takes a response and its comments out of the aggregates, subtracting exactly what was added
     * for them (the response if its {@code aggregated} flag is set, each comment by the labels it
     * was {@code counted} with), then runs {@code removal} (which deletes them), all as one task on
     * the queue: no count, recount or rebuild interleaves. The flags are cleared as the counts are
     * subtracted, so a task that fails part way can be run again without subtracting twice, and
     * whatever it left counted is still found by the sweep or a rebuild.
     *
     * @return completes when the task is done; fails if it failed
     */
    public Mono<Void> withdraw(String responseId, Supplier<Mono<Void>> removal) {
        return submit("withdraw response", () -> uncountResponse(responseId)
                .then(uncountComments(responseId))
                .then(Mono.defer(removal)));
    }

    private Mono<Void> uncountResponse(String responseId) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(responseId).and("aggregated").is(true)),
                        Update.update("aggregated", false), FindAndModifyOptions.options().returnNew(false), Response.class)
                .flatMap(response -> versions.find(response.instrumentId(), response.instrumentVersion())
                        .switchIfEmpty(Mono.error(new IllegalStateException("no definition of " + response.instrumentId()
                                + " version " + response.instrumentVersion())))
                        .flatMap(instrument -> add(Tallies.negated(Tallies.of(response, instrument)))));
    }

    private Mono<Void> uncountComments(String responseId) {
        Query counted = Query.query(Criteria.where("responseId").is(responseId).and("counted").ne(null));
        counted.fields().include("_id");
        return mongo.find(counted, org.bson.Document.class, "comments")
                .map(document -> document.getString("_id"))
                .concatMap(id -> mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("counted").ne(null)),
                                new Update().unset("counted").set("recount", true), FindAndModifyOptions.options().returnNew(false),
                                Comment.class)
                        .flatMap(comment -> add(Tallies.negated(Tallies.of(comment, comment.counted())))))
                .then();
    }

    /** Adds the difference between a comment's labels now and the labels it was counted with. */
    private Mono<Void> recountComment(String commentId) {
        return mongo.findById(commentId, Comment.class)
                .flatMap(comment -> add(Tallies.difference(Tallies.of(comment, comment.effective()), Tallies.of(comment, comment.counted())))
                        .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(commentId)),
                                new Update().set("counted", comment.effective()).set("recount", false), Comment.class))
                        .then());
    }

    private Mono<Void> add(Map<CountKey, Long> deltas) {
        return currentEpoch().flatMap(current -> store.add(current, deltas));
    }

    Mono<Long> currentEpoch() {
        Long known = epoch;
        return known != null ? Mono.just(known) : store.epoch().doOnNext(loaded -> epoch = loaded);
    }

    /** Only from a task on the queue (the rebuild). */
    void epochSwitched(long current) {
        epoch = current;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepRegularly() {
        sweeps = store.createIndexes()
                .thenMany(Flux.interval(Duration.ZERO, SWEEP_INTERVAL))
                .concatMap(tick -> sweep().onErrorResume(e -> {
                    log.warn("Could not look for uncounted responses and comments: {}", e.toString());
                    return Mono.just(0L);
                }))
                .subscribe();
    }

    /**
     * Queues responses and comments whose counting was missed (a crash, a failed update), at most
     * {@value #SWEEP_LIMIT} of each at a time, and only when the queue is empty, so that a large
     * backlog is worked through sweep by sweep and never queued twice. @return how many were queued
     */
    Mono<Long> sweep() {
        if (backlog() > 0) {
            return Mono.just(0L);
        }
        Flux<String> responses = mongo.find(idsOnly(Query.query(Criteria.where("aggregated").ne(true))), org.bson.Document.class, "responses")
                .map(document -> document.getString("_id"))
                .doOnNext(id -> submit("count response", () -> countResponse(id)).subscribe(null, e -> { }));
        Flux<String> comments = mongo.find(idsOnly(Query.query(Criteria.where("recount").is(true))), org.bson.Document.class, "comments")
                .map(document -> document.getString("_id"))
                .doOnNext(id -> submit("recount comment", () -> recountComment(id)).subscribe(null, e -> { }));
        return Flux.concat(responses, comments).count()
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Report aggregates: counting {} response(s) or comment(s) that were missed", count);
                    }
                });
    }

    static final int SWEEP_LIMIT = 10_000;

    private static Query idsOnly(Query query) {
        query.fields().include("_id");
        return query.limit(SWEEP_LIMIT);
    }

    @Override
    public void destroy() {
        if (sweeps != null) {
            sweeps.dispose();
        }
        tasks.tryEmitComplete();
        worker.dispose();
    }
}
