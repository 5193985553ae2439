package org.survivorvoice.erasure;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.audit.Actor;
import org.survivorvoice.audit.AuditAction;
import org.survivorvoice.audit.AuditLog;
import org.survivorvoice.audit.AuditTarget;
import org.survivorvoice.quote.Quote;
import org.survivorvoice.report.Aggregates;
import org.survivorvoice.response.Response;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import reactor.core.publisher.Mono;

/**
 * Erases one staff record by its reference (a client asks for her interview to be removed): the
 * record, its comments, the quotes approved from them, a draft left under its id, its id in the
 * import that brought it and in the analysis model's list of training comments. Its counts leave
 * the report aggregates through their queue, exactly as they were added, so a rebuild afterwards
 * gives the same figures.
 *
 * <p>The audit entry (the reference and how much was removed, nothing else) is written first; if it
 * cannot be, nothing is erased. The dependants are removed before the record itself, so an erasure
 * cut short is finished by erasing the same reference again.
 */
@Service
public class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);
    /** {@code SV-} and two groups of four from the references' alphabet (Crockford's base 32). */
    static final Pattern REFERENCE = Pattern.compile("SV-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}");

    private final ReactiveMongoTemplate mongo;
    private final Aggregates aggregates;
    private final AuditLog audit;
    private final InstrumentCatalogue catalogue;

    Erasure(ReactiveMongoTemplate mongo, Aggregates aggregates, AuditLog audit, InstrumentCatalogue catalogue) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.audit = audit;
        this.catalogue = catalogue;
    }

    /**
     * What erasing a record removes.
     *
     * @param what     the instrument's title ("One-to-one feedback interview")
     * @param day      the interview's or the group's date
     * @param comments its free-text answers, findings and focus group quotes
     * @param quotes   quotes approved (or withdrawn) from them
     * @param drafts   drafts under its id (left when a submission was cut short)
     * @param imports  imports that list it
     */
    public record Plan(String reference, String responseId, String what, String day, String recordedBy, long comments, long quotes,
                       long drafts, long imports) {

        /** For the audit log: counts only. */
        String detail() {
            return "record, " + plural(comments, "comment") + ", " + plural(quotes, "quote") + ", " + plural(drafts, "draft");
        }

        static String plural(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }

    /**
     * The reference as stored, or null if the text is not one: spaces and case are forgiven, and
     * so are O for 0 and I or L for 1 (the alphabet has none of them).
     */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String reference = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (reference.length() != 12 || !reference.startsWith("SV-")) {
            return null;
        }
        reference = "SV-" + reference.substring(3).replace('O', '0').replace('I', '1').replace('L', '1');
        return REFERENCE.matcher(reference).matches() ? reference : null;
    }

    /** @throws ErasureProblem (as the Mono's error) if the reference is not valid or unknown */
    public Mono<Plan> plan(String text) {
        String reference = normalise(text);
        if (reference == null) {
            return Mono.error(ErasureProblem.invalid());
        }
        return mongo.findOne(Query.query(Criteria.where("reference").is(reference)), Response.class)
                .switchIfEmpty(Mono.error(ErasureProblem.unknown(reference)))
                .flatMap(response -> Mono.zip(
                                mongo.count(Query.query(Criteria.where("responseId").is(response.id())), Comment.class),
                                mongo.count(Query.query(Criteria.where("responseId").is(response.id())), Quote.class),
                                mongo.count(Query.query(Criteria.where("_id").is(response.id())), "drafts"),
                                mongo.count(Query.query(Criteria.where("responseIds").is(response.id())), "imports"))
                        .map(counts -> new Plan(reference, response.id(),
                                catalogue.find(response.instrumentId()).map(Instrument::title).orElse(response.instrumentId()),
                                response.day(), response.recordedBy(), counts.getT1(), counts.getT2(), counts.getT3(), counts.getT4())));
    }

    /**
     * Erases the record: audited first (if the entry cannot be written, nothing is erased), then
     * its counts are taken out of the aggregates and everything is removed.
     *
     * @return what was removed
     * @throws ErasureProblem (as the Mono's error) if the reference is not valid or unknown
     */
    public Mono<Plan> erase(String text, Actor actor) {
        return plan(text).flatMap(plan -> audit.record(actor, AuditAction.ERASED, AuditTarget.RECORD, plan.reference(), plan.detail())
                .then(Mono.defer(() -> aggregates.withdraw(plan.responseId(), () -> remove(plan.responseId()))
                        .onErrorResume(e -> {
                            log.error("Erasure of {} did not finish ({}); erasing it again finishes it", plan.reference(), e.toString());
                            return audit.note(actor, AuditAction.ERASED, AuditTarget.RECORD, plan.reference(),
                                    "did not finish (" + e.getClass().getSimpleName() + "); erase it again").then(Mono.error(e));
                        })))
                .doOnSuccess(done -> log.info("Record {} erased by {}: {}", plan.reference(), actor.username(), plan.detail()))
                .thenReturn(plan));
    }

    /** Everything that holds the record's id or its text, the record last. */
    private Mono<Void> remove(String responseId) {
        Query ofResponse = Query.query(Criteria.where("responseId").is(responseId));
        Query commentIds = Query.query(Criteria.where("responseId").is(responseId));
        commentIds.fields().include("_id");
        return mongo.find(commentIds, Document.class, "comments").map(document -> document.getString("_id")).collectList()
                .flatMap(ids -> mongo.remove(Query.query(new Criteria().orOperator(Criteria.where("responseId").is(responseId),
                                Criteria.where("commentId").in(ids))), Quote.class)
                        .then(ids.isEmpty() ? Mono.empty() : mongo.updateMulti(Query.query(Criteria.where("trainingIds").in(ids)),
                                new Update().pullAll("trainingIds", ids.toArray()), "analysis_models"))
                        .then(mongo.remove(ofResponse, Comment.class)))
                .then(mongo.remove(Query.query(Criteria.where("_id").is(responseId)), "drafts"))
                .then(mongo.updateMulti(Query.query(Criteria.where("responseIds").is(responseId)),
                        new Update().pull("responseIds", responseId), "imports"))
                .then(mongo.remove(Query.query(Criteria.where("_id").is(responseId)), Response.class))
                .then();
    }

    /** The counts of a plan as the API returns them. */
    static java.util.Map<String, Long> removed(Plan plan) {
        java.util.Map<String, Long> removed = new java.util.LinkedHashMap<>();
        removed.put("records", 1L);
        removed.put("comments", plan.comments());
        removed.put("quotes", plan.quotes());
        removed.put("drafts", plan.drafts());
        return removed;
    }

    static List<String> lines(Plan plan) {
        return List.of("The record itself (" + plan.what() + ", " + plan.day() + ")",
                Plan.plural(plan.comments(), "comment") + " from it, with their analysis and reviews",
                Plan.plural(plan.quotes(), "quote") + " approved or withdrawn from those comments",
                Plan.plural(plan.drafts(), "draft") + " left under its id");
    }
}
