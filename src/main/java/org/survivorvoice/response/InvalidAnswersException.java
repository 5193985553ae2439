package org.survivorvoice.response;

import java.util.List;

/** The answers break the instrument's rules; nothing was stored. */
public class InvalidAnswersException extends RuntimeException {

    private final List<AnswerError> errors;

    public InvalidAnswersException(List<AnswerError> errors) {
        super(errors.size() + " invalid answer(s)");
        this.errors = List.copyOf(errors);
    }

    public List<AnswerError> errors() {
        return errors;
    }
}
