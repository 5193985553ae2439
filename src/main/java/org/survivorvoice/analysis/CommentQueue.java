package org.survivorvoice.analysis;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.survivorvoice.response.Response;
import org.survivorvoice.response.ResponseStoredListener;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentVersions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts a stored response's free-text answers in the queue as pending comments (quick: inserts
 * only; the analysis happens later, on the workers). Responses stored while queueing failed, or
 * before a crash, are found and queued after start-up.
 */
@Component
class CommentQueue implements ResponseStoredListener, org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CommentQueue.class);

    private final ReactiveMongoTemplate mongo;
    private final InstrumentVersions versions;
    private final AnalysisWorker worker;

    CommentQueue(ReactiveMongoTemplate mongo, InstrumentVersions versions, AnalysisWorker worker) {
        this.mongo = mongo;
        this.versions = versions;
        this.worker = worker;
    }

    @Override
    public Mono<Void> stored(Response response, Instrument instrument) {
        return Flux.fromIterable(CommentExtractor.comments(response, instrument))
                .concatMap(comment -> mongo.insert(comment).onErrorResume(DuplicateKeyException.class, e -> Mono.empty()))
                .then(Mono.fromRunnable(worker::wake));
    }

    /** After start-up, and every few minutes: responses stored while the queue was unavailable. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void sweepRegularly() {
        sweeps = Flux.interval(java.time.Duration.ZERO, SWEEP_INTERVAL)
                .concatMap(tick -> sweep().onErrorResume(e -> {
                    log.warn("Could not look for unqueued responses: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    static final java.time.Duration SWEEP_INTERVAL = java.time.Duration.ofMinutes(5);
    private volatile reactor.core.Disposable sweeps;

    @Override
    public void destroy() {
        if (sweeps != null) {
            sweeps.dispose();
        }
    }

    /** Queues the comments of every response not yet handed to the analysis. @return how many responses */
    Mono<Long> sweep() {
        return mongo.find(Query.query(Criteria.where("analysisQueued").ne(true)), Response.class)
                .concatMap(response -> versions.find(response.instrumentId(), response.instrumentVersion())
                        .flatMap(instrument -> stored(response, instrument))
                        .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(response.id())),
                                Update.update("analysisQueued", true), Response.class))
                        .thenReturn(1L))
                .reduce(0L, Long::sum)
                .doOnNext(count -> {
                    if (count > 0) {
                        log.info("Queued the comments of {} response(s) stored before the analysis could take them", count);
                    }
                });
    }

}
