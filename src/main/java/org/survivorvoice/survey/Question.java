package org.survivorvoice.survey;

import java.util.List;
import java.util.Optional;

/**
 * One question of an instrument.
 *
 * @param agency    the agency this question is about (from its section), or null
 * @param options   for {@code single} and {@code multi}; empty otherwise
 * @param min       for {@code number}
 * @param max       for {@code number}
 * @param maxOf     for {@code number}: id of an earlier number question whose answer caps this one, or null
 * @param maxLength for free text: the most characters an answer (or item) may have
 * @param measure   what the question means for reports, or null
 */
public record Question(
        String id,
        QuestionType type,
        String text,
        String hint,
        boolean required,
        String agency,
        List<Option> options,
        int min,
        int max,
        String maxOf,
        int maxLength,
        Measure measure) {

    public static final int TEXT_LIMIT = 5000;
    public static final int LIST_LIMIT = 20;

    public Question {
        options = List.copyOf(options);
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /** A scale5 question in an agency section is that agency's rating. */
    public boolean isAgencyRating() {
        return agency != null && type == QuestionType.SCALE5;
    }

    /** A text question in an agency section is the comment about that agency. */
    public boolean isAgencyComment() {
        return agency != null && type == QuestionType.TEXT;
    }
}
