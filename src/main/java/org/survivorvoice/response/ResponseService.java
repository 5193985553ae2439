package org.survivorvoice.response;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.survivorvoice.period.FinancialQuarter;
import org.survivorvoice.survey.Instrument;
import reactor.core.publisher.Mono;

/** Validates and stores responses. Nothing is stored unless every answer is valid. */
@Service
public class ResponseService {

    private final AnswerValidator validator;
    private final ResponseRepository responses;
    private final ReferenceGenerator references;
    private final Clock clock;

    public ResponseService(AnswerValidator validator, ResponseRepository responses, ReferenceGenerator references, Clock clock) {
        this.validator = validator;
        this.responses = responses;
        this.references = references;
        this.clock = clock;
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
        LocalDate day = instrument.isAnonymous()
                ? LocalDate.now(clock)
                : LocalDate.parse((String) checked.answers().get(instrument.dateQuestion()));
        Response response = new Response(
                id, instrument.id(), instrument.version(), instrument.channel(),
                day.toString(), FinancialQuarter.of(day).toString(), language.getLanguage(),
                submitter.isAnonymous() ? null : references.next(),
                submitter.username(),
                submitter.isAnonymous() ? null : Instant.now(clock),
                checked.answers());
        return responses.insert(response)
                .onErrorResume(DuplicateKeyException.class, e -> responses.findById(id)
                        .filter(existing -> existing.instrumentId().equals(instrument.id()))
                        .switchIfEmpty(Mono.error(e)));
    }

    public Mono<Response> submit(Instrument instrument, Map<String, ?> rawAnswers, Submitter submitter, Locale language) {
        return submit(instrument, rawAnswers, submitter, language, UUID.randomUUID().toString());
    }
}
