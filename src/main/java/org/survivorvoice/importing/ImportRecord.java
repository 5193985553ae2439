package org.survivorvoice.importing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One import of a file, kept so that the same file is never imported twice. It is written before the
 * interviews, with their ids, as a claim on the file: a second import of the same file finds it and is
 * refused, and an import cut short by a stop of the service is undone at the next start.
 *
 * @param id          SHA-256 of the file's content ({@link CsvFile#fingerprint})
 * @param interviews  how many interviews the file held
 * @param byQuarter   interviews per financial quarter ({@code 2015/16-Q2} → count)
 * @param responseIds the ids of the responses it stores
 */
@Document("imports")
record ImportRecord(
        @Id String id,
        String instrumentId,
        int instrumentVersion,
        State state,
        String importedBy,
        Instant startedAt,
        Instant finishedAt,
        int interviews,
        Map<String, Integer> byQuarter,
        List<String> responseIds) {

    enum State {
        /** Interviews are being stored; undone at start-up if the service stopped meanwhile. */
        RUNNING,
        /** Every interview is stored. */
        DONE
    }

    ImportRecord done(Instant at) {
        return new ImportRecord(id, instrumentId, instrumentVersion, State.DONE, importedBy, startedAt, at, interviews, byQuarter,
                responseIds);
    }
}
