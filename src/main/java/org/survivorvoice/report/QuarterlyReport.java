package org.survivorvoice.report;

import java.util.List;

/**
 * A quarterly report as every format shows it (HTML, CSV, PDF, JSON): disclosure control has
 * already been applied, so nothing here can give a small count away.
 *
 * @param quarters  the quarters the report covers, oldest first
 * @param channel   {@code all}, {@code interview} or {@code anonymous-form}
 * @param backlog   updates not yet counted when the report was made (0 when it is up to date)
 */
public record QuarterlyReport(
        String from,
        String to,
        String periodLabel,
        List<String> quarters,
        String previousLabel,
        String channel,
        ReportScope scope,
        int threshold,
        List<RatingRow> ratings,
        Marac marac,
        Barriers barriers,
        List<YesNo> outcomes,
        List<SentimentRow> sentiment,
        List<AgencyThemes> themes,
        List<ThemeLine> remitThemes,
        int backlog) {

    /** The largest count that is hidden (one below the threshold). */
    public int largestHidden() {
        return threshold - 1;
    }

    /** One of the six answers of an agency's rating. */
    public record RatingCell(String value, String label, Cell cell, Integer percentOfExperienced) {
    }

    /**
     * One agency's ratings. {@code experienced} is the base of {@code percentOfExperienced}; when
     * it is hidden, so are those percentages.
     *
     * @param covered the quarters of the period in which the agency was asked about
     */
    public record RatingRow(String agency, String label, Cell base, Cell experienced, List<RatingCell> cells, List<String> covered,
                            boolean anySuppressed) {

        /** The quarters covered, short: "2015/16 Q2, Q3, Q4"; "none" when the agency was not asked. */
        public String coveredText() {
            StringBuilder text = new StringBuilder();
            String year = null;
            for (String quarter : covered) {
                String[] parts = quarter.split("-");
                text.append(text.isEmpty() ? "" : ", ").append(parts[0].equals(year) ? "" : parts[0] + " ").append(parts[1]);
                year = parts[0];
            }
            return text.isEmpty() ? "none" : text.toString();
        }

        /** The five answers of those with experience (without "no experience"). */
        public List<RatingCell> experiencedCells() {
            return cells.subList(0, 5);
        }

        public RatingCell cell(String value) {
            return cells.stream().filter(c -> c.value().equals(value)).findFirst().orElseThrow();
        }
    }

    /** A yes/no question: how many were asked, said yes, said no. */
    public record YesNo(String measure, String label, Cell base, Cell yes, Cell no) {
    }

    public record Marac(YesNo referred, YesNo madeAware) {
    }

    public record OptionCount(String option, String label, Cell cell) {
    }

    public record Barriers(YesNo any, List<OptionCount> named) {
    }

    public record SentimentCell(String value, String label, Cell cell) {
    }

    /**
     * The tone of one agency's analysed comments, next to its ratings.
     *
     * @param comments     comments given (analysed or not)
     * @param analysed     comments with a sentiment (the base of the shares)
     * @param contradicting comments whose tone is the opposite of the client's rating
     */
    public record SentimentRow(String agency, String label, Cell comments, Cell analysed, List<SentimentCell> cells, Cell contradicting) {
    }

    /**
     * @param change change in share against the previous period, in percentage points (null when
     *               either period's figure is hidden or absent)
     */
    public record ThemeLine(String theme, String label, Cell cell, Integer previousShare, Integer change) {

        public String changeText() {
            if (change == null) {
                return "";
            }
            return change > 0 ? "+" + change : String.valueOf(change);
        }
    }

    public record AgencyThemes(String agency, String label, Cell analysed, List<ThemeLine> themes) {
    }
}
