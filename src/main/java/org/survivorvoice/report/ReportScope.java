package org.survivorvoice.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.survivorvoice.survey.Agencies;
import org.survivorvoice.survey.Agency;
import org.survivorvoice.survey.OperationalGroup;

/**
 * What one reader may see: the agencies, themes and topics in the remit of their operational
 * groups. Officers and administrators see everything, including comment-level lists.
 *
 * @param label     what the report is for ("All agencies", "Housing", …)
 * @param everything whether this is the full report (officer, administrator)
 */
public record ReportScope(String label, Set<String> agencies, Set<String> themes, Set<String> topics, boolean everything) {

    public ReportScope {
        agencies = Set.copyOf(agencies);
        themes = Set.copyOf(themes);
        topics = Set.copyOf(topics);
    }

    public static ReportScope everything(Agencies agencies, List<String> allThemes) {
        return new ReportScope("All agencies", agencies.all().stream().map(Agency::id).collect(java.util.stream.Collectors.toSet()),
                Set.copyOf(allThemes), OperationalGroup.TOPICS, true);
    }

    /** The union of some groups' remits. */
    public static ReportScope of(List<OperationalGroup> groups) {
        Set<String> agencies = new LinkedHashSet<>();
        Set<String> themes = new LinkedHashSet<>();
        Set<String> topics = new LinkedHashSet<>();
        groups.forEach(group -> {
            agencies.addAll(group.agencies());
            themes.addAll(group.themes());
            topics.addAll(group.topics());
        });
        String label = String.join(", ", groups.stream().map(OperationalGroup::label).toList());
        return new ReportScope(label.isEmpty() ? "No group" : label, agencies, themes, topics, false);
    }

    public boolean includes(String agency) {
        return agencies.contains(agency);
    }
}
