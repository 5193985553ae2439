package org.survivorvoice.form;

import java.util.List;

/**
 * One question as the Mustache components draw it. Exactly one of the type flags is true; the
 * first focusable element always has the id {@link #id()}, which error summaries link to.
 */
public record QuestionView(
        String id,
        String text,
        String hint,
        boolean required,
        String error,
        boolean radios,
        boolean checkboxes,
        boolean textarea,
        boolean date,
        boolean number,
        boolean themes,
        boolean textList,
        List<ChoiceView> choices,
        String value,
        String day,
        String month,
        String year,
        List<ThemeChoiceView> themeChoices,
        List<ItemView> items,
        int maxLength,
        boolean inline) {

    /** A radio button or checkbox. */
    public record ChoiceView(String elementId, String value, String label, boolean checked, boolean dividerBefore) {
    }

    /** A codebook theme to tick, with its finding box. */
    public record ThemeChoiceView(String elementId, String value, String label, String description, boolean checked,
                                  String findingId, String findingName, String finding) {
    }

    /** One box of a text list. */
    public record ItemView(String elementId, int number, String value) {
    }

    public boolean hasError() {
        return error != null;
    }

    /** The ids of the hint and the error message, for {@code aria-describedby}; empty when neither shows. */
    public String describedBy() {
        String hintId = hint != null ? id + "-hint" : null;
        String errorId = error != null ? id + "-error" : null;
        String countId = maxLength > 0 && textarea ? id + "-info" : null;
        return java.util.stream.Stream.of(hintId, errorId, countId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** Questions drawn as a fieldset with a legend (groups of inputs). */
    public boolean fieldset() {
        return radios || checkboxes || date || themes || textList;
    }
}
