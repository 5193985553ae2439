package org.survivorvoice.quote;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.CommentRepository;
import org.survivorvoice.encryption.FreeTextEncryption;
import org.survivorvoice.encryption.FreeTextFields;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Officers approve anonymised quotes of comments and withdraw them; reports read the approved ones.
 * Reports never read comments themselves.
 */
@Service
public class QuoteService {

    private final ReactiveMongoTemplate mongo;
    private final CommentRepository comments;
    private final Clock clock;
    private final FreeTextEncryption encryption;

    QuoteService(ReactiveMongoTemplate mongo, CommentRepository comments, Clock clock, FreeTextEncryption encryption) {
        this.encryption = encryption;
        this.mongo = mongo;
        this.comments = comments;
        this.clock = clock;
    }

    /**
     * Approves {@code text} as the published version of the comment, replacing any earlier quote of
     * it (approved or withdrawn).
     *
     * @param tone               {@code positive}, {@code negative} or {@code neutral}; null or empty takes the comment's tone
     * @param nothingIdentifying the officer confirms that nothing in the comment could identify anyone, so that its own
     *                           words may be published unchanged
     * @throws InvalidQuoteException (as the Mono's error) when the quote cannot be approved; nothing is stored
     * @throws ResponseStatusException 404 (as the Mono's error) when there is no such comment
     */
    public Mono<Quote> approve(String commentId, String text, String tone, boolean nothingIdentifying, String officer) {
        String tidied = QuoteRules.tidy(text);
        return comments.findById(commentId)
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .flatMap(comment -> {
                    List<QuoteError> errors = QuoteRules.check(comment, tidied, tone, nothingIdentifying);
                    if (!errors.isEmpty()) {
                        return Mono.error(new InvalidQuoteException(errors));
                    }
                    Tone chosen = Tone.fromValue(tone).orElseGet(() -> Tone.of(comment.effective()));
                    Update update = approval(comment, tidied, chosen, officer);
                    // two officers approving at once: the second upsert meets the unique index, and then updates
                    return upsert(commentId, update).onErrorResume(DuplicateKeyException.class, e -> upsert(commentId, update));
                });
    }

    private Update approval(Comment comment, String text, Tone tone, String officer) {
        return new Update()
                .setOnInsert("_id", UUID.randomUUID().toString())
                .set("responseId", comment.responseId())
                .set("agency", comment.agency())
                .set("quarter", comment.quarter())
                .set("channel", comment.channel())
                .set("tone", tone.value())
                .set("themes", comment.effective() == null ? List.of() : comment.effective().themes())
                .set("text", encryption.sealForUpdate(FreeTextFields.QUOTES, comment.id(), "text", text))
                .set("verbatim", QuoteRules.sameWords(text, comment.text()))
                .set("approvedBy", officer)
                .set("approvedOn", today())
                .set("status", QuoteStatus.APPROVED)
                .unset("withdrawnBy")
                .unset("withdrawnOn");
    }

    private Mono<Quote> upsert(String commentId, Update update) {
        return mongo.findAndModify(Query.query(Criteria.where("commentId").is(commentId)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), Quote.class);
    }

    /**
     * Takes an approved quote out of reports. Withdrawing a withdrawn quote changes nothing.
     *
     * @throws ResponseStatusException 404 (as the Mono's error) when there is no such quote
     */
    public Mono<Quote> withdraw(String quoteId, String officer) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(quoteId).and("status").is(QuoteStatus.APPROVED)),
                        new Update().set("status", QuoteStatus.WITHDRAWN).set("withdrawnBy", officer).set("withdrawnOn", today()),
                        FindAndModifyOptions.options().returnNew(true), Quote.class)
                .switchIfEmpty(find(quoteId));
    }

    /**
     * The approved quotes of these quarters about these agencies, by quarter, then agency.
     *
     * @param quarters as stored ({@code 2015/16-Q2}); null for every quarter
     * @param agencies agency ids (a null element for comments about no one agency); null for all
     */
    public Flux<Quote> approved(Collection<String> quarters, Collection<String> agencies) {
        Criteria criteria = Criteria.where("status").is(QuoteStatus.APPROVED);
        if (quarters != null) {
            criteria = criteria.and("quarter").in(quarters);
        }
        if (agencies != null) {
            criteria = criteria.and("agency").in(agencies);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("quarter", "agency", "_id")), Quote.class);
    }

    /** The quote of a comment, approved or withdrawn; empty when there has never been one. */
    public Mono<Quote> forComment(String commentId) {
        return mongo.findOne(Query.query(Criteria.where("commentId").is(commentId)), Quote.class);
    }

    /** @throws ResponseStatusException 404 (as the Mono's error) when there is no such quote */
    public Mono<Quote> find(String quoteId) {
        return mongo.findById(quoteId, Quote.class).switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    /** The quarters that have approved quotes, oldest first. */
    public Flux<String> quartersWithQuotes() {
        return mongo.findDistinct(Query.query(Criteria.where("status").is(QuoteStatus.APPROVED)), "quarter", Quote.class, String.class)
                .sort();
    }

    private String today() {
        return LocalDate.now(clock).toString();
    }
}
