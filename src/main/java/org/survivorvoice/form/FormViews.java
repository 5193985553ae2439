package org.survivorvoice.form;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.codebook.Theme;
import org.survivorvoice.response.AnswerError;
import org.survivorvoice.survey.Agencies;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.Scale5;
import org.survivorvoice.survey.Section;

/** Builds what the question components render from a section, the values to show and the errors. */
@Component
public class FormViews {

    private static final int TEXT_LIST_SPARE_BOXES = 3;

    private final MessageSource messages;
    private final Codebook codebook;
    private final Agencies agencies;

    FormViews(MessageSource messages, Codebook codebook, InstrumentCatalogue catalogue) {
        this.messages = messages;
        this.codebook = codebook;
        this.agencies = catalogue.agencies();
    }

    public FormAnswers answers() {
        return new FormAnswers(codebook);
    }

    public List<SectionView> sections(Collection<Section> sections, MultiValueMap<String, String> values,
                                      Map<String, String> errors, Locale locale) {
        return sections.stream().map(section -> section(section, values, errors, locale)).toList();
    }

    public SectionView section(Section section, MultiValueMap<String, String> values, Map<String, String> errors, Locale locale) {
        String agencyDescription = section.agency() == null ? null
                : agencies.agency(section.agency()).map(a -> a.description()).orElse(null);
        return new SectionView(section.id(), section.title(), section.intro(), agencyDescription,
                section.questions().stream().map(q -> question(q, values, errors.get(q.id()), locale)).toList());
    }

    /** The first message for each question, in the page's language. */
    public Map<String, String> messagesByQuestion(List<AnswerError> errors, Locale locale) {
        Map<String, String> byQuestion = new LinkedHashMap<>();
        errors.forEach(error -> byQuestion.putIfAbsent(error.questionId(), messages.getMessage(error, locale)));
        return byQuestion;
    }

    public List<ErrorSummaryItem> summary(Map<String, String> errorsByQuestion) {
        return errorsByQuestion.entrySet().stream().map(e -> new ErrorSummaryItem("#" + e.getKey(), e.getValue())).toList();
    }

    private QuestionView question(Question q, MultiValueMap<String, String> values, String error, Locale locale) {
        List<String> given = values.getOrDefault(q.id(), List.of());
        String first = given.isEmpty() ? null : given.get(0);
        return switch (q.type()) {
            case SCALE5 -> choices(q, error, scale5Choices(q, first, locale), false);
            case SINGLE -> choices(q, error, optionChoices(q, given), false);
            case YES_NO -> choices(q, error, List.of(
                    new QuestionView.ChoiceView(q.id(), "yes", messages.getMessage("answer.yes", null, locale), "yes".equals(first), false),
                    new QuestionView.ChoiceView(q.id() + "-no", "no", messages.getMessage("answer.no", null, locale), "no".equals(first), false)),
                    true);
            case MULTI -> new QuestionView(q.id(), q.text(), q.hint(), q.required(), error,
                    false, true, false, false, false, false, false,
                    optionChoices(q, given), null, null, null, null, List.of(), List.of(), 0, false);
            case TEXT -> new QuestionView(q.id(), q.text(), q.hint(), q.required(), error,
                    false, false, true, false, false, false, false,
                    List.of(), first, null, null, null, List.of(), List.of(), q.maxLength(), false);
            case NUMBER -> new QuestionView(q.id(), q.text(), q.hint(), q.required(), error,
                    false, false, false, false, true, false, false,
                    List.of(), first, null, null, null, List.of(), List.of(), 0, false);
            case DATE -> new QuestionView(q.id(), q.text(), q.hint(), q.required(), error,
                    false, false, false, true, false, false, false,
                    List.of(), null, values.getFirst(q.id() + "-day"), values.getFirst(q.id() + "-month"),
                    values.getFirst(q.id() + "-year"), List.of(), List.of(), 0, false);
            case THEMES -> new QuestionView(q.id(), q.text(), q.hint(), q.required(), error,
                    false, false, false, false, false, true, false,
                    List.of(), null, null, null, null, themeChoices(q, values), List.of(), Question.TEXT_LIMIT, false);
            case TEXT_LIST -> new QuestionView(q.id(), q.text(), q.hint(), q.required(), error,
                    false, false, false, false, false, false, true,
                    List.of(), null, null, null, null, List.of(), items(q, given), q.maxLength(), false);
        };
    }

    private static QuestionView choices(Question q, String error, List<QuestionView.ChoiceView> choices, boolean inline) {
        return new QuestionView(q.id(), q.text(), q.hint(), q.required(), error,
                true, false, false, false, false, false, false,
                choices, null, null, null, null, List.of(), List.of(), 0, inline);
    }

    private List<QuestionView.ChoiceView> scale5Choices(Question q, String chosen, Locale locale) {
        List<QuestionView.ChoiceView> choices = new ArrayList<>();
        for (Scale5 point : Scale5.values()) {
            choices.add(new QuestionView.ChoiceView(point.ordinal() == 0 ? q.id() : q.id() + "-" + point.value().replace('_', '-'),
                    point.value(), messages.getMessage("scale5." + point.value(), null, point.label(), locale),
                    point.value().equals(chosen), point == Scale5.NO_EXPERIENCE));
        }
        return choices;
    }

    private static List<QuestionView.ChoiceView> optionChoices(Question q, List<String> chosen) {
        List<QuestionView.ChoiceView> choices = new ArrayList<>();
        for (int i = 0; i < q.options().size(); i++) {
            var option = q.options().get(i);
            choices.add(new QuestionView.ChoiceView(i == 0 ? q.id() : q.id() + "-" + option.id(), option.id(), option.label(),
                    chosen.contains(option.id()), false));
        }
        return choices;
    }

    private List<QuestionView.ThemeChoiceView> themeChoices(Question q, MultiValueMap<String, String> values) {
        List<String> ticked = values.getOrDefault(q.id(), List.of());
        List<QuestionView.ThemeChoiceView> choices = new ArrayList<>();
        List<Theme> themes = codebook.themes();
        for (int i = 0; i < themes.size(); i++) {
            Theme theme = themes.get(i);
            String findingName = FormAnswers.findingField(q.id(), theme.id());
            String finding = values.getFirst(findingName);
            choices.add(new QuestionView.ThemeChoiceView(i == 0 ? q.id() : q.id() + "-" + theme.id(), theme.id(), theme.label(),
                    theme.description(), ticked.contains(theme.id()) || (finding != null && !finding.isBlank()),
                    findingName, findingName, finding));
        }
        return choices;
    }

    private static List<QuestionView.ItemView> items(Question q, List<String> given) {
        List<String> kept = given.stream().filter(v -> v != null && !v.isBlank()).toList();
        int boxes = Math.min(Question.LIST_LIMIT, kept.size() + TEXT_LIST_SPARE_BOXES);
        List<QuestionView.ItemView> items = new ArrayList<>();
        for (int i = 0; i < boxes; i++) {
            items.add(new QuestionView.ItemView(i == 0 ? q.id() : q.id() + "-" + (i + 1), i + 1, i < kept.size() ? kept.get(i) : null));
        }
        return items;
    }
}
