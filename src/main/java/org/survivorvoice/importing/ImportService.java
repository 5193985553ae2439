package org.survivorvoice.importing;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.survivorvoice.response.Response;
import org.survivorvoice.response.ResponseService;
import org.survivorvoice.response.Submitter;
import org.survivorvoice.survey.Instrument;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Imports historic records from a CSV file: a dry run lists every problem (or how many interviews
 * would be imported, per quarter); a real run stores every row or none, and never the same file twice.
 */
@Service
class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final ImportChecker checker;
    private final ResponseService responses;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    ImportService(ImportChecker checker, ResponseService responses, ReactiveMongoTemplate mongo, Clock clock) {
        this.checker = checker;
        this.responses = responses;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * The dry run: stores nothing.
     *
     * @return the check; an {@link AlreadyImportedException} if the file is valid but was imported before
     */
    Mono<ImportCheck> check(Instrument instrument, byte[] file) {
        return Mono.fromCallable(() -> checker.check(instrument, file))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(check -> check.isValid()
                        ? mongo.findById(check.fingerprint(), ImportRecord.class)
                                .flatMap(earlier -> Mono.<ImportCheck>error(new AlreadyImportedException(earlier)))
                                .defaultIfEmpty(check)
                        : Mono.just(check));
    }

    /**
     * The real run: if the file has no problem, stores every row as a response recorded by
     * {@code officer} and tells the response listeners about each; otherwise stores nothing.
     *
     * @return the check (its fingerprint is the id of the import); an {@link AlreadyImportedException}
     *         if the file was imported before, an {@link ImportFailedException} if storing failed
     */
    Mono<ImportCheck> run(Instrument instrument, byte[] file, String officer) {
        return check(instrument, file).flatMap(check -> check.isValid() ? store(instrument, check, officer).thenReturn(check)
                : Mono.just(check));
    }

    /** How the audit log names an import: the start of its file's fingerprint. */
    static String auditTarget(ImportCheck check) {
        return check.fingerprint().substring(0, 12);
    }

    /** For the audit log: how many interviews, in which quarters. */
    static String auditDetail(ImportCheck check) {
        int n = check.answers().size();
        StringBuilder detail = new StringBuilder().append(n).append(n == 1 ? " interview" : " interviews");
        if (!check.byQuarter().isEmpty()) {
            detail.append(" (");
            check.byQuarter().forEach((quarter, count) -> detail.append(quarter).append(": ").append(count).append(", "));
            detail.setLength(detail.length() - 2);
            detail.append(")");
        }
        return detail.toString();
    }

    Mono<ImportRecord> find(String id) {
        return mongo.findById(id, ImportRecord.class);
    }

    private Mono<Void> store(Instrument instrument, ImportCheck check, String officer) {
        List<String> ids = check.answers().stream().map(answers -> UUID.randomUUID().toString()).toList();
        Map<String, Integer> byQuarter = new LinkedHashMap<>();
        check.byQuarter().forEach((quarter, count) -> byQuarter.put(quarter.toString(), count));
        ImportRecord claim = new ImportRecord(check.fingerprint(), instrument.id(), instrument.version(), ImportRecord.State.RUNNING,
                officer, Instant.now(clock), null, ids.size(), byQuarter, ids);
        return mongo.insert(claim)
                .onErrorResume(DuplicateKeyException.class, e -> mongo.findById(claim.id(), ImportRecord.class)
                        .switchIfEmpty(Mono.error(e))
                        .flatMap(earlier -> Mono.error(new AlreadyImportedException(earlier))))
                .then(Mono.defer(() -> responses.storeAll(instrument, check.answers(), Submitter.staff(officer), Locale.UK, ids))
                        .flatMap(stored -> mongo.save(claim.done(Instant.now(clock))).thenReturn(stored))
                        .onErrorResume(failure -> {
                            log.error("Import of {} interviews by {} failed part way ({}); undoing it", ids.size(), officer,
                                    failure.getClass().getSimpleName());
                            return undo(claim).then(Mono.error(new ImportFailedException(failure)));
                        }))
                .flatMap(stored -> responses.announce(stored, instrument));
    }

    /**
     * Removes the responses of an import that did not finish, then its record. If that fails, the
     * record stays (the file cannot be imported meanwhile) and the next start tries again.
     */
    Mono<Void> undo(ImportRecord claim) {
        return mongo.remove(Query.query(Criteria.where("_id").in(claim.responseIds())), Response.class)
                .flatMap(removed -> mongo.remove(claim).thenReturn(removed.getDeletedCount()))
                .doOnNext(removed -> log.info("Undid the unfinished import of {} by {}: {} interview(s) removed",
                        claim.id().substring(0, 12), claim.importedBy(), removed))
                .then()
                .onErrorResume(e -> {
                    log.error("Could not undo the unfinished import of {} ({}); the next start tries again",
                            claim.id().substring(0, 12), e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }
}
