package org.survivorvoice.report;

/**
 * An analysed comment whose tone is the opposite of its client's rating of the agency, for the
 * officer to look at (the rating may be mistyped, or the analysis wrong). Officers only.
 */
public record Contradiction(String commentId, String agency, String agencyLabel, String quarter, String rating, String ratingLabel,
                            String sentiment, String sentimentLabel, String excerpt) {
}
