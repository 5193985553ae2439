package org.survivorvoice.survey;

import java.util.Arrays;
import java.util.Optional;

/** How feedback reached the service; reports show and filter by it. */
public enum Channel {
    INTERVIEW("interview", "One-to-one interview"),
    ANONYMOUS_FORM("anonymous-form", "Anonymous form"),
    FOCUS_GROUP("focus-group", "Focus group");

    private final String id;
    private final String label;

    Channel(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Optional<Channel> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
