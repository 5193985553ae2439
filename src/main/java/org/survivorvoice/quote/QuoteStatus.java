package org.survivorvoice.quote;

/** Whether reports may show a quote. */
public enum QuoteStatus {
    APPROVED,
    /** taken back by an officer; kept so that the decision can be seen, never shown in a report */
    WITHDRAWN
}
