package org.survivorvoice.codebook;

/** One tag a comment can carry; the id is stable, label and description are what readers see. */
public record Theme(String id, String label, String description) {
}
