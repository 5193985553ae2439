package org.survivorvoice.response;

import java.util.List;
import java.util.Map;

/** Normalised answers (only those that are valid) and the problems found. */
public record ValidatedAnswers(Map<String, Object> answers, List<AnswerError> errors) {

    public boolean isValid() {
        return errors.isEmpty();
    }
}
