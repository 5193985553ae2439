package org.survivorvoice.survey;

import java.util.List;

/**
 * A partnership group that reads the feedback in its remit.
 *
 * @param topics cross-cutting topics in the remit: {@code barriers}, {@code harmful-practices}, {@code exploitation}
 */
public record OperationalGroup(String id, String label, List<String> agencies, List<String> themes, List<String> topics) {

    public static final java.util.Set<String> TOPICS = java.util.Set.of("barriers", "harmful-practices", "exploitation");

    public OperationalGroup {
        agencies = List.copyOf(agencies);
        themes = List.copyOf(themes);
        topics = List.copyOf(topics);
    }
}
