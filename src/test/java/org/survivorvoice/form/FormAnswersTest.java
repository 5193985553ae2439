package org.survivorvoice.form;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.response.AnswerValidator;
import org.survivorvoice.response.InvalidInput;
import org.survivorvoice.response.ValidatedAnswers;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.survey.Option;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.QuestionType;
import org.survivorvoice.survey.Scale5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Reading answers from posted HTML form fields, and writing stored answers back into fields. */
class FormAnswersTest {

    private static final Question WHEN = question("when", QuestionType.DATE);
    private static final Question COUNT = question("count", QuestionType.NUMBER);
    private static final Question BARRIERS = question("barriers", QuestionType.MULTI,
            new Option("money", "Money"), new Option("housing", "Housing"));
    private static final Question QUOTES = question("quotes", QuestionType.TEXT_LIST);
    private static final Question KEY_THEMES = question("key-themes", QuestionType.THEMES);

    private static Codebook codebook;
    private static InstrumentCatalogue catalogue;
    private static FormAnswers formAnswers;

    @BeforeAll
    static void readDefinitions() throws IOException {
        codebook = Codebook.parse("codebook.yaml", Files.readString(Path.of("nlp-models/codebook.yaml")));
        catalogue = InstrumentCatalogue.load("classpath:surveys/", codebook);
        formAnswers = new FormAnswers(codebook);
    }

    // ---------------------------------------------------------------- dates

    @Test
    void aDateIsReadFromItsThreeFields() {
        assertThat(readDate(" 5 ", "3", "2025")).isEqualTo("2025-03-05");
        assertThat(readDate("31", "12", "2025")).isEqualTo("2025-12-31");
        assertThat(readDate("29", "02", "2024")).isEqualTo("2024-02-29");
    }

    @Test
    void aDateWithAllThreeFieldsBlankIsNotAnAnswer() {
        assertThat(read(WHEN, form("when-day", "", "when-month", " ", "when-year", ""))).doesNotContainKey("when");
        assertThat(read(WHEN, form())).doesNotContainKey("when");
    }

    static Stream<Arguments> unreadableDates() {
        return Stream.of(
                arguments("", "3", "2025", "date.incomplete"),
                arguments("5", " ", "2025", "date.incomplete"),
                arguments("5", "3", "", "date.incomplete"),
                arguments("5", null, null, "date.incomplete"),
                arguments("31", "2", "2025", "date.parts"),
                arguments("29", "2", "2025", "date.parts"),
                arguments("5", "13", "2025", "date.parts"),
                arguments("0", "3", "2025", "date.parts"),
                arguments("5", "3", "25", "date.parts"),
                arguments("5", "3", "20255", "date.parts"),
                arguments("fifth", "3", "2025", "date.parts"),
                arguments("5", "March", "2025", "date.parts"));
    }

    @ParameterizedTest(name = "day {0} month {1} year {2} is {3}")
    @MethodSource("unreadableDates")
    void aDateThatCannotBeReadBecomesInvalidInput(String day, String month, String year, String code) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        if (day != null) {
            form.add("when-day", day);
        }
        if (month != null) {
            form.add("when-month", month);
        }
        if (year != null) {
            form.add("when-year", year);
        }

        assertThat(read(WHEN, form)).containsExactly(Map.entry("when", new InvalidInput(code)));
    }

    // ---------------------------------------------------------------- numbers

    static Stream<Arguments> numbers() {
        return Stream.of(
                arguments("12", 12),
                arguments(" 12 ", 12),
                arguments("1,200", 1200),
                arguments("0", 0),
                arguments("-3", -3),
                arguments("999,999,999", 999_999_999));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @MethodSource("numbers")
    void aNumberIsReadAsAnInteger(String typed, int number) {
        assertThat(read(COUNT, form("count", typed))).containsExactly(Map.entry("count", number));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"abc", "3.5", "12a", "1 200", "1234567890", "--3"})
    void aNumberThatCannotBeReadBecomesInvalidInput(String typed) {
        assertThat(read(COUNT, form("count", typed))).containsExactly(Map.entry("count", new InvalidInput("number.invalid")));
    }

    @Test
    void aBlankNumberIsNotAnAnswer() {
        assertThat(read(COUNT, form("count", "  "))).isEmpty();
        assertThat(read(COUNT, form())).isEmpty();
    }

    // ---------------------------------------------------------------- lists

    @Test
    void blankChoicesAndListItemsAreDropped() {
        MultiValueMap<String, String> form = form("barriers", "", "barriers", "housing", "barriers", " ",
                "quotes", "First", "quotes", "  ", "quotes", "", "quotes", "Second");

        assertThat(formAnswers.read(List.of(BARRIERS, QUOTES), form)).containsExactly(
                Map.entry("barriers", List.of("housing")), Map.entry("quotes", List.of("First", "Second")));
    }

    @Test
    void aListOfOnlyBlanksIsNotAnAnswer() {
        MultiValueMap<String, String> form = form("barriers", "", "quotes", " ", "quotes", "");

        assertThat(formAnswers.read(List.of(BARRIERS, QUOTES), form)).isEmpty();
    }

    // ---------------------------------------------------------------- themes

    @Test
    void aTickedThemeIsReadWithItsFinding() {
        MultiValueMap<String, String> form = form("key-themes", "timeliness", "key-themes--timeliness", "Waited too long.");

        assertThat(read(KEY_THEMES, form)).containsExactly(
                Map.entry("key-themes", List.of(Map.of("theme", "timeliness", "finding", "Waited too long."))));
    }

    @Test
    void aFindingTypedUnderAnUntickedThemeStillCounts() {
        MultiValueMap<String, String> form = form("key-themes", "risk-safety",
                "key-themes--risk-safety", "Nobody planned for her safety.",
                "key-themes--heard-believed", "She was not believed.",
                "key-themes--coordination", "   ");

        // In codebook order (heard-believed comes before risk-safety); a blank finding under an unticked theme is nothing.
        assertThat(read(KEY_THEMES, form)).containsExactly(Map.entry("key-themes", List.of(
                Map.of("theme", "heard-believed", "finding", "She was not believed."),
                Map.of("theme", "risk-safety", "finding", "Nobody planned for her safety."))));
    }

    @Test
    void aTickedThemeWithoutAFindingHasAnEmptyFinding() {
        MultiValueMap<String, String> form = form("key-themes", "timeliness", "key-themes", "giving-evidence",
                "key-themes--giving-evidence", "  ");

        assertThat(read(KEY_THEMES, form)).containsExactly(Map.entry("key-themes", List.of(
                Map.of("theme", "giving-evidence", "finding", "  "),
                Map.of("theme", "timeliness", "finding", ""))));
    }

    @Test
    void aTickedThemeThatIsNotInTheCodebookIsKeptForTheValidatorToReject() {
        MultiValueMap<String, String> form = form("key-themes", "weather", "key-themes", "timeliness",
                "key-themes--timeliness", "Slow.");

        assertThat(read(KEY_THEMES, form)).containsExactly(Map.entry("key-themes", List.of(
                Map.of("theme", "timeliness", "finding", "Slow."),
                Map.of("theme", "weather", "finding", ""))));
    }

    @Test
    void noThemeTickedAndNoFindingIsNotAnAnswer() {
        assertThat(read(KEY_THEMES, form("key-themes--timeliness", " "))).isEmpty();
        assertThat(read(KEY_THEMES, form())).isEmpty();
    }

    // ---------------------------------------------------------------- back to the form

    @Test
    void storedAnswersBecomeTheFieldsTheyCameFrom() {
        Map<String, Object> answers = Map.of(
                "when", "2025-03-05",
                "count", 12,
                "barriers", List.of("money", "housing"),
                "key-themes", List.of(Map.of("theme", "timeliness", "finding", "Slow.")));

        MultiValueMap<String, String> form = formAnswers.toForm(List.of(WHEN, COUNT, BARRIERS, KEY_THEMES), answers);

        assertThat(form).containsOnly(
                Map.entry("when-day", List.of("5")),
                Map.entry("when-month", List.of("3")),
                Map.entry("when-year", List.of("2025")),
                Map.entry("count", List.of("12")),
                Map.entry("barriers", List.of("money", "housing")),
                Map.entry("key-themes", List.of("timeliness")),
                Map.entry("key-themes--timeliness", List.of("Slow.")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"interview", "focus-group", "feedback"})
    void aFullSetOfValidAnswersSurvivesTheRoundTrip(String instrumentId) {
        Instrument instrument = catalogue.find(instrumentId).orElseThrow();
        Map<String, Object> answers = fullAnswers(instrument);
        ValidatedAnswers checked = new AnswerValidator(codebook, Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"),
                ZoneId.of("Europe/London"))).validateSubmission(instrument, answers);
        assertThat(checked.errors()).as("the test answers are valid").isEmpty();
        assertThat(checked.answers()).as("the test answers are normalised and answer every question").isEqualTo(answers)
                .containsOnlyKeys(instrument.questions().stream().map(Question::id).toList());

        Map<String, Object> roundTrip = formAnswers.read(instrument.questions(), formAnswers.toForm(instrument.questions(), answers));

        assertThat(roundTrip).isEqualTo(answers);
    }

    // ---------------------------------------------------------------- helpers

    /** A valid, already normalised answer to every question of {@code instrument}. */
    private static Map<String, Object> fullAnswers(Instrument instrument) {
        Map<String, Object> answers = new LinkedHashMap<>();
        int n = 0;
        for (Question q : instrument.questions()) {
            n++;
            Object answer = switch (q.type()) {
                case SCALE5 -> Scale5.values()[n % Scale5.values().length].value();
                case SINGLE -> q.options().get(q.options().size() - 1).id();
                case MULTI -> List.of(q.options().get(0).id(), q.options().get(2).id(), q.options().get(q.options().size() - 1).id());
                case YES_NO -> n % 2 == 0 ? "yes" : "no";
                case TEXT -> "Comment " + n + " on " + q.id() + ": “they didn’t listen”,\nthen – later – they did. الشرطة 😀";
                case DATE -> "2026-03-05";
                case NUMBER -> q.maxOf() == null ? 12 : n % 13;
                case THEMES -> List.of(
                        Map.of("theme", "heard-believed", "finding", "Several were not believed at first."),
                        Map.of("theme", "giving-evidence", "finding", "Cross-examination was the hardest part, one said."),
                        Map.of("theme", "children-family", "finding", "Child contact, again."));
                case TEXT_LIST -> List.of("“I had to tell my story five times.”", "They were kind, in the end.", "No-one\ncalled back.");
            };
            answers.put(q.id(), answer);
        }
        return answers;
    }

    private static Object readDate(String day, String month, String year) {
        return read(WHEN, form("when-day", day, "when-month", month, "when-year", year)).get("when");
    }

    private static Map<String, Object> read(Question question, MultiValueMap<String, String> form) {
        return formAnswers.read(List.of(question), form);
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private static Question question(String id, QuestionType type, Option... options) {
        return new Question(id, type, "Text of " + id, null, false, null, List.of(options), 0, 100_000, null,
                Question.TEXT_LIMIT, null);
    }
}
