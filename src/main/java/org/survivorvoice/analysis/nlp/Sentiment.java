package org.survivorvoice.analysis.nlp;

import java.util.Arrays;
import java.util.Optional;

/** The five-point scale of the interview, as a comment's tone. */
public enum Sentiment {
    VERY_NEGATIVE, NEGATIVE, NEUTRAL, POSITIVE, VERY_POSITIVE;

    /** {@code very_negative} … {@code very_positive}, as in labelled files, the API and storage. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String label() {
        String spaced = value().replace('_', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    public Polarity polarity() {
        return switch (this) {
            case VERY_NEGATIVE, NEGATIVE -> Polarity.NEGATIVE;
            case NEUTRAL -> Polarity.NEUTRAL;
            case POSITIVE, VERY_POSITIVE -> Polarity.POSITIVE;
        };
    }

    /** 0 (very negative) to 4 (very positive), as CoreNLP numbers its sentiment classes. */
    public int index() {
        return ordinal();
    }

    public static Sentiment ofIndex(int index) {
        return values()[Math.max(0, Math.min(4, index))];
    }

    public static Optional<Sentiment> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value().equals(value)).findFirst();
    }

    public enum Polarity { NEGATIVE, NEUTRAL, POSITIVE }
}
