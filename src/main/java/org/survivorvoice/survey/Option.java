package org.survivorvoice.survey;

/** A choice of a {@code single} or {@code multi} question. */
public record Option(String id, String label) {
}
