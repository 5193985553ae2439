package org.survivorvoice.report;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * A diverging stacked bar chart of agencies' ratings as server-rendered SVG: negative answers to
 * the left of the centre line, positive to the right, neutral split across it; shares of those
 * with experience. Each segment of 8% or more carries its figure, a legend names the colours, and
 * the colours keep apart in greyscale, so it reads on paper. A row with any hidden figure is not
 * drawn (its shape would give the hidden counts away); it says so instead. The chart is a picture
 * of the table beside it, which screen readers read instead.
 */
final class DivergingChart {

    private static final int LABEL_WIDTH = 260;
    private static final int HALF = 230;
    private static final int ROW = 30;
    private static final int BAR = 20;
    private static final int TOP = 40;
    private static final String[] COLOURS = {"#08519c", "#6baed6", "#bdbdbd", "#fc8d59", "#b30000"};
    private static final String[] TEXT = {"#ffffff", "#0b0c0c", "#0b0c0c", "#0b0c0c", "#ffffff"};
    private static final String[] NAMES = {"Very positive", "Positive", "Neutral", "Negative", "Very negative"};

    private DivergingChart() {
    }

    static String svg(String title, List<QuarterlyReport.RatingRow> rows, String describedBy) {
        int width = LABEL_WIDTH + 2 * HALF + 20;
        int height = TOP + rows.size() * ROW + 50;
        int centre = LABEL_WIDTH + HALF;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-chart\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\""
                        + " aria-label=\"%s\"%s font-family=\"Arial, Helvetica, sans-serif\" font-size=\"12\">",
                width, height, width, height, esc(title), describedBy == null ? "" : " aria-describedby=\"" + esc(describedBy) + "\""));
        svg.append("<title>").append(esc(title)).append("</title>");
        for (int tick = -100; tick <= 100; tick += 50) {
            double x = centre + tick * HALF / 100.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1\"/>",
                    x, TOP - 6, x, TOP + rows.size() * ROW, tick == 0 ? "#0b0c0c" : "#d8d8d8"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#505a5f\">%d%%</text>",
                    x, TOP - 10, Math.abs(tick)));
        }
        for (int r = 0; r < rows.size(); r++) {
            row(svg, rows.get(r), TOP + r * ROW, centre);
        }
        legend(svg, TOP + rows.size() * ROW + 20);
        return svg.append("</svg>").toString();
    }

    private static void row(StringBuilder svg, QuarterlyReport.RatingRow row, int y, int centre) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#0b0c0c\">%s</text>",
                LABEL_WIDTH - 8, y + BAR - 5, esc(row.label())));
        boolean drawable = !row.anySuppressed() && row.experienced().count() != null && row.experienced().count() > 0;
        if (!drawable) {
            String why = row.anySuppressed() ? "Not drawn: small numbers" : "No one with experience";
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#505a5f\" font-style=\"italic\">%s</text>",
                    LABEL_WIDTH + 4, y + BAR - 5, why));
            return;
        }
        double[] share = new double[5];
        long experienced = row.experienced().count();
        for (int i = 0; i < 5; i++) {
            share[i] = row.cells().get(i).cell().count() * 100.0 / experienced;
        }
        double scale = HALF / 100.0;
        // right of centre: half the neutral share, positive, very positive
        double x = centre + share[2] / 2 * scale;
        x = segment(svg, x, y, share[1], 1, scale, false);
        segment(svg, x, y, share[0], 0, scale, false);
        // left of centre: half the neutral share, negative, very negative
        double left = centre - share[2] / 2 * scale;
        left = segment(svg, left, y, share[3], 3, scale, true);
        segment(svg, left, y, share[4], 4, scale, true);
        segment(svg, centre - share[2] / 2 * scale, y, share[2], 2, scale, false);
    }

    /** Draws one segment from {@code x} (leftwards if {@code leftwards}); returns its far end. */
    private static double segment(StringBuilder svg, double x, int y, double share, int colour, double scale, boolean leftwards) {
        double w = share * scale;
        double start = leftwards ? x - w : x;
        if (w > 0) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"1\"/>",
                    start, y, w, BAR, COLOURS[colour]));
            if (share >= 8) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"%s\">%d%%</text>",
                        start + w / 2, y + BAR - 6, TEXT[colour], Math.round(share)));
            }
        }
        return leftwards ? x - w : x + w;
    }

    private static void legend(StringBuilder svg, int y) {
        int x = LABEL_WIDTH;
        for (int i = 4; i >= 0; i--) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, y, COLOURS[i]));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#0b0c0c\">%s</text>", x + 16, y + 10, NAMES[i]));
            x += 16 + NAMES[i].length() * 7 + 14;
        }
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
