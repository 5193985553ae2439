package org.survivorvoice.recording;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A staff record being filled in, section by section; only its owner can see it. Submitting it
 * stores a response with the same id (so a double submit stores it once) and deletes the draft.
 */
@Document("drafts")
record Draft(@Id String id, String instrumentId, int instrumentVersion, String owner, Map<String, Object> answers,
             Instant createdAt, Instant updatedAt) {

    Draft withAnswers(Map<String, Object> answers, Instant now) {
        return new Draft(id, instrumentId, instrumentVersion, owner, answers, createdAt, now);
    }
}
