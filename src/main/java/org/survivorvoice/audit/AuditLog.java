package org.survivorvoice.audit;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The audit log ({@code audit_log}): who viewed, exported, edited, approved, imported or erased
 * what, and when. Administrators read it at {@code /admin/audit} and {@code GET /api/v1/audit}.
 *
 * <p>Two ways to write an entry, by what a lost entry would mean:
 * <ul>
 * <li>{@link #record} before a disclosure (a page or download showing records, comments or
 * reports) or an erasure: if the entry cannot be written, the Mono fails with
 * {@link AuditUnavailableException} (503) and the action does not happen. Nothing is shown or
 * erased unrecorded.</li>
 * <li>{@link #note} after a change that has already been made (a review, an approval, an import,
 * an account change, a retention run, a sign-in): the change stands, and if the entry cannot be
 * written it goes to the application log at ERROR instead, with the same fields, so it is never
 * lost silently.</li>
 * </ul>
 * Writing an entry is one insert, never on a blocking thread.
 */
@Service
public class AuditLog implements SmartInitializingSingleton {

    public static final String COLLECTION = "audit_log";
    static final int MAX_TARGET = 200;
    static final int MAX_DETAIL = 300;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    AuditLog(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Newest first, overall and filtered by actor or action. */
    @Override
    public void afterSingletonsInstantiated() {
        var indexes = mongo.indexOps(COLLECTION);
        Flux.concat(
                        indexes.createIndex(new Index().on("at", Sort.Direction.DESC).on("_id", Sort.Direction.DESC).named("newest")),
                        indexes.createIndex(new Index().on("actor", Sort.Direction.ASC).on("at", Sort.Direction.DESC).named("by_actor")),
                        indexes.createIndex(new Index().on("action", Sort.Direction.ASC).on("at", Sort.Direction.DESC).named("by_action")))
                .then().block(Duration.ofSeconds(30));
    }

    /**
     * Writes the entry before the action it records: the Mono fails with {@link AuditUnavailableException}
     * if it cannot be written, and the caller must then not do the action.
     */
    public Mono<Void> record(Actor actor, AuditAction action, AuditTarget kind, String target, String detail) {
        AuditEntry entry = entry(actor, action, kind, target, detail);
        return mongo.insert(entry, COLLECTION).then()
                .onErrorMap(e -> !(e instanceof AuditUnavailableException), e -> {
                    log.error("Audit entry could not be stored, so the action was refused: {} ({})", describe(entry), e.toString());
                    return new AuditUnavailableException(e);
                });
    }

    public Mono<Void> record(Principal principal, AuditAction action, AuditTarget kind, String target, String detail) {
        return record(Actor.of(principal), action, kind, target, detail);
    }

    /**
     * Writes the entry of a change already made. Never fails: an entry that cannot be stored is
     * written to the application log at ERROR instead.
     */
    public Mono<Void> note(Actor actor, AuditAction action, AuditTarget kind, String target, String detail) {
        AuditEntry entry = entry(actor, action, kind, target, detail);
        return mongo.insert(entry, COLLECTION).then()
                .onErrorResume(e -> {
                    log.error("Audit entry could not be stored: {} ({})", describe(entry), e.toString());
                    return Mono.empty();
                });
    }

    public Mono<Void> note(Principal principal, AuditAction action, AuditTarget kind, String target, String detail) {
        return note(Actor.of(principal), action, kind, target, detail);
    }

    /** One page of entries, newest first. */
    public Mono<AuditPage> find(AuditQuery query) {
        Criteria criteria = new Criteria();
        if (query.actor() != null) {
            criteria = criteria.and("actor").is(query.actor());
        }
        if (query.action() != null) {
            criteria = criteria.and("action").is(query.action());
        }
        Query find = Query.query(criteria).with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")))
                .skip((long) query.page() * query.size()).limit(query.size());
        return Mono.zip(mongo.find(find, AuditEntry.class, COLLECTION).collectList(),
                        mongo.count(Query.query(criteria), AuditEntry.class, COLLECTION))
                .map(found -> new AuditPage(found.getT1(), query.page(), query.size(), found.getT2()));
    }

    /** The newest entry of this action on this kind of thing (the last retention run). */
    public Mono<AuditEntry> latest(AuditAction action, AuditTarget kind) {
        return mongo.findOne(Query.query(Criteria.where("action").is(action).and("targetKind").is(kind))
                .with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id"))).limit(1), AuditEntry.class, COLLECTION);
    }

    /** @param total entries matching the filter */
    public record AuditPage(List<AuditEntry> items, int page, int size, long total) {

        public long pages() {
            return Math.max(1, (total + size - 1) / size);
        }
    }

    private AuditEntry entry(Actor actor, AuditAction action, AuditTarget kind, String target, String detail) {
        return new AuditEntry(UUID.randomUUID().toString(), Instant.now(clock), actor.username(), actor.role(), action, kind,
                tidy(target, MAX_TARGET), tidy(detail, MAX_DETAIL));
    }

    private static String tidy(String text, int max) {
        if (text == null) {
            return null;
        }
        String plain = CONTROL.matcher(text).replaceAll(" ").strip();
        return plain.length() > max ? plain.substring(0, max - 1) + "…" : plain;
    }

    private static String describe(AuditEntry entry) {
        return "actor=" + entry.actor() + " role=" + entry.role() + " action=" + entry.action() + " " + entry.targetKind()
                + "=" + entry.target() + (entry.detail() == null ? "" : " detail=" + entry.detail());
    }
}
