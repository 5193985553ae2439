package org.survivorvoice.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.survivorvoice.survey.Scale5;

class DivergingChartTest {

    private static QuarterlyReport.RatingRow row(String label, long[] counts, boolean hideFirst) {
        List<QuarterlyReport.RatingCell> cells = new ArrayList<>();
        long experienced = 0;
        for (int i = 0; i < 6; i++) {
            Scale5 value = Scale5.values()[i];
            boolean hidden = hideFirst && i < 2;
            cells.add(new QuarterlyReport.RatingCell(value.value(), value.label(), Cell.of(counts[i], null, hidden, 5), null));
            experienced += i < 5 ? counts[i] : 0;
        }
        return new QuarterlyReport.RatingRow(label, label, Cell.of(experienced + counts[5], null, false, 5),
                Cell.of(experienced, null, false, 5), cells, List.of(), hideFirst);
    }

    @Test
    void drawsOneBarPerAgencyWithItsShares() {
        String svg = DivergingChart.svg("Experience", List.of(row("Police", new long[] {13, 16, 8, 15, 9, 7}, false)), "t");

        assertThat(svg).startsWith("<svg").contains("role=\"img\"", "aria-describedby=\"t\"", "<title>Experience</title>", ">Police<");
        assertThat(svg.split("<rect").length - 1).as("five segments and five legend keys").isEqualTo(10);
        assertThat(svg).contains(">21%<", ">26%<", ">25%<"); // 13, 16 and 15 of 61 with experience
    }

    @Test
    void aRowWithHiddenFiguresIsNotDrawn() {
        String svg = DivergingChart.svg("Experience", List.of(row("MARAC", new long[] {2, 2, 2, 0, 0, 9}, true)), null);

        assertThat(svg).contains("Not drawn: small numbers");
        assertThat(svg.split("<rect").length - 1).as("legend only").isEqualTo(5);
    }

    @Test
    void labelsAreEscaped() {
        String svg = DivergingChart.svg("A&E <report>", List.of(row("A&E", new long[] {5, 5, 5, 5, 5, 5}, false)), null);

        assertThat(svg).contains("A&amp;E &lt;report&gt;", ">A&amp;E<").doesNotContain("<report>");
    }
}
