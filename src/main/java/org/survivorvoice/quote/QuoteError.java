package org.survivorvoice.quote;

/** What is wrong with a quote the officer tried to approve. @param field the form field it belongs to */
public record QuoteError(String field, String message) {
}
