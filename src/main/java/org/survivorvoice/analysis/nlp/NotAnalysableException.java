package org.survivorvoice.analysis.nlp;

/** The comment cannot be analysed (empty, not English, …); the message says why, for the officer. */
public class NotAnalysableException extends RuntimeException {

    public NotAnalysableException(String reason) {
        super(reason);
    }
}
