package org.survivorvoice.response;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.survivorvoice.period.FinancialQuarter;
import org.survivorvoice.survey.Instrument;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Validates and stores responses. Nothing is stored unless every answer is valid. */
@Service
public class ResponseService {

    private static final Logger log = LoggerFactory.getLogger(ResponseService.class);

    private final AnswerValidator validator;
    private final ResponseRepository responses;
    private final ReferenceGenerator references;
    private final Clock clock;
    private final List<ResponseStoredListener> listeners;
    private final ReactiveMongoTemplate mongo;

    public ResponseService(AnswerValidator validator, ResponseRepository responses, ReferenceGenerator references, Clock clock,
                           List<ResponseStoredListener> listeners, ReactiveMongoTemplate mongo) {
        this.validator = validator;
        this.responses = responses;
        this.references = references;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.mongo = mongo;
    }

    /**
     * @param id a new random id, or the id of the draft being submitted (so that a double click
     *           stores the record once)
     * @throws InvalidAnswersException (as the Mono's error) when any answer is invalid
     */
    public Mono<Response> submit(Instrument instrument, Map<String, ?> rawAnswers, Submitter submitter, Locale language, String id) {
        if (instrument.isAnonymous() != submitter.isAnonymous()) {
            return Mono.error(new IllegalArgumentException("a " + instrument.audience().id() + " instrument cannot be submitted by "
                    + (submitter.isAnonymous() ? "an anonymous" : "a staff") + " submitter"));
        }
        ValidatedAnswers checked = validator.validateSubmission(instrument, rawAnswers);
        if (!checked.isValid()) {
            return Mono.error(new InvalidAnswersException(checked.errors()));
        }
        Response response = newResponse(instrument, checked.answers(), submitter, language, id);
        return responses.insert(response)
                .flatMap(stored -> notify(stored, instrument).thenReturn(stored))
                .onErrorResume(DuplicateKeyException.class, e -> responses.findById(id)
                        .filter(existing -> existing.instrumentId().equals(instrument.id()))
                        .switchIfEmpty(Mono.error(e)));
    }

    /**
     * Stores answers that {@link AnswerValidator} has already checked (an import of historic records),
     * all or none: if any insert fails, the responses of the batch already stored are removed again
     * and the error is passed on. The listeners are not told yet: {@link #announce} does that.
     *
     * @param ids a new id for each answers, in the same order
     */
    public Mono<List<Response>> storeAll(Instrument instrument, List<Map<String, Object>> answers, Submitter submitter,
                                         Locale language, List<String> ids) {
        List<Response> batch = IntStream.range(0, answers.size())
                .mapToObj(i -> newResponse(instrument, answers.get(i), submitter, language, ids.get(i))).toList();
        // Our ids and references both: a document that was there before under one of the ids stays.
        Query ours = Query.query(Criteria.where("_id").in(ids).and("reference").in(batch.stream().map(Response::reference).toList()));
        return responses.insert(batch).collectList()
                .onErrorResume(failure -> mongo.remove(ours, Response.class)
                        .onErrorResume(e -> {
                            log.error("A batch of {} responses failed part way and what it stored could not be removed ({})",
                                    batch.size(), e.getClass().getSimpleName());
                            return Mono.empty();
                        })
                        .then(Mono.error(failure)));
    }

    /** Tells the listeners about responses stored by {@link #storeAll}, one after another. */
    public Mono<Void> announce(List<Response> stored, Instrument instrument) {
        return Flux.fromIterable(stored).concatMap(response -> notify(response, instrument)).then();
    }

    private Response newResponse(Instrument instrument, Map<String, Object> answers, Submitter submitter, Locale language, String id) {
        LocalDate day = instrument.isAnonymous()
                ? LocalDate.now(clock)
                : LocalDate.parse((String) answers.get(instrument.dateQuestion()));
        return new Response(
                id, instrument.id(), instrument.version(), instrument.channel(),
                day.toString(), FinancialQuarter.of(day).toString(), language.getLanguage(),
                submitter.isAnonymous() ? null : references.next(),
                submitter.username(),
                submitter.isAnonymous() ? null : Instant.now(clock),
                answers, false, false);
    }

    /**
     * Tells the listeners, then marks the response as handed on. Their failure is logged, never the
     * submitter's problem: the response is stored, and it is picked up again while not marked.
     */
    private Mono<Void> notify(Response stored, Instrument instrument) {
        return Flux.fromIterable(listeners)
                .concatMap(listener -> listener.stored(stored, instrument))
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(stored.id())),
                        Update.update("analysisQueued", true), Response.class).then())
                .onErrorResume(e -> {
                    log.warn("Response stored, but its comments were not queued for analysis yet ({}); they will be later",
                            e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    public Mono<Response> submit(Instrument instrument, Map<String, ?> rawAnswers, Submitter submitter, Locale language) {
        return submit(instrument, rawAnswers, submitter, language, UUID.randomUUID().toString());
    }
}
