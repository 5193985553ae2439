package org.survivorvoice.form;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.codebook.Theme;
import org.survivorvoice.response.InvalidInput;
import org.survivorvoice.survey.Question;

/**
 * Answers as HTML forms post them, and back. Field names: the question id; for a date
 * {@code <id>-day}, {@code <id>-month}, {@code <id>-year}; for a theme's finding
 * {@code <id>--<theme>} (ids never hold "--"). What cannot be read becomes an {@link InvalidInput}
 * for the validator to report.
 */
public final class FormAnswers {

    private final Codebook codebook;

    public FormAnswers(Codebook codebook) {
        this.codebook = codebook;
    }

    public static String findingField(String questionId, String themeId) {
        return questionId + "--" + themeId;
    }

    /** Plain answers (strings, lists, maps) for the validator, from the posted fields of {@code questions}. */
    public Map<String, Object> read(Collection<Question> questions, MultiValueMap<String, String> form) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question q : questions) {
            Object value = switch (q.type()) {
                case SCALE5, SINGLE, YES_NO, TEXT -> form.getFirst(q.id());
                case MULTI, TEXT_LIST -> nonBlank(form.get(q.id()));
                case NUMBER -> number(form.getFirst(q.id()));
                case DATE -> date(form.getFirst(q.id() + "-day"), form.getFirst(q.id() + "-month"), form.getFirst(q.id() + "-year"));
                case THEMES -> themes(q.id(), form);
            };
            if (value != null) {
                answers.put(q.id(), value);
            }
        }
        return answers;
    }

    /** The form fields that show stored answers again (a draft being resumed, a form sent back with errors). */
    public MultiValueMap<String, String> toForm(Collection<Question> questions, Map<String, ?> answers) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (Question q : questions) {
            Object value = answers.get(q.id());
            if (value == null) {
                continue;
            }
            switch (q.type()) {
                case MULTI, TEXT_LIST -> ((List<?>) value).forEach(item -> form.add(q.id(), String.valueOf(item)));
                case DATE -> {
                    LocalDate date = LocalDate.parse((String) value);
                    form.add(q.id() + "-day", String.valueOf(date.getDayOfMonth()));
                    form.add(q.id() + "-month", String.valueOf(date.getMonthValue()));
                    form.add(q.id() + "-year", String.valueOf(date.getYear()));
                }
                case THEMES -> ((List<?>) value).forEach(item -> {
                    Map<?, ?> theme = (Map<?, ?>) item;
                    form.add(q.id(), String.valueOf(theme.get("theme")));
                    form.add(findingField(q.id(), String.valueOf(theme.get("theme"))), String.valueOf(theme.get("finding")));
                });
                default -> form.add(q.id(), String.valueOf(value));
            }
        }
        return form;
    }

    private static List<String> nonBlank(List<String> values) {
        if (values == null) {
            return null;
        }
        List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).toList();
        return kept.isEmpty() ? null : kept;
    }

    private static Object number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.strip().replace(",", "");
        if (!digits.matches("-?\\d{1,9}")) {
            return new InvalidInput("number.invalid");
        }
        return Integer.parseInt(digits);
    }

    private static Object date(String day, String month, String year) {
        boolean dayBlank = day == null || day.isBlank();
        boolean monthBlank = month == null || month.isBlank();
        boolean yearBlank = year == null || year.isBlank();
        if (dayBlank && monthBlank && yearBlank) {
            return null;
        }
        if (dayBlank || monthBlank || yearBlank) {
            return new InvalidInput("date.incomplete");
        }
        try {
            if (!year.strip().matches("\\d{4}")) {
                return new InvalidInput("date.parts");
            }
            return LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip())).toString();
        } catch (NumberFormatException | DateTimeException e) {
            return new InvalidInput("date.parts");
        }
    }

    /**
     * Ticked themes with their findings. A finding typed under a theme that was not ticked still
     * counts (with JavaScript off every finding box shows, and losing the words would be worse).
     */
    private List<Map<String, String>> themes(String questionId, MultiValueMap<String, String> form) {
        List<String> ticked = form.getOrDefault(questionId, List.of());
        List<Map<String, String>> themes = new ArrayList<>();
        for (Theme theme : codebook.themes()) {
            String finding = form.getFirst(findingField(questionId, theme.id()));
            boolean hasFinding = finding != null && !finding.isBlank();
            if (ticked.contains(theme.id()) || hasFinding) {
                themes.add(Map.of("theme", theme.id(), "finding", finding == null ? "" : finding));
            }
        }
        ticked.stream().filter(id -> !codebook.contains(id)).forEach(id -> themes.add(Map.of("theme", id, "finding", "")));
        return themes.isEmpty() ? null : themes;
    }
}
