package org.survivorvoice.form;

/** A line of the error summary: a link to the field and what is wrong. */
public record ErrorSummaryItem(String href, String text) {
}
