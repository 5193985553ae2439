package org.survivorvoice.analysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.survivorvoice.analysis.nlp.Analysis;
import org.survivorvoice.analysis.nlp.NotAnalysableException;
import org.survivorvoice.encryption.FreeTextEncryption;
import org.survivorvoice.encryption.FreeTextFields;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Analyses pending comments on a bounded pool of its own (one thread per processor by default),
 * never on the event loop. A comment is claimed atomically with a lease (so several instances of
 * the service never analyse the same comment, and a crashed instance's comments are taken over
 * when its lease runs out); only as many comments are claimed as there are free threads. A failed
 * attempt is retried later, up to {@code maxAttempts}; then the comment is marked failed with the
 * reason, and the queue goes on.
 */
@Component
class AnalysisWorker implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AnalysisWorker.class);
    /** No single comment may hold a thread longer than this. */
    static final Duration ANALYSIS_TIMEOUT = Duration.ofMinutes(1);

    private final ReactiveMongoTemplate mongo;
    private final AnalysisEngine engine;
    private final AnalysisProperties properties;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private final Semaphore slots;
    private final ExecutorService threads;
    private final Scheduler scheduler;
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private final ModelStore store;
    private volatile Disposable loop;

    private final java.util.List<CommentLabelsListener> labelsChanged;
    private final FreeTextEncryption encryption;

    AnalysisWorker(ReactiveMongoTemplate mongo, ModelStore store, AnalysisEngine engine, AnalysisProperties properties, Clock clock,
                   java.util.List<CommentLabelsListener> labelsChanged, FreeTextEncryption encryption) {
        this.labelsChanged = labelsChanged;
        this.encryption = encryption;
        this.mongo = mongo;
        this.store = store;
        this.engine = engine;
        this.properties = properties;
        this.clock = clock;
        int workers = properties.workerCount();
        this.slots = new Semaphore(workers);
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "analysis-" + number.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1); // requests come first
            return thread;
        });
        this.scheduler = Schedulers.fromExecutorService(threads, "analysis");
    }

    /** Looks for work now (a response was just stored). */
    void wake() {
        wakeUps.tryEmitNext(Boolean.TRUE);
    }

    @Override
    public void start() {
        loop = Flux.merge(Flux.interval(Duration.ZERO, properties.poll()).map(tick -> Boolean.TRUE), wakeUps.asFlux())
                .onBackpressureDrop()
                .concatMap(tick -> fill().onErrorResume(e -> {
                    log.warn("Analysis queue unavailable for now: {}", e.getClass().getSimpleName());
                    return Mono.empty();
                }), 1)
                .subscribe();
        engine.onReady(this::wake);
    }

    /**
     * Stops claiming comments; those being analysed finish. The threads stay for a later
     * {@link #start()}: a context can be stopped and started again (Spring's test framework pauses
     * an application that is not in use), and only closing it ends them ({@link #destroy()}).
     */
    @Override
    public void stop() {
        if (loop != null) {
            loop.dispose();
        }
    }

    @Override
    public void destroy() {
        stop();
        threads.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }

    /** Claims comments while threads are free; each is analysed on its own, freeing its thread when done. */
    private Mono<Void> fill() {
        if (!engine.isReady()) {
            return Mono.empty();
        }
        return Mono.defer(() -> {
            if (!slots.tryAcquire()) {
                return Mono.empty();
            }
            return claim()
                    .switchIfEmpty(Mono.fromRunnable(slots::release))
                    .flatMap(claimed -> {
                        process(claimed.comment(), claimed.generation()).doFinally(signal -> {
                            slots.release();
                            wake();
                        }).subscribe();
                        return fill();
                    });
        });
    }

    /** A comment this instance holds, and the analysis run it was claimed in. */
    private record Claimed(Comment comment, int generation) {
    }

    /** The next comment due: pending (and not waiting for a retry), or running under a lease that ran out. */
    private Mono<Claimed> claim() {
        Instant now = Instant.now(clock);
        return store.state().flatMap(state -> {
            Criteria due = new Criteria().orOperator(
                    Criteria.where("status").is(CommentStatus.PENDING).orOperator(
                            Criteria.where("notBefore").exists(false), Criteria.where("notBefore").lte(now)),
                    Criteria.where("status").is(CommentStatus.RUNNING).and("leaseUntil").lt(now));
            return mongo.findAndModify(Query.query(due).with(Sort.by("_id")),
                    new Update().set("status", CommentStatus.RUNNING).set("leaseUntil", now.plus(properties.lease()))
                            .set("leaseOwner", instance).inc("attempts", 1),
                    FindAndModifyOptions.options().returnNew(true), Comment.class)
                    .map(comment -> new Claimed(comment, state.generation()));
        });
    }

    private Mono<Void> process(Comment comment, int generation) {
        String model = engine.activeModelId();
        return Mono.fromCallable(() -> engine.analyser().analyse(comment.text(), comment.agency()))
                .subscribeOn(scheduler)
                .timeout(ANALYSIS_TIMEOUT)
                .flatMap(analysis -> finish(comment, done(comment, analysis, model, generation))
                        .then(Mono.<Void>fromRunnable(() -> labelsChanged.forEach(listener -> listener.labelsChanged(comment.id())))))
                .onErrorResume(NotAnalysableException.class,
                        e -> finish(comment, closed(CommentStatus.NOT_ANALYSABLE, e.getMessage(), generation)))
                .onErrorResume(e -> finish(comment, failed(comment, e, generation)))
                .onErrorResume(e -> {
                    log.warn("Could not record the analysis of a comment: {}", e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    private Update done(Comment comment, Analysis analysis, String model, int generation) {
        Comment.MachineLabels machine = new Comment.MachineLabels(analysis.sentiment().value(), analysis.confidence(),
                analysis.sentimentEvidence(),
                analysis.themes().stream().map(t -> new Comment.ThemeEvidence(t.theme(), t.score(), t.evidence())).toList(),
                model);
        Update update = closed(CommentStatus.DONE, null, generation).set("machine", sealed(comment, machine));
        if (comment.human() == null) {
            update.set("effective", new Comment.Labels(machine.sentiment(), analysis.themeIds(), "machine")).set("recount", true);
        }
        return update;
    }

    /** The evidence quotes the comment's own words: it is stored encrypted, as the comment's text is. */
    private Object sealed(Comment comment, Comment.MachineLabels machine) {
        if (!encryption.encrypts()) {
            return machine;
        }
        Object stored = mongo.getConverter().convertToMongoType(machine, TypeInformation.of(Comment.MachineLabels.class));
        return encryption.sealForUpdate(FreeTextFields.COMMENTS, comment.id(), "machine", stored);
    }

    private Update failed(Comment comment, Throwable error, int generation) {
        String reason = error instanceof TimeoutException ? "took longer than " + ANALYSIS_TIMEOUT.toSeconds() + " s"
                : error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        if (comment.attempts() >= properties.maxAttempts()) {
            log.warn("Comment {} failed {} times, marked failed: {}", comment.id(), comment.attempts(), reason);
            return closed(CommentStatus.FAILED, reason, generation);
        }
        Duration backoff = Duration.ofSeconds(5L << Math.min(comment.attempts(), 6));
        return new Update().set("status", CommentStatus.PENDING).set("problem", reason)
                .set("notBefore", Instant.now(clock).plus(backoff)).unset("leaseUntil").unset("leaseOwner");
    }

    /** Finished, one way or another: no timestamps stay behind. */
    private Update closed(CommentStatus status, String problem, int generation) {
        Update update = new Update().set("status", status).set("generation", generation)
                .unset("leaseUntil").unset("leaseOwner").unset("notBefore");
        return problem == null ? update.unset("problem") : update.set("problem", problem);
    }

    /** Records the outcome only if this instance still holds the comment (a re-analysis may have reset it meanwhile). */
    private Mono<Void> finish(Comment comment, Update update) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(comment.id()).and("status").is(CommentStatus.RUNNING)
                        .and("leaseOwner").is(instance)), update, Comment.class).then();
    }
}
