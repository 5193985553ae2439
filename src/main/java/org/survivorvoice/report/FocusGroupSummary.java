package org.survivorvoice.report;

import java.util.List;

/**
 * One focus group as the report shows it: numbered key themes with the officer's findings, and
 * the outcome tallies ("4 of 5 felt believed"). These are the officer's own summaries of a group
 * the participants sat in together, not individual answers, and go to the group's operational
 * group as the focus group report does today.
 */
public record FocusGroupSummary(String day, String quarter, String area, String areaLabel, Integer participants, List<Finding> findings,
                                List<Tally> tallies) {

    public record Finding(int number, String theme, String themeLabel, String finding) {
    }

    public record Tally(String measure, int count, Integer of, String label) {

        public String text() {
            return of == null ? count + " " + label : count + " of " + of + " " + label;
        }
    }
}
