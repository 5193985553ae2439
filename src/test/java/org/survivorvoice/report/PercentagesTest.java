package org.survivorvoice.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentagesTest {

    @Test
    void theBriefsPoliceRowFrom68Clients() {
        assertThat(Percentages.of(new long[] {13, 16, 8, 15, 9, 7})).containsExactly(19, 24, 12, 22, 13, 10);
    }

    @Test
    void rowsAlwaysAddUpTo100() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 1000; i++) {
            long[] counts = new long[6];
            for (int c = 0; c < 6; c++) {
                counts[c] = random.nextInt(40);
            }
            int[] percent = Percentages.of(counts);
            if (java.util.Arrays.stream(counts).sum() > 0) {
                assertThat(java.util.Arrays.stream(percent).sum()).isEqualTo(100);
            }
        }
    }

    @Test
    void thirdsGiveTheSpareOneToTheFirst() {
        assertThat(Percentages.of(new long[] {1, 1, 1})).containsExactly(34, 33, 33);
    }

    @Test
    void nothingToDivide() {
        assertThat(Percentages.of(new long[] {0, 0})).containsExactly(0, 0);
        assertThat(Percentages.share(3, 0)).isNull();
        assertThat(Percentages.share(1, 8)).isEqualTo(13);
    }
}
