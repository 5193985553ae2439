package org.survivorvoice.quote;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.survivorvoice.analysis.Comment;
import org.survivorvoice.analysis.nlp.Sentiment;

/** Whether a report lists a quote among the positive or the negative examples (or neither). */
public enum Tone {
    POSITIVE, NEGATIVE, NEUTRAL;

    /** {@code positive}, {@code negative} or {@code neutral}, as stored and posted. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return name().charAt(0) + value().substring(1);
    }

    public static Optional<Tone> fromValue(String value) {
        return Arrays.stream(values()).filter(t -> t.value().equals(value)).findFirst();
    }

    /** From the comment's effective tone: (very) positive is positive, (very) negative is negative, anything else neutral. */
    public static Tone of(Comment.Labels effective) {
        return Optional.ofNullable(effective).flatMap(labels -> Sentiment.fromValue(labels.sentiment()))
                .map(sentiment -> switch (sentiment.polarity()) {
                    case POSITIVE -> POSITIVE;
                    case NEGATIVE -> NEGATIVE;
                    case NEUTRAL -> NEUTRAL;
                })
                .orElse(NEUTRAL);
    }
}
