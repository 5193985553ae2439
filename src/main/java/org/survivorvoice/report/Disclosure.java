package org.survivorvoice.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Disclosure control for one table: which counts must not be published.
 *
 * <p>Primary suppression hides every count from 1 to {@code threshold - 1}. Secondary suppression
 * then makes sure no hidden count can be worked out from what is published: a table publishes
 * totals (a row adds up to its base, the comments with experience add up to their own total…),
 * and each total is an equation over its cells. As long as some hidden cell is determined by the
 * published equations (its unit vector lies in their row space over the hidden cells, found by
 * Gaussian elimination), the smallest published cell that shares an equation with it is hidden
 * too, and the check runs again. Zero is published: it says nobody, which names no one.
 */
public final class Disclosure {

    private final int threshold;

    public Disclosure(int threshold) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
    }

    public int threshold() {
        return threshold;
    }

    /** A published sum: {@code counts[total] == sum of counts[parts]}. */
    public record Sum(int total, int... parts) {
    }

    /** @return for each count, whether it must be hidden */
    public boolean[] suppress(long[] counts, List<Sum> sums) {
        boolean[] hidden = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            hidden[i] = counts[i] > 0 && counts[i] < threshold;
        }
        for (int guard = 0; guard <= counts.length; guard++) {
            int revealed = firstRevealed(hidden, sums);
            if (revealed < 0) {
                return hidden;
            }
            int partner = smallestPublishedPartner(revealed, counts, hidden, sums);
            if (partner < 0) {
                // Every cell beside it is hidden already: it follows from other sums (base minus
                // no experience gives those with experience), so hide a published cell of those.
                partner = smallestPublishedInSumsWithHiddenCells(counts, hidden, sums);
            }
            if (partner < 0) {
                throw new IllegalStateException("no cell left to hide cell " + revealed);
            }
            hidden[partner] = true;
        }
        throw new IllegalStateException("secondary suppression did not settle");
    }

    /** A hidden cell whose value follows from the published sums, or -1. */
    static int firstRevealed(boolean[] hidden, List<Sum> sums) {
        int[] unknowns = java.util.stream.IntStream.range(0, hidden.length).filter(i -> hidden[i]).toArray();
        if (unknowns.length == 0) {
            return -1;
        }
        List<double[]> rows = new ArrayList<>();
        for (Sum sum : sums) {
            double[] row = new double[unknowns.length];
            boolean any = false;
            for (int u = 0; u < unknowns.length; u++) {
                int cell = unknowns[u];
                double coefficient = (cell == sum.total() ? -1 : 0) + Arrays.stream(sum.parts()).filter(p -> p == cell).count();
                row[u] = coefficient;
                any |= coefficient != 0;
            }
            if (any) {
                rows.add(row);
            }
        }
        double[][] reduced = rowReduce(rows.toArray(new double[0][]), unknowns.length);
        for (double[] row : reduced) {
            int nonZero = -1;
            int count = 0;
            for (int u = 0; u < row.length; u++) {
                if (Math.abs(row[u]) > 1e-9) {
                    nonZero = u;
                    count++;
                }
            }
            if (count == 1) {
                return unknowns[nonZero];
            }
        }
        return -1;
    }

    /** Reduced row echelon form (small tables: plain doubles with a tolerance are exact enough). */
    static double[][] rowReduce(double[][] matrix, int columns) {
        double[][] m = Arrays.stream(matrix).map(double[]::clone).toArray(double[][]::new);
        int lead = 0;
        for (int column = 0; column < columns && lead < m.length; column++) {
            int pivot = lead;
            while (pivot < m.length && Math.abs(m[pivot][column]) < 1e-9) {
                pivot++;
            }
            if (pivot == m.length) {
                continue;
            }
            double[] swap = m[lead];
            m[lead] = m[pivot];
            m[pivot] = swap;
            double divisor = m[lead][column];
            for (int c = 0; c < columns; c++) {
                m[lead][c] /= divisor;
            }
            for (int r = 0; r < m.length; r++) {
                if (r != lead && Math.abs(m[r][column]) > 1e-9) {
                    double factor = m[r][column];
                    for (int c = 0; c < columns; c++) {
                        m[r][c] -= factor * m[lead][c];
                    }
                }
            }
            lead++;
        }
        return m;
    }

    /** The smallest published cell in a sum with {@code cell} (a non-zero one if there is one). */
    private static int smallestPublishedPartner(int cell, long[] counts, boolean[] hidden, List<Sum> sums) {
        int best = -1;
        for (Sum sum : sums) {
            List<Integer> members = new ArrayList<>();
            members.add(sum.total());
            Arrays.stream(sum.parts()).forEach(members::add);
            if (!members.contains(cell)) {
                continue;
            }
            for (int candidate : members) {
                if (!hidden[candidate] && better(candidate, best, counts)) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static int smallestPublishedInSumsWithHiddenCells(long[] counts, boolean[] hidden, List<Sum> sums) {
        int best = -1;
        for (Sum sum : sums) {
            List<Integer> members = new ArrayList<>();
            members.add(sum.total());
            Arrays.stream(sum.parts()).forEach(members::add);
            if (members.stream().noneMatch(m -> hidden[m])) {
                continue;
            }
            for (int candidate : members) {
                if (!hidden[candidate] && better(candidate, best, counts)) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static boolean better(int candidate, int best, long[] counts) {
        if (best < 0) {
            return true;
        }
        boolean candidateZero = counts[candidate] == 0;
        boolean bestZero = counts[best] == 0;
        if (candidateZero != bestZero) {
            return bestZero; // hiding a zero hides little: prefer a real count
        }
        return counts[candidate] < counts[best];
    }
}
