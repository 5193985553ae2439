package org.survivorvoice.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DisclosureTest {

    private final Disclosure disclosure = new Disclosure(5);

    /** An agency row: six answers, the base (6) and those with experience (7). */
    private static final List<Disclosure.Sum> ROW = List.of(new Disclosure.Sum(6, 0, 1, 2, 3, 4, 5), new Disclosure.Sum(7, 0, 1, 2, 3, 4));

    private static long[] row(long... answers) {
        long[] cells = new long[8];
        System.arraycopy(answers, 0, cells, 0, 6);
        for (int i = 0; i < 6; i++) {
            cells[6] += answers[i];
        }
        cells[7] = cells[6] - answers[5];
        return cells;
    }

    @Test
    void nothingIsHiddenWhenEveryCountIsFiveOrMoreOrZero() {
        boolean[] hidden = disclosure.suppress(row(13, 16, 8, 15, 9, 7), ROW);

        assertThat(hidden).containsOnly(false);
    }

    @Test
    void theBriefsMaracTableOfSixPeopleHidesEveryExperience() {
        // Q4: 6 of 15 clients referred, experiences split evenly between very positive, positive and neutral.
        long[] cells = row(2, 2, 2, 0, 0, 9);

        boolean[] hidden = disclosure.suppress(cells, ROW);

        assertThat(hidden[0]).isTrue();
        assertThat(hidden[1]).isTrue();
        assertThat(hidden[2]).isTrue();
        assertThat(hidden[5]).as("no experience, 9").isFalse();
        assertThat(hidden[6]).as("base, 15").isFalse();
        assertThat(leaks(cells, hidden)).isEmpty();
    }

    @Test
    void aSingleSmallCellTakesTheSmallestOtherCellWithIt() {
        // 3 very negative would follow from the base minus the rest: the next smallest (6 neutral) is hidden too.
        long[] cells = row(20, 10, 6, 12, 3, 30);

        boolean[] hidden = disclosure.suppress(cells, ROW);

        assertThat(hidden[4]).isTrue();
        assertThat(hidden[2]).isTrue();
        assertThat(hidden).as("only those two").satisfies(h -> assertThat(count(h)).isEqualTo(2));
        assertThat(leaks(cells, hidden)).isEmpty();
    }

    @Test
    void aSmallNoExperienceCountAlsoHidesTheTotalWithExperience() {
        // base - with experience = no experience: publishing both totals would give the 2 away.
        long[] cells = row(20, 10, 6, 12, 8, 2);

        boolean[] hidden = disclosure.suppress(cells, ROW);

        assertThat(hidden[5]).isTrue();
        assertThat(leaks(cells, hidden)).isEmpty();
        assertThat(hidden[7] || count(hidden) >= 3).isTrue();
    }

    @Test
    void aBaseBelowTheThresholdHidesTheWholeRow() {
        long[] cells = row(1, 1, 0, 0, 1, 0);

        boolean[] hidden = disclosure.suppress(cells, ROW);

        assertThat(hidden[6]).isTrue();
        assertThat(leaks(cells, hidden)).isEmpty();
    }

    @Test
    void randomTablesNeverLeakAHiddenCount() {
        Random random = new Random(20261123);
        for (int table = 0; table < 400; table++) {
            long[] answers = new long[6];
            for (int i = 0; i < 6; i++) {
                answers[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 5 : 12);
            }
            long[] cells = row(answers);
            boolean[] hidden = disclosure.suppress(cells, ROW);
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] > 0 && cells[i] < 5) {
                    assertThat(hidden[i]).as("primary cell %d of %s", i, java.util.Arrays.toString(cells)).isTrue();
                }
            }
            assertThat(leaks(cells, hidden)).as(java.util.Arrays.toString(cells)).isEmpty();
        }
    }

    @Test
    void theCheckFindsALeakWhenSecondarySuppressionIsMissing() {
        long[] cells = row(20, 10, 6, 12, 3, 30);
        boolean[] onlyPrimary = new boolean[8];
        onlyPrimary[4] = true;

        assertThat(leaks(cells, onlyPrimary)).containsExactly(4);
        assertThat(Disclosure.firstRevealed(onlyPrimary, ROW)).isEqualTo(4);
    }

    /**
     * The hidden cells a reader could pin down: every assignment of values to the hidden answers
     * that agrees with the published figures is tried (their sum is known when the base is
     * published; otherwise each is at most 12, more than any test table holds); a cell that takes
     * one value only leaks.
     */
    private static List<Integer> leaks(long[] cells, boolean[] hidden) {
        List<Integer> unknownAnswers = new ArrayList<>();
        long visible = 0;
        for (int i = 0; i < 6; i++) {
            if (hidden[i]) {
                unknownAnswers.add(i);
            } else {
                visible += cells[i];
            }
        }
        Long remainder = hidden[6] ? null : cells[6] - visible;
        List<java.util.Set<Long>> seen = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seen.add(new java.util.HashSet<>());
        }
        search(cells.clone(), hidden, unknownAnswers, 0, remainder, seen);
        List<Integer> leaks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            if (hidden[i] && seen.get(i).size() < 2) {
                leaks.add(i);
            }
        }
        return leaks;
    }

    private static void search(long[] trial, boolean[] hidden, List<Integer> unknown, int index, Long remainder,
                               List<java.util.Set<Long>> seen) {
        if (index == unknown.size()) {
            if (remainder != null && remainder != 0) {
                return;
            }
            long base = 0;
            for (int i = 0; i < 6; i++) {
                base += trial[i];
            }
            long experienced = base - trial[5];
            if (!hidden[6] && base != trial[6] || !hidden[7] && experienced != trial[7]) {
                return;
            }
            trial[6] = base;
            trial[7] = experienced;
            for (int i = 0; i < 8; i++) {
                seen.get(i).add(trial[i]);
            }
            return;
        }
        long max = remainder != null ? remainder : 12;
        for (long value = 0; value <= max; value++) {
            long[] next = trial.clone();
            next[unknown.get(index)] = value;
            search(next, hidden, unknown, index + 1, remainder == null ? null : remainder - value, seen);
        }
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean flag : flags) {
            n += flag ? 1 : 0;
        }
        return n;
    }
}
