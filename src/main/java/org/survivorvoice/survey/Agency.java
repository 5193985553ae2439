package org.survivorvoice.survey;

/** An agency survivors are asked about (police, housing, GP…). */
public record Agency(String id, String label, String description) {
}
