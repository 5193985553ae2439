package org.survivorvoice.report;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Whole-number percentages that add up to exactly 100 (largest remainder method), as the
 * hand-made report's rows do.
 */
final class Percentages {

    private Percentages() {
    }

    /** @return the percentage of each count in their sum (all zero if the sum is zero) */
    static int[] of(long[] counts) {
        long total = java.util.Arrays.stream(counts).sum();
        int[] percent = new int[counts.length];
        if (total == 0) {
            return percent;
        }
        double[] remainder = new double[counts.length];
        int given = 0;
        for (int i = 0; i < counts.length; i++) {
            double exact = counts[i] * 100.0 / total;
            percent[i] = (int) Math.floor(exact);
            remainder[i] = exact - percent[i];
            given += percent[i];
        }
        int[] order = IntStream.range(0, counts.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -remainder[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < 100 - given; i++) {
            percent[order[i]]++;
        }
        return percent;
    }

    /** One share rounded half up, or null if there is nothing to divide by. */
    static Integer share(long count, long of) {
        return of <= 0 ? null : (int) Math.floor(count * 100.0 / of + 0.5);
    }
}
