package org.survivorvoice.recording;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ResponseStatusException;
import org.survivorvoice.form.FormViews;
import org.survivorvoice.response.AnswerError;
import org.survivorvoice.response.AnswerValidator;
import org.survivorvoice.response.Response;
import org.survivorvoice.response.ResponseService;
import org.survivorvoice.response.Submitter;
import org.survivorvoice.response.ValidatedAnswers;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.Section;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Drafts of staff records: created, saved a section at a time, submitted as a response. */
@Service
class DraftService {

    private final DraftRepository drafts;
    private final InstrumentCatalogue catalogue;
    private final AnswerValidator validator;
    private final ResponseService responses;
    private final FormViews views;
    private final Clock clock;

    DraftService(DraftRepository drafts, InstrumentCatalogue catalogue, AnswerValidator validator, ResponseService responses,
                 FormViews views, Clock clock) {
        this.drafts = drafts;
        this.catalogue = catalogue;
        this.validator = validator;
        this.responses = responses;
        this.views = views;
        this.clock = clock;
    }

    Mono<Draft> start(String instrumentId, String owner) {
        Instrument instrument = staffInstrument(instrumentId);
        Instant now = Instant.now(clock);
        return drafts.insert(new Draft(UUID.randomUUID().toString(), instrument.id(), instrument.version(), owner,
                Map.of(), now, now));
    }

    /** The owner's draft; anyone else's, or none, is a 404. */
    Mono<Draft> find(String draftId, String owner) {
        return drafts.findById(draftId).filter(draft -> draft.owner().equals(owner))
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    Flux<Draft> of(String owner) {
        return drafts.findByOwnerOrderByUpdatedAtDesc(owner);
    }

    /** The instrument a draft is answered against: always the current version. */
    Instrument instrument(Draft draft) {
        return staffInstrument(draft.instrumentId());
    }

    /**
     * Checks one section's answers and, if they are valid, keeps them in the draft.
     *
     * @param complete true for "continue" (required answers must be there), false for "save and come back later"
     * @return the problems; empty when the answers were saved
     */
    Mono<List<AnswerError>> saveSection(Draft draft, Section section, MultiValueMap<String, String> form, boolean complete) {
        Map<String, Object> raw = new HashMap<>(draft.answers());
        section.questions().forEach(q -> raw.remove(q.id()));
        raw.putAll(views.answers().read(section.questions(), form));
        ValidatedAnswers checked = validator.validate(section.questions(), raw, complete);
        if (!checked.isValid()) {
            return Mono.just(checked.errors());
        }
        Map<String, Object> answers = new HashMap<>(draft.answers());
        section.questions().forEach(q -> answers.remove(q.id()));
        answers.putAll(checked.answers());
        return drafts.save(draft.withAnswers(answers, Instant.now(clock))).thenReturn(List.of());
    }

    /** Stores the record (all or nothing) and removes the draft. */
    Mono<Response> submit(Draft draft, Locale locale) {
        Instrument instrument = instrument(draft);
        Map<String, Object> current = new HashMap<>(draft.answers());
        current.keySet().retainAll(instrument.questions().stream().map(Question::id).toList());
        return responses.submit(instrument, current, Submitter.staff(draft.owner()), locale, draft.id())
                .flatMap(saved -> drafts.deleteById(draft.id()).thenReturn(saved));
    }

    Mono<Void> delete(Draft draft) {
        return drafts.deleteById(draft.id());
    }

    private Instrument staffInstrument(String id) {
        return catalogue.find(id).filter(i -> !i.isAnonymous())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no staff instrument called " + id));
    }
}
