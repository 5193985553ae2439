package org.survivorvoice.response;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.survey.Option;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.QuestionType;
import org.survivorvoice.survey.Section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Every question type: what is accepted, how it is stored, and the one error each bad value gives. */
class AnswerValidatorTest {

    /** Monday 23 November 2026, midday in London. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneId.of("Europe/London"));

    private static final Question RATING = question("rating", QuestionType.SCALE5);
    private static final Question LANGUAGE = question("language", QuestionType.SINGLE,
            new Option("english", "English"), new Option("arabic", "Arabic"), new Option("other", "Other"));
    private static final Question BARRIERS = question("barriers", QuestionType.MULTI,
            new Option("money", "Money"), new Option("housing", "Housing"), new Option("language", "Language"));
    private static final Question BELIEVED = question("believed", QuestionType.YES_NO);
    private static final Question COMMENT = question("comment", QuestionType.TEXT);
    private static final Question INITIALS = withMaxLength(question("initials", QuestionType.TEXT), 10);
    private static final Question WHEN = question("when", QuestionType.DATE);
    private static final Question PARTICIPANTS = withRange(question("participants", QuestionType.NUMBER), 1, 30);
    private static final Question THEMES = question("themes", QuestionType.THEMES);
    private static final Question QUOTES = question("quotes", QuestionType.TEXT_LIST);

    private static Codebook codebook;
    private static AnswerValidator validator;

    @BeforeAll
    static void readCodebook() throws IOException {
        codebook = Codebook.parse("codebook.yaml", Files.readString(Path.of("nlp-models/codebook.yaml")));
        validator = new AnswerValidator(codebook, CLOCK);
    }

    // ---------------------------------------------------------------- valid answers

    static Stream<Arguments> validAnswers() {
        return Stream.of(
                args(RATING, "very_positive", "very_positive"),
                args(RATING, "no_experience", "no_experience"),
                args(LANGUAGE, "arabic", "arabic"),
                args(BARRIERS, List.of("language", "money"), List.of("money", "language")),
                args(BARRIERS, List.of("housing", "language", "money"), List.of("money", "housing", "language")),
                args(BARRIERS, List.of("housing"), List.of("housing")),
                args(BELIEVED, true, "yes"),
                args(BELIEVED, false, "no"),
                args(BELIEVED, "yes", "yes"),
                args(BELIEVED, "no", "no"),
                args(COMMENT, "  They kept me informed.\n ", "They kept me informed."),
                args(COMMENT, "Line one\r\nLine two\tand a tab", "Line one\r\nLine two\tand a tab"),
                args(COMMENT, "a".repeat(5000), "a".repeat(5000)),
                // 5000 characters, each outside the BMP (two UTF-16 units): counted as characters, not units
                args(COMMENT, "😀".repeat(5000), "😀".repeat(5000)),
                args(COMMENT, "الشرطة لم تستمع", "الشرطة لم تستمع"),
                args(INITIALS, " 0123456789 ", "0123456789"),
                args(WHEN, "2026-11-23", "2026-11-23"),
                args(WHEN, "2000-01-01", "2000-01-01"),
                args(WHEN, "2016-02-29", "2016-02-29"),
                args(PARTICIPANTS, 3, 3),
                args(PARTICIPANTS, 3.0, 3),
                args(PARTICIPANTS, 3L, 3),
                args(PARTICIPANTS, new BigDecimal("3.00"), 3),
                args(PARTICIPANTS, 1, 1),
                args(PARTICIPANTS, 30, 30),
                args(THEMES, List.of(theme("timeliness", "  Waited six hours.  ")),
                        List.of(Map.of("theme", "timeliness", "finding", "Waited six hours."))),
                // stored in codebook order, whatever order they came in
                args(THEMES, List.of(theme("risk-safety", "Felt unsafe."), theme("heard-believed", "Not believed.")),
                        List.of(Map.of("theme", "heard-believed", "finding", "Not believed."),
                                Map.of("theme", "risk-safety", "finding", "Felt unsafe."))),
                args(QUOTES, List.of("  First quote ", "   ", "", "Second quote"), List.of("First quote", "Second quote")),
                args(QUOTES, numbered(20), numbered(20)));
    }

    @ParameterizedTest(name = "{0} accepts {1}")
    @MethodSource("validAnswers")
    void aValidAnswerIsStoredInItsNormalForm(Question question, Object given, Object stored) {
        ValidatedAnswers result = validateOne(question, given, true);

        assertThat(result.errors()).isEmpty();
        assertThat(result.isValid()).isTrue();
        assertThat(result.answers()).containsExactly(Map.entry(question.id(), stored));
    }

    @Test
    void aNumberIsStoredAsAnInteger() {
        assertThat(validateOne(PARTICIPANTS, 3.0, true).answers().get("participants")).isInstanceOf(Integer.class);
        assertThat(validateOne(PARTICIPANTS, 3L, true).answers().get("participants")).isInstanceOf(Integer.class);
    }

    // ---------------------------------------------------------------- invalid answers

    static Stream<Arguments> invalidAnswers() {
        Map<String, String> extraKey = new LinkedHashMap<>(theme("timeliness", "Slow."));
        extraKey.put("colour", "red");
        List<Map<String, String>> everyThemeAndOneMore = new ArrayList<>();
        for (int i = 0; i <= 17; i++) {
            everyThemeAndOneMore.add(theme("timeliness", "Finding " + i));
        }
        return Stream.of(
                args(RATING, "good", "rating", "scale5.invalid"),
                args(RATING, "Very positive", "rating", "scale5.invalid"),
                args(RATING, 3, "rating", "scale5.invalid"),
                args(LANGUAGE, "french", "language", "option.invalid"),
                args(LANGUAGE, List.of("arabic"), "language", "option.invalid"),
                args(BARRIERS, "money", "barriers", "multi.type"),
                args(BARRIERS, List.of("money", "cars"), "barriers", "option.invalid"),
                args(BARRIERS, List.of("money", 3), "barriers", "option.invalid"),
                args(BARRIERS, List.of("money", "housing", "money"), "barriers", "multi.duplicate"),
                args(BELIEVED, "Yes", "believed", "yes-no.invalid"),
                args(BELIEVED, "true", "believed", "yes-no.invalid"),
                args(BELIEVED, 1, "believed", "yes-no.invalid"),
                args(COMMENT, 42, "comment", "text.type"),
                args(COMMENT, "a".repeat(5001), "comment", "text.too-long"),
                args(COMMENT, "😀".repeat(5001), "comment", "text.too-long"),
                args(INITIALS, "01234567890", "initials", "text.too-long"),
                args(COMMENT, "a bell \u0007 rang", "comment", "text.control-characters"),
                args(COMMENT, "nul\u0000byte", "comment", "text.control-characters"),
                args(COMMENT, "escape \u001B[31m", "comment", "text.control-characters"),
                args(COMMENT, "delete \u007F here", "comment", "text.control-characters"),
                args(COMMENT, "next line \u0085 here", "comment", "text.control-characters"),
                args(COMMENT, "one-character escape \u009B31m", "comment", "text.control-characters"),
                args(COMMENT, "broken \uD83D text", "comment", "text.unreadable"),
                args(COMMENT, "not UTF-8 \uFFFD", "comment", "text.unreadable"),
                args(WHEN, "23/11/2026", "when", "date.invalid"),
                args(WHEN, "2026-11-23T10:00", "when", "date.invalid"),
                args(WHEN, "2026-02-29", "when", "date.invalid"),
                args(WHEN, 20261123, "when", "date.invalid"),
                args(WHEN, "2026-11-24", "when", "date.future"),
                args(WHEN, "2031-01-01", "when", "date.future"),
                args(WHEN, "1999-12-31", "when", "date.too-early"),
                args(PARTICIPANTS, 3.5, "participants", "number.invalid"),
                args(PARTICIPANTS, "3", "participants", "number.invalid"),
                args(PARTICIPANTS, true, "participants", "number.invalid"),
                args(PARTICIPANTS, Double.NaN, "participants", "number.invalid"),
                args(PARTICIPANTS, 1e20, "participants", "number.invalid"),
                args(PARTICIPANTS, 0, "participants", "number.range"),
                args(PARTICIPANTS, 31, "participants", "number.range"),
                args(PARTICIPANTS, 31.0, "participants", "number.range"),
                args(PARTICIPANTS, -2, "participants", "number.range"),
                args(THEMES, "timeliness", "themes", "themes.type"),
                args(THEMES, List.of("timeliness"), "themes[0]", "themes.type"),
                args(THEMES, List.of(extraKey), "themes[0]", "themes.type"),
                args(THEMES, List.of(theme("weather", "Rained.")), "themes[0].theme", "themes.unknown"),
                args(THEMES, List.of(Map.of("finding", "No theme.")), "themes[0].theme", "themes.unknown"),
                args(THEMES, List.of(theme("timeliness", "Slow."), theme("timeliness", "Very slow.")),
                        "themes[1].theme", "themes.duplicate"),
                args(THEMES, everyThemeAndOneMore, "themes", "themes.duplicate"),
                args(THEMES, List.of(theme("timeliness", "Slow."), Map.of("theme", "risk-safety")),
                        "themes[1].finding", "themes.finding-required"),
                args(THEMES, List.of(theme("timeliness", "   ")), "themes[0].finding", "themes.finding-required"),
                args(THEMES, List.of(theme("timeliness", "a".repeat(5001))), "themes[0].finding", "text.too-long"),
                args(THEMES, List.of(theme("timeliness", "bell\u0007")), "themes[0].finding", "text.control-characters"),
                args(QUOTES, "One quote", "quotes", "list.type"),
                args(QUOTES, numbered(21), "quotes", "list.too-many"),
                args(QUOTES, List.of("fine", 7), "quotes[1]", "list.type"),
                args(QUOTES, List.of("fine", "a".repeat(5001)), "quotes[1]", "text.too-long"),
                args(QUOTES, List.of("bell\u0007", "fine"), "quotes[0]", "text.control-characters"));
    }

    @ParameterizedTest(name = "{0} rejects {1} with {2} {3}")
    @MethodSource("invalidAnswers")
    void anInvalidAnswerGivesExactlyOneError(Question question, Object given, String field, String code) {
        ValidatedAnswers result = validateOne(question, given, true);

        assertThat(result.errors()).extracting(AnswerError::field, AnswerError::code).containsExactly(tuple(field, code));
        assertThat(result.errors().get(0).questionId()).isEqualTo(question.id());
        assertThat(result.answers()).isEmpty();
        assertThat(result.isValid()).isFalse();
    }

    @Test
    void errorsCarryTheArgumentsTheirMessagesNeed() {
        assertThat(validateOne(WHEN, "1999-12-31", true).errors().get(0).getArguments()).containsExactly("Text of when", 2000);
        assertThat(validateOne(PARTICIPANTS, 31, true).errors().get(0).getArguments()).containsExactly("Text of participants", 1, 30);
        assertThat(validateOne(QUOTES, numbered(21), true).errors().get(0).getArguments()).containsExactly("Text of quotes", 20);
        assertThat(validateOne(THEMES, List.of(Map.of("theme", "timeliness")), true).errors().get(0).getArguments())
                .containsExactly("Timeliness");
        assertThat(validateOne(INITIALS, "01234567890", true).errors().get(0).getCodes()).containsExactly("answer.text.too-long");
    }

    // ---------------------------------------------------------------- not given and required

    static Stream<Arguments> requiredCodes() {
        return Stream.of(
                args(RATING, "required.choose"),
                args(LANGUAGE, "required.choose"),
                args(BARRIERS, "required.choose"),
                args(BELIEVED, "required.choose"),
                args(THEMES, "required.choose"),
                args(COMMENT, "required.enter"),
                args(QUOTES, "required.enter"),
                args(PARTICIPANTS, "required.enter"),
                args(WHEN, "required.date"));
    }

    @ParameterizedTest(name = "a required {0} left out gives {1}")
    @MethodSource("requiredCodes")
    void aRequiredAnswerLeftOutGivesItsRequiredCode(Question optional, String code) {
        Question required = required(optional);
        for (Object nothing : blanks()) {
            ValidatedAnswers result = validateOne(required, nothing, true);

            assertThat(result.errors()).as("given %s", nothing)
                    .extracting(AnswerError::field, AnswerError::code).containsExactly(tuple(optional.id(), code));
            assertThat(result.errors().get(0).getArguments()).containsExactly("Text of " + optional.id());
            assertThat(result.answers()).isEmpty();
        }
    }

    @ParameterizedTest(name = "an optional {0} left out is no answer and no error")
    @MethodSource("requiredCodes")
    void anOptionalAnswerLeftOutIsSimplyNotThere(Question optional, String ignored) {
        for (Object nothing : blanks()) {
            ValidatedAnswers result = validateOne(optional, nothing, true);

            assertThat(result.errors()).as("given %s", nothing).isEmpty();
            assertThat(result.answers()).as("given %s", nothing).isEmpty();
        }
    }

    @ParameterizedTest(name = "a draft may leave the required {0} out")
    @MethodSource("requiredCodes")
    void aDraftMayLeaveRequiredAnswersOut(Question optional, String ignored) {
        ValidatedAnswers result = validateOne(required(optional), null, false);

        assertThat(result.errors()).isEmpty();
        assertThat(result.answers()).isEmpty();
    }

    @Test
    void noAndZeroAreAnswersToRequiredQuestions() {
        assertThat(validateOne(required(BELIEVED), false, true).answers()).containsExactly(Map.entry("believed", "no"));
        assertThat(validateOne(required(BELIEVED), false, true).errors()).isEmpty();
        Question count = required(question("count", QuestionType.NUMBER));
        assertThat(validateOne(count, 0, true).answers()).containsExactly(Map.entry("count", 0));
        assertThat(validateOne(count, 0, true).errors()).isEmpty();
    }

    @Test
    void aTextListOfBlankItemsIsNotAnAnswer() {
        assertThat(validateOne(QUOTES, List.of(" ", "", "\n"), true).answers()).isEmpty();
        assertThat(validateOne(QUOTES, List.of(" ", "", "\n"), true).errors()).isEmpty();
        assertThat(validateOne(required(QUOTES), List.of(" ", "", "\n"), true).errors())
                .extracting(AnswerError::field, AnswerError::code).containsExactly(tuple("quotes", "required.enter"));
    }

    @Test
    void aDraftStillRejectsAnInvalidAnswerToARequiredQuestion() {
        ValidatedAnswers result = validateOne(required(WHEN), "2027-01-01", false);

        assertThat(result.errors()).extracting(AnswerError::field, AnswerError::code).containsExactly(tuple("when", "date.future"));
    }

    // ---------------------------------------------------------------- input that could not be read

    static Stream<Arguments> unreadableInput() {
        return Stream.of(
                args(PARTICIPANTS, "number.invalid"),
                args(required(PARTICIPANTS), "number.invalid"),
                args(WHEN, "date.parts"),
                args(required(WHEN), "date.incomplete"),
                args(COMMENT, "anything.at-all"));
    }

    @ParameterizedTest(name = "{0} holding InvalidInput({1})")
    @MethodSource("unreadableInput")
    void anInvalidInputPlaceholderIsReportedWithItsOwnCode(Question question, String code) {
        ValidatedAnswers result = validateOne(question, new InvalidInput(code), true);

        assertThat(result.errors()).extracting(AnswerError::field, AnswerError::code).containsExactly(tuple(question.id(), code));
        assertThat(result.errors().get(0).getArguments()).containsExactly(question.text());
        assertThat(result.answers()).isEmpty();
    }

    // ---------------------------------------------------------------- several questions

    @Test
    void validAnswersComeBackInQuestionOrderAndInvalidOnesAreLeftOut() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("participants", 4);
        raw.put("comment", " ok ");
        raw.put("when", "2030-01-01");
        raw.put("rating", "neutral");

        ValidatedAnswers result = validator.validate(List.of(RATING, WHEN, COMMENT, PARTICIPANTS), raw, true);

        assertThat(result.answers()).containsExactly(Map.entry("rating", "neutral"), Map.entry("comment", "ok"),
                Map.entry("participants", 4));
        assertThat(result.errors()).extracting(AnswerError::field, AnswerError::code).containsExactly(tuple("when", "date.future"));
    }

    @Test
    void validateOnlyLooksAtTheQuestionsItIsGiven() {
        Map<String, Object> raw = Map.of("rating", "positive", "comment", "not in scope", "stray", "ignored");

        ValidatedAnswers result = validator.validate(List.of(RATING), raw, true);

        assertThat(result.errors()).isEmpty();
        assertThat(result.answers()).containsExactly(Map.entry("rating", "positive"));
    }

    // ---------------------------------------------------------------- maxOf

    @Nested
    class MaxOf {

        private final Question total = question("total", QuestionType.NUMBER);
        private final Question part = withMaxOf(question("part", QuestionType.NUMBER), "total");

        @Test
        void aNumberMayEqualItsCap() {
            ValidatedAnswers result = validator.validate(List.of(total, part), Map.of("total", 5, "part", 5), true);

            assertThat(result.errors()).isEmpty();
            assertThat(result.answers()).containsExactly(Map.entry("total", 5), Map.entry("part", 5));
        }

        @Test
        void aNumberAboveItsCapIsRejected() {
            ValidatedAnswers result = validator.validate(List.of(total, part), Map.of("total", 5, "part", 6), true);

            assertThat(result.errors()).extracting(AnswerError::field, AnswerError::code).containsExactly(tuple("part", "number.max-of"));
            assertThat(result.errors().get(0).getArguments()).containsExactly("Text of part", 5L);
            assertThat(result.answers()).containsExactly(Map.entry("total", 5));
        }

        @Test
        void theCapIsTheNormalisedAnswerWhenTheCapWasGivenAsADecimal() {
            ValidatedAnswers result = validator.validate(List.of(total, part), Map.of("total", 5.0, "part", 6), true);

            assertThat(result.errors()).extracting(AnswerError::field, AnswerError::code).containsExactly(tuple("part", "number.max-of"));
        }

        @Test
        void theCapMayComeFromAnAnswerOutsideTheQuestionsBeingChecked() {
            Map<String, Object> raw = Map.of("total", 4, "part", 5);

            ValidatedAnswers result = validator.validate(List.of(part), raw, true);

            assertThat(result.errors()).extracting(AnswerError::field, AnswerError::code).containsExactly(tuple("part", "number.max-of"));
            assertThat(result.errors().get(0).getArguments()).containsExactly("Text of part", 4L);
            assertThat(result.answers()).isEmpty();
        }

        @Test
        void anAnswerWithinACapFromOutsideIsAcceptedAndTheCapIsNotCopiedIn() {
            ValidatedAnswers result = validator.validate(List.of(part), Map.of("total", 4, "part", 4), true);

            assertThat(result.errors()).isEmpty();
            assertThat(result.answers()).containsExactly(Map.entry("part", 4));
        }

        @Test
        void anInvalidCapCapsNothing() {
            ValidatedAnswers result = validator.validate(List.of(total, part), Map.of("total", 3.5, "part", 4), true);

            assertThat(result.errors()).extracting(AnswerError::field, AnswerError::code)
                    .containsExactly(tuple("total", "number.invalid"));
            assertThat(result.answers()).containsExactly(Map.entry("part", 4));
        }

        @Test
        void withNoCapGivenOnlyTheRangeApplies() {
            ValidatedAnswers result = validator.validate(List.of(total, part), Map.of("part", 99_999), true);

            assertThat(result.errors()).isEmpty();
            assertThat(result.answers()).containsExactly(Map.entry("part", 99_999));
        }

        @Test
        void theFocusGroupCountsAreCappedByTheParticipants() {
            Instrument focusGroup = catalogue().find("focus-group").orElseThrow();
            Section outcomes = focusGroup.section("outcomes").orElseThrow();
            Map<String, Object> draft = Map.of("focus-group-date", "2026-10-01", "area", "housing", "participants", 6,
                    "believed-count", 6, "safer-count", 7, "would-return-count", 0);

            ValidatedAnswers section = validator.validate(outcomes.questions(), draft, false);
            ValidatedAnswers whole = validator.validateSubmission(focusGroup, draft);

            assertThat(section.errors()).extracting(AnswerError::field, AnswerError::code)
                    .containsExactly(tuple("safer-count", "number.max-of"));
            assertThat(section.answers()).containsExactly(Map.entry("believed-count", 6), Map.entry("would-return-count", 0));
            assertThat(whole.errors()).extracting(AnswerError::field, AnswerError::code)
                    .containsExactly(tuple("safer-count", "number.max-of"));
        }
    }

    // ---------------------------------------------------------------- whole submissions

    @Nested
    class Submission {

        private final Instrument feedback = catalogue().find("feedback").orElseThrow();
        private final Instrument interview = catalogue().find("interview").orElseThrow();

        @Test
        void aValidSubmissionKeepsItsAnswersInInstrumentOrder() {
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("barriers", List.of("language", "not-knowing-where-to-go"));
            raw.put("police-rating", "negative");
            raw.put("felt-safer", true);

            ValidatedAnswers result = validator.validateSubmission(feedback, raw);

            assertThat(result.errors()).isEmpty();
            assertThat(result.answers()).containsExactly(Map.entry("police-rating", "negative"),
                    Map.entry("barriers", List.of("not-knowing-where-to-go", "language")), Map.entry("felt-safer", "yes"));
        }

        @Test
        void aKeyThatIsNoQuestionIsReported() {
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("police-rating", "positive");
            raw.put("favourite-colour", "blue");

            ValidatedAnswers result = validator.validateSubmission(feedback, raw);

            assertThat(result.errors()).extracting(AnswerError::field, AnswerError::code)
                    .containsExactly(tuple("favourite-colour", "unknown-question"));
            assertThat(result.answers()).containsExactly(Map.entry("police-rating", "positive"));
        }

        @Test
        void onlyUnknownKeysIsNotAlsoReportedAsEmpty() {
            ValidatedAnswers result = validator.validateSubmission(feedback, Map.of("police", "positive"));

            assertThat(result.errors()).extracting(AnswerError::field, AnswerError::code)
                    .containsExactly(tuple("police", "unknown-question"));
        }

        @Test
        void anEmptySubmissionIsRejected() {
            Map<String, Object> blankAnswers = new HashMap<>();
            blankAnswers.put("police-comment", "   ");
            blankAnswers.put("barriers", List.of());
            blankAnswers.put("felt-safer", null);

            for (Map<String, ?> raw : List.of(Map.<String, Object>of(), blankAnswers)) {
                ValidatedAnswers result = validator.validateSubmission(feedback, raw);

                assertThat(result.errors()).as("submitting %s", raw)
                        .extracting(AnswerError::field, AnswerError::code).containsExactly(tuple("answers", "empty"));
                assertThat(result.answers()).isEmpty();
            }
        }

        @Test
        void anEmptyStaffRecordListsEveryRequiredQuestionInsteadOfEmpty() {
            ValidatedAnswers result = validator.validateSubmission(interview, Map.of());

            assertThat(result.errors()).extracting(AnswerError::field).containsExactly("interview-date", "interview-language",
                    "police-rating", "courts-rating", "civil-courts-rating", "marac-rating", "social-services-rating",
                    "housing-rating", "gp-rating", "maternity-rating", "a-and-e-rating", "mental-health-rating",
                    "specialist-service-rating", "barriers-any");
            assertThat(result.errors()).extracting(AnswerError::code).containsExactly("required.date", "required.choose",
                    "required.choose", "required.choose", "required.choose", "required.choose", "required.choose",
                    "required.choose", "required.choose", "required.choose", "required.choose", "required.choose",
                    "required.choose", "required.choose");
        }

        @Test
        void aSubmissionIsCheckedForRequiredAnswers() {
            ValidatedAnswers result = validator.validateSubmission(
                    catalogue().find("focus-group").orElseThrow(), Map.of("participants", 5, "gossip", "x"));

            assertThat(result.errors()).extracting(AnswerError::field, AnswerError::code).containsExactly(
                    tuple("gossip", "unknown-question"),
                    tuple("focus-group-date", "required.date"),
                    tuple("area", "required.choose"));
            assertThat(result.answers()).containsExactly(Map.entry("participants", 5));
        }
    }

    // ---------------------------------------------------------------- helpers

    private static InstrumentCatalogue catalogue;

    private static InstrumentCatalogue catalogue() {
        if (catalogue == null) {
            catalogue = InstrumentCatalogue.load("classpath:surveys/", codebook);
        }
        return catalogue;
    }

    /** Test arguments whose question shows as its type and id in test names. */
    private static Arguments args(Question question, Object... rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = Named.of(question.type().id() + (question.required() ? " (required)" : "") + " '" + question.id() + "'", question);
        System.arraycopy(rest, 0, all, 1, rest.length);
        return Arguments.of(all);
    }

    private static ValidatedAnswers validateOne(Question question, Object value, boolean enforceRequired) {
        Map<String, Object> raw = new HashMap<>();
        raw.put(question.id(), value);
        return validator.validate(List.of(question), raw, enforceRequired);
    }

    /** The ways an answer can be left out. */
    private static List<Object> blanks() {
        return Collections.unmodifiableList(java.util.Arrays.asList(null, "", "   ", "\n\t", List.of()));
    }

    private static Map<String, String> theme(String theme, String finding) {
        return Map.of("theme", theme, "finding", finding);
    }

    private static List<String> numbered(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "Quote " + i).toList();
    }

    private static Question question(String id, QuestionType type, Option... options) {
        return new Question(id, type, "Text of " + id, null, false, null, List.of(options), 0, 100_000, null,
                Question.TEXT_LIMIT, null);
    }

    private static Question required(Question q) {
        return new Question(q.id(), q.type(), q.text(), q.hint(), true, q.agency(), q.options(), q.min(), q.max(),
                q.maxOf(), q.maxLength(), q.measure());
    }

    private static Question withRange(Question q, int min, int max) {
        return new Question(q.id(), q.type(), q.text(), q.hint(), q.required(), q.agency(), q.options(), min, max,
                q.maxOf(), q.maxLength(), q.measure());
    }

    private static Question withMaxOf(Question q, String maxOf) {
        return new Question(q.id(), q.type(), q.text(), q.hint(), q.required(), q.agency(), q.options(), q.min(), q.max(),
                maxOf, q.maxLength(), q.measure());
    }

    private static Question withMaxLength(Question q, int maxLength) {
        return new Question(q.id(), q.type(), q.text(), q.hint(), q.required(), q.agency(), q.options(), q.min(), q.max(),
                q.maxOf(), maxLength, q.measure());
    }
}
