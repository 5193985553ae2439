package org.survivorvoice.survey;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The interview's five-point scale, plus "no experience", as stored and as sent over the API. */
public enum Scale5 {
    VERY_POSITIVE("Very positive"),
    POSITIVE("Positive"),
    NEUTRAL("Neutral"),
    NEGATIVE("Negative"),
    VERY_NEGATIVE("Very negative"),
    NO_EXPERIENCE("No experience");

    private final String label;

    Scale5(String label) {
        this.label = label;
    }

    /** {@code very_positive} … {@code no_experience}. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public static Optional<Scale5> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }

    public static String allValues() {
        return Arrays.stream(values()).map(Scale5::value).collect(Collectors.joining(", "));
    }
}
