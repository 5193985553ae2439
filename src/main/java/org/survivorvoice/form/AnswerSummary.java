package org.survivorvoice.form;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.Scale5;
import org.survivorvoice.survey.Section;

/** Answers as people read them (labels, not ids), section by section, for "check your answers" and record pages. */
@Component
public class AnswerSummary {

    private final MessageSource messages;
    private final Codebook codebook;

    AnswerSummary(MessageSource messages, Codebook codebook) {
        this.messages = messages;
        this.codebook = codebook;
    }

    /**
     * One row of a summary list.
     *
     * @param notes what else the page shows about the answer (the analysis of a comment); may be empty
     */
    public record Row(String question, List<String> lines, boolean answered, String changeHref, String changeLabel, List<?> notes) {

        public boolean hasNotes() {
            return !notes.isEmpty();
        }
    }

    public record SectionSummary(String id, String title, List<Row> rows) {
    }

    /** @param changeBase link prefix for "Change" (the section id is appended), or null for none */
    public List<SectionSummary> summarise(Instrument instrument, Map<String, ?> answers, String changeBase, Locale locale) {
        return summarise(instrument, answers, changeBase, locale, questionId -> List.of());
    }

    /** @param notes for a question id, what to show beside its answer */
    public List<SectionSummary> summarise(Instrument instrument, Map<String, ?> answers, String changeBase, Locale locale,
                                          java.util.function.Function<String, List<?>> notes) {
        List<SectionSummary> sections = new ArrayList<>();
        for (Section section : instrument.sections()) {
            List<Row> rows = new ArrayList<>();
            for (Question q : section.questions()) {
                Object value = answers.get(q.id());
                List<String> lines = value == null ? List.of(messages.getMessage("answer.not-answered", null, locale)) : lines(q, value, answers, locale);
                rows.add(new Row(q.text(), lines, value != null,
                        changeBase == null ? null : changeBase + section.id() + "#" + q.id(), q.text(), notes.apply(q.id())));
            }
            sections.add(new SectionSummary(section.id(), section.title(), rows));
        }
        return sections;
    }

    private List<String> lines(Question q, Object value, Map<String, ?> answers, Locale locale) {
        return switch (q.type()) {
            case SCALE5 -> List.of(Scale5.fromValue(String.valueOf(value))
                    .map(s -> messages.getMessage("scale5." + s.value(), null, s.label(), locale)).orElse(String.valueOf(value)));
            case SINGLE -> List.of(q.option(String.valueOf(value)).map(o -> o.label()).orElse(String.valueOf(value)));
            case MULTI -> ((List<?>) value).stream().map(id -> q.option(String.valueOf(id)).map(o -> o.label()).orElse(String.valueOf(id))).toList();
            case YES_NO -> List.of(messages.getMessage("answer." + value, null, String.valueOf(value), locale));
            case DATE -> List.of(LocalDate.parse(String.valueOf(value)).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)));
            case NUMBER -> List.of(q.maxOf() != null && answers.get(q.maxOf()) != null
                    ? messages.getMessage("answer.number.of", new Object[] {value, answers.get(q.maxOf())}, value + " of " + answers.get(q.maxOf()), locale)
                    : String.valueOf(value));
            case TEXT -> String.valueOf(value).lines().toList();
            case TEXT_LIST -> ((List<?>) value).stream().map(String::valueOf).toList();
            case THEMES -> ((List<?>) value).stream().map(item -> {
                Map<?, ?> theme = (Map<?, ?>) item;
                String label = codebook.theme(String.valueOf(theme.get("theme"))).map(t -> t.label()).orElse(String.valueOf(theme.get("theme")));
                return label + ": " + theme.get("finding");
            }).toList();
        };
    }
}
