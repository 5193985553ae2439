package org.survivorvoice.response;

/**
 * Stands in for an answer that could not even be read (letters in a number box, a date that does
 * not exist); {@link AnswerValidator} reports it with this message code.
 */
public record InvalidInput(String code) {
}
