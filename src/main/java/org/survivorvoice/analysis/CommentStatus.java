package org.survivorvoice.analysis;

/** Where a comment is in its analysis. */
public enum CommentStatus {
    /** waiting for a worker (also after a failed attempt that will be retried) */
    PENDING,
    /** claimed by a worker, whose lease runs until {@code leaseUntil} */
    RUNNING,
    DONE,
    /** the comment cannot be analysed (empty, not English, …); not retried */
    NOT_ANALYSABLE,
    /** every attempt failed; shown to the administrator with the reason */
    FAILED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
