package org.survivorvoice.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentStatus;
import org.survivorvoice.audit.Actor;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.quote.Quote;
import org.survivorvoice.quote.QuoteStatus;
import org.survivorvoice.response.Response;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.survey.InstrumentVersions;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.QuestionType;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The retention job: removes the raw free text of records whose day is older than
 * {@code sv.retention.free-text}, in batches, on its schedule (daily by default).
 *
 * <ul>
 * <li><b>Records:</b> the answers to free-text questions (text and text-list: comments, participants'
 * quotes, officer's notes) are removed; the record keeps which questions had one ({@link Response.Redaction}), so reports
 * count them as before.</li>
 * <li><b>Comments</b> from them lose their text and the analysis evidence that quotes it; they keep
 * their labels (tone and themes, the machine's and the officer's), so theme and tone counts do not
 * change. They are never analysed or quoted again.</li>
 * <li><b>Quotes:</b> an approved quote stays. It is the anonymised version an officer approved for
 * publication, and reports of the period still show it. A withdrawn quote is deleted.</li>
 * <li><b>Focus group findings</b> stay: they are the officer's own summary, and the focus group
 * report is made of them.</li>
 * <li><b>Drafts</b> not touched since before the cut-off lose their free-text answers.</li>
 * </ul>
 * A record whose comments are still waiting for analysis is left for the next run, so that no
 * comment loses its text before it has labels. Each run is one entry in the audit log (actor
 * {@code system}, or the administrator who started it).
 */
@Component
public class Retention implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    static final String REDACTED_PROBLEM = "its text was removed after the retention period";

    private final ReactiveMongoTemplate mongo;
    private final InstrumentVersions versions;
    private final InstrumentCatalogue catalogue;
    private final AuditLog audit;
    private final RetentionProperties properties;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Disposable schedule;

    Retention(ReactiveMongoTemplate mongo, InstrumentVersions versions, InstrumentCatalogue catalogue, AuditLog audit,
              RetentionProperties properties, Clock clock) {
        this.mongo = mongo;
        this.versions = versions;
        this.catalogue = catalogue;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What one run removed.
     *
     * @param cutoff   records of an earlier day were redacted
     * @param records  records whose free text was removed (or that had none), now marked done
     * @param comments comments whose text was removed
     * @param drafts   drafts whose free text was removed
     * @param quotes   withdrawn quotes deleted
     * @param waiting  records left for the next run because comments of theirs were still being analysed
     */
    public record Run(LocalDate cutoff, long records, long comments, long drafts, long quotes, long waiting) {

        static Run none(LocalDate cutoff) {
            return new Run(cutoff, 0, 0, 0, 0, 0);
        }

        Run plus(Run other) {
            return new Run(cutoff, records + other.records, comments + other.comments, drafts + other.drafts,
                    quotes + other.quotes, waiting + other.waiting);
        }

        /** For the audit log: counts only. */
        public String detail() {
            return "free text of days before " + cutoff + ": " + plural(records, "record") + ", " + plural(comments, "comment") + ", "
                    + plural(drafts, "draft") + ", " + plural(quotes, "withdrawn quote") + " deleted, "
                    + plural(waiting, "record") + " waiting for analysis";
        }

        private static String plural(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }

    public RetentionProperties settings() {
        return properties;
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Records of a day before this have their free text removed by the next run. */
    public LocalDate cutoff() {
        return properties.cutoff(LocalDate.now(clock));
    }

    /** A run with the configured period. @throws IllegalStateException (as the Mono's error) if retention is off or a run is under way */
    public Mono<Run> run(Actor actor) {
        if (!properties.enabled()) {
            return Mono.error(new IllegalStateException("Retention is switched off (sv.retention.enabled)"));
        }
        return redactBefore(cutoff(), actor);
    }

    /**
     * Removes the free text of everything dated before {@code cutoff}.
     *
     * @throws IllegalStateException (as the Mono's error) if a run is under way
     */
    public Mono<Run> redactBefore(LocalDate cutoff, Actor actor) {
        return Mono.defer(() -> {
            if (!running.compareAndSet(false, true)) {
                return Mono.error(new IllegalStateException("A retention run is already under way"));
            }
            String today = LocalDate.now(clock).toString();
            return records(cutoff.toString(), today, Run.none(cutoff))
                    .flatMap(run -> drafts(cutoff, today, run))
                    .flatMap(run -> audit.note(actor, AuditAction.REDACTED, AuditTarget.RETENTION, "before " + cutoff, run.detail())
                            .thenReturn(run))
                    .doOnNext(run -> log.info("Retention: {}", run.detail()))
                    .doOnError(e -> log.error("Retention run failed: {}", e.toString()))
                    .doFinally(signal -> running.set(false));
        });
    }

    /** A batch done: the last id read (null when there was nothing left) and what it removed. */
    private record Batch(String lastId, Run run) {
    }

    /** Every record due, a batch at a time, each batch after the last id of the one before. */
    private Mono<Run> records(String cutoff, String today, Run start) {
        return recordBatch(cutoff, today, null)
                .expand(batch -> batch.lastId() == null ? Mono.empty() : recordBatch(cutoff, today, batch.lastId()))
                .map(Batch::run)
                .reduce(start, Run::plus);
    }

    private Mono<Batch> recordBatch(String cutoff, String today, String afterId) {
        Criteria due = Criteria.where("day").lt(cutoff).and("redaction").exists(false);
        if (afterId != null) {
            due = due.and("_id").gt(afterId);
        }
        return mongo.find(Query.query(due).with(Sort.by("_id")).limit(properties.batchSize()), Response.class)
                .concatMap(response -> redact(response, today))
                .collectList()
                .map(outcomes -> outcomes.isEmpty() ? new Batch(null, Run.none(null))
                        : new Batch(outcomes.get(outcomes.size() - 1).responseId(),
                                outcomes.stream().map(Outcome::run).reduce(Run.none(null), Run::plus)));
    }

    private record Outcome(String responseId, Run run) {
    }

    private Mono<Outcome> redact(Response response, String today) {
        return versions.find(response.instrumentId(), response.instrumentVersion())
                .flatMap(instrument -> mongo.find(Query.query(Criteria.where("responseId").is(response.id())), Comment.class).collectList()
                        .flatMap(comments -> {
                            if (comments.stream().anyMatch(c -> c.status() == CommentStatus.PENDING || c.status() == CommentStatus.RUNNING)) {
                                return Mono.just(new Outcome(response.id(), new Run(null, 0, 0, 0, 0, 1)));
                            }
                            List<Comment> toRedact = comments.stream().filter(c -> !"finding".equals(c.kind()) && !c.isRedacted()).toList();
                            return redactComments(toRedact, today)
                                    .then(mongo.remove(Query.query(Criteria.where("responseId").is(response.id())
                                            .and("status").is(QuoteStatus.WITHDRAWN)), Quote.class))
                                    .flatMap(quotes -> redactAnswers(response, instrument, today)
                                            .thenReturn(new Outcome(response.id(),
                                                    new Run(null, 1, toRedact.size(), 0, quotes.getDeletedCount(), 0))));
                        }))
                .switchIfEmpty(Mono.fromSupplier(() -> {
                    log.warn("Retention: no definition of {} version {}, so response {} was left as it is",
                            response.instrumentId(), response.instrumentVersion(), response.id());
                    return new Outcome(response.id(), Run.none(null));
                }));
    }

    private Mono<Void> redactComments(List<Comment> comments, String today) {
        if (comments.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Comment.class);
        comments.forEach(comment -> {
            Update update = new Update().unset("text").set("redactedOn", today);
            if (comment.machine() != null) {
                Comment.MachineLabels machine = comment.machine();
                update.set("machine", new Comment.MachineLabels(machine.sentiment(), machine.confidence(), List.of(),
                        machine.themes() == null ? List.of() : machine.themes().stream()
                                .map(theme -> new Comment.ThemeEvidence(theme.theme(), theme.score(), List.of())).toList(),
                        machine.model()));
            }
            if (comment.status() == CommentStatus.FAILED) {
                update.set("status", CommentStatus.NOT_ANALYSABLE).set("problem", REDACTED_PROBLEM);
            }
            bulk.updateOne(Query.query(Criteria.where("_id").is(comment.id())), update);
        });
        return bulk.execute().then();
    }

    /** Removes the free-text answers and records which questions had one. */
    private Mono<Void> redactAnswers(Response response, Instrument instrument, String today) {
        List<String> answered = freeText(instrument).stream().filter(id -> response.answers().get(id) != null).toList();
        Update update = new Update().set("redaction", new Response.Redaction(today, answered));
        answered.forEach(id -> update.unset("answers." + id));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(response.id())), update, Response.class).then();
    }

    /** Survivors' own words: text and text-list answers (not the officer's key-theme findings). */
    static List<String> freeText(Instrument instrument) {
        return instrument.questions().stream()
                .filter(q -> q.type() == QuestionType.TEXT || q.type() == QuestionType.TEXT_LIST)
                .map(Question::id).toList();
    }

    /** Drafts not saved since before the cut-off, a batch at a time. */
    private Mono<Run> drafts(LocalDate cutoff, String today, Run start) {
        return draftBatch(cutoff, today, null)
                .expand(batch -> batch.lastId() == null ? Mono.empty() : draftBatch(cutoff, today, batch.lastId()))
                .map(Batch::run)
                .reduce(start, Run::plus);
    }

    private Mono<Batch> draftBatch(LocalDate cutoff, String today, String afterId) {
        Criteria due = Criteria.where("updatedAt").lt(cutoff.atStartOfDay(clock.getZone()).toInstant()).and("redactedOn").exists(false);
        if (afterId != null) {
            due = due.and("_id").gt(afterId);
        }
        Query query = Query.query(due).with(Sort.by("_id")).limit(properties.batchSize());
        query.fields().include("_id").include("instrumentId");
        return mongo.find(query, Document.class, "drafts")
                .concatMap(draft -> {
                    Update update = new Update().set("redactedOn", today);
                    catalogue.find(draft.getString("instrumentId")).map(Retention::freeText).orElse(List.of())
                            .forEach(id -> update.unset("answers." + id));
                    return mongo.updateFirst(Query.query(Criteria.where("_id").is(draft.get("_id"))), update, "drafts")
                            .thenReturn(String.valueOf(draft.get("_id")));
                })
                .collectList()
                .map(ids -> ids.isEmpty() ? new Batch(null, Run.none(null))
                        : new Batch(ids.get(ids.size() - 1), new Run(null, 0, 0, ids.size(), 0, 0)));
    }

    /** Finds old records quickly on a real MongoDB: those not yet redacted, by day. */
    @Override
    public void afterSingletonsInstantiated() {
        Flux.concat(
                        mongo.indexOps(Response.class).createIndex(new Index().on("redaction", Sort.Direction.ASC)
                                .on("day", Sort.Direction.ASC).named("retention")),
                        mongo.indexOps(Comment.class).createIndex(new Index().on("responseId", Sort.Direction.ASC).named("by_response")))
                .then().block(Duration.ofSeconds(30));
    }

    @EventListener(ApplicationReadyEvent.class)
    void startSchedule() {
        if (!properties.scheduled()) {
            log.info("Retention: free text is kept {} after its day; no scheduled runs (sv.retention.{})",
                    properties.freeTextText(), properties.enabled() ? "schedule is -" : "enabled is false");
            return;
        }
        CronExpression cron = CronExpression.parse(properties.schedule());
        schedule = Mono.defer(() -> Mono.delay(untilNext(cron)))
                .then(Mono.defer(() -> run(Actor.SYSTEM)
                        .onErrorResume(e -> {
                            log.warn("Retention run did not happen: {}", e.getMessage());
                            return Mono.empty();
                        })))
                .repeat()
                .subscribe();
    }

    private Duration untilNext(CronExpression cron) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = cron.next(now);
        return next == null ? Duration.ofDays(365) : Duration.between(now, next);
    }

    @Override
    public void destroy() {
        if (schedule != null) {
            schedule.dispose();
        }
    }
}
