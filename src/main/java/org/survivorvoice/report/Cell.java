package org.survivorvoice.report;

/**
 * One published figure: a count and its percentage, or "fewer than N" when disclosure control
 * hides it (then neither the count nor the percentage is given, anywhere).
 *
 * @param percent share of the row's base (null when hidden or when there is no base)
 */
public record Cell(Long count, Integer percent, boolean suppressed, int threshold) {

    static Cell of(long count, Integer percent, boolean suppressed, int threshold) {
        return suppressed ? new Cell(null, null, true, threshold) : new Cell(count, percent, false, threshold);
    }

    /** What a person reads: the number, or "fewer than 5". */
    public String text() {
        return suppressed ? "fewer than " + threshold : String.valueOf(count);
    }

    public String percentText() {
        return suppressed ? "" : percent == null ? "" : percent + "%";
    }

    public boolean zero() {
        return !suppressed && count != null && count == 0;
    }
}
