package org.survivorvoice.survey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.definition.DefinitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The shipped instruments, and every rule of surveys/README.md with the message its breach gives. */
class InstrumentParserTest {

    private static final String FILE = "surveys/x.yaml";

    private static InstrumentCatalogue catalogue;

    @BeforeAll
    static void loadShippedDefinitions() throws IOException {
        Codebook codebook = Codebook.parse("codebook.yaml", Files.readString(Path.of("nlp-models/codebook.yaml")));
        catalogue = InstrumentCatalogue.load("classpath:surveys/", codebook);
    }

    // ---------------------------------------------------------------- the shipped instruments

    @Test
    void theShippedInstrumentsLoad() {
        assertThat(catalogue.all()).extracting(Instrument::id).containsExactly("feedback", "focus-group", "interview");
        assertThat(catalogue.all()).extracting(Instrument::id, Instrument::audience, Instrument::channel, Instrument::dateQuestion)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("feedback", Audience.ANONYMOUS, Channel.ANONYMOUS_FORM, null),
                        org.assertj.core.groups.Tuple.tuple("focus-group", Audience.STAFF, Channel.FOCUS_GROUP, "focus-group-date"),
                        org.assertj.core.groups.Tuple.tuple("interview", Audience.STAFF, Channel.INTERVIEW, "interview-date"));
        assertThat(catalogue.all()).allSatisfy(instrument -> assertThat(instrument.version()).isEqualTo(1));
    }

    @Test
    void theInterviewRatesEveryAgencyOnce() {
        List<String> agencies = catalogue.agencies().all().stream().map(Agency::id).toList();
        assertThat(agencies).containsExactly("police", "courts", "civil-courts", "marac", "social-services", "housing", "gp",
                "maternity", "a-and-e", "mental-health", "specialist-service");

        for (String id : List.of("interview", "feedback")) {
            Instrument instrument = catalogue.find(id).orElseThrow();
            assertThat(instrument.questions().stream().filter(Question::isAgencyRating).map(Question::agency))
                    .as("ratings in %s", id).containsExactlyElementsOf(agencies);
            assertThat(instrument.questions().stream().filter(Question::isAgencyComment).map(Question::agency))
                    .as("comments in %s", id).containsExactlyElementsOf(agencies);
        }
        assertThat(catalogue.find("interview").orElseThrow().questions().stream().filter(Question::isAgencyRating))
                .hasSize(11).allSatisfy(q -> {
                    assertThat(q.id()).isEqualTo(q.agency() + "-rating");
                    assertThat(q.required()).isTrue();
                });
    }

    @Test
    void everyScale5QuestionIsInAnAgencySection() {
        for (Instrument instrument : catalogue.all()) {
            for (Section section : instrument.sections()) {
                for (Question q : section.questions()) {
                    assertThat(q.agency()).as("%s %s", instrument.id(), q.id()).isEqualTo(section.agency());
                    if (q.type() == QuestionType.SCALE5) {
                        assertThat(q.agency()).as("%s %s", instrument.id(), q.id()).isNotNull();
                    }
                }
            }
        }
    }

    @Test
    void theMeasuresAreOnTheDocumentedQuestions() {
        Map<Measure, String> survivorMeasures = Map.of(
                Measure.MARAC_REFERRED, "marac-referred",
                Measure.MARAC_AWARE, "marac-aware",
                Measure.BARRIERS_ANY, "barriers-any",
                Measure.BARRIERS, "barriers",
                Measure.OUTCOME_BELIEVED, "felt-believed",
                Measure.OUTCOME_SAFER, "felt-safer",
                Measure.OUTCOME_ACCOUNTABLE, "perpetrator-held-to-account",
                Measure.OUTCOME_WOULD_RETURN, "would-go-through-again");
        assertThat(measures("interview")).isEqualTo(survivorMeasures);
        assertThat(measures("feedback")).isEqualTo(survivorMeasures);
        assertThat(measures("focus-group")).isEqualTo(Map.of(
                Measure.AREA, "area",
                Measure.PARTICIPANTS, "participants",
                Measure.KEY_THEMES, "key-themes",
                Measure.OUTCOME_BELIEVED, "believed-count",
                Measure.OUTCOME_SAFER, "safer-count",
                Measure.OUTCOME_ACCOUNTABLE, "accountable-count",
                Measure.OUTCOME_EVIDENCE_HARDEST, "evidence-hardest-count",
                Measure.OUTCOME_WOULD_RETURN, "would-return-count",
                Measure.QUOTES, "quotes"));

        for (Instrument instrument : catalogue.all()) {
            assertThat(instrument.questions()).filteredOn(q -> q.measure() != null)
                    .allSatisfy(q -> assertThat(q.measure().allows(q.type())).as("%s %s", instrument.id(), q.id()).isTrue());
        }
        assertThat(catalogue.find("interview").orElseThrow().questionFor(Measure.OUTCOME_SAFER).orElseThrow().type())
                .isEqualTo(QuestionType.YES_NO);
        assertThat(catalogue.find("focus-group").orElseThrow().questionFor(Measure.OUTCOME_SAFER).orElseThrow().type())
                .isEqualTo(QuestionType.NUMBER);
    }

    @Test
    void theFocusGroupCountsAreCappedByTheNumberOfParticipants() {
        Instrument focusGroup = catalogue.find("focus-group").orElseThrow();

        Question participants = focusGroup.question("participants").orElseThrow();
        assertThat(List.of(participants.min(), participants.max(), participants.required())).containsExactly(1, 30, true);
        assertThat(focusGroup.questions()).filteredOn(q -> q.id().endsWith("-count")).hasSize(5)
                .allSatisfy(q -> assertThat(q.maxOf()).isEqualTo("participants"));
    }

    private static Map<Measure, String> measures(String instrumentId) {
        return catalogue.find(instrumentId).orElseThrow().questions().stream().filter(q -> q.measure() != null)
                .collect(Collectors.toMap(Question::measure, Question::id));
    }

    // ---------------------------------------------------------------- a minimal valid file

    @Test
    void aMinimalInstrumentIsReadWithItsDefaults() {
        Instrument instrument = parse(anonymous(questions("""
                id: q1
                type: number
                text: How many?
                """, """
                id: q2
                type: text
                text: Anything else?
                hint: Optional.
                maxLength: 300
                """)));

        assertThat(instrument.id()).isEqualTo("x");
        assertThat(instrument.isAnonymous()).isTrue();
        assertThat(instrument.dateQuestion()).isNull();
        Question number = instrument.question("q1").orElseThrow();
        assertThat(List.of(number.min(), number.max(), number.maxLength())).containsExactly(0, 100_000, 5000);
        assertThat(number.required()).isFalse();
        assertThat(number.maxOf()).isNull();
        Question text = instrument.question("q2").orElseThrow();
        assertThat(text.maxLength()).isEqualTo(300);
        assertThat(text.hint()).isEqualTo("Optional.");
    }

    // ---------------------------------------------------------------- the rules

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                // Question types and their keys
                arguments("unknown type", anonymous(questions("""
                        id: q1
                        type: scale7
                        text: Q1
                        """)), "section 's1', question 'q1'", "unknown type 'scale7'"),
                arguments("duplicate question id in a section", anonymous(questions(TEXT_Q1, TEXT_Q1)),
                        "section 's1', question 'q1'", "the question id 'q1' is used twice"),
                arguments("duplicate question id across sections", anonymous("""
                        sections:
                          - id: s1
                            title: S1
                            questions:
                              - id: q1
                                type: text
                                text: Q1
                          - id: s2
                            title: S2
                            questions:
                              - id: q1
                                type: yes-no
                                text: Again
                        """), "section 's2', question 'q1'", "the question id 'q1' is used twice"),
                arguments("duplicate section id", anonymous("""
                        sections:
                          - id: s1
                            title: S1
                            questions:
                              - id: q1
                                type: text
                                text: Q1
                          - id: s1
                            title: S1 again
                            questions:
                              - id: q2
                                type: text
                                text: Q2
                        """), "section 's1'", "the section id 's1' is used twice"),
                arguments("single without options", anonymous(questions("""
                        id: q1
                        type: single
                        text: Q1
                        """)), "section 's1', question 'q1'", "a single question needs 'options' with at least two choices"),
                arguments("single with one option", anonymous(questions("""
                        id: q1
                        type: single
                        text: Q1
                        options:
                          - id: a
                            label: A
                        """)), "section 's1', question 'q1'", "a single question needs 'options' with at least two choices"),
                arguments("multi with one option", anonymous(questions("""
                        id: q1
                        type: multi
                        text: Q1
                        options:
                          - id: a
                            label: A
                        """)), "section 's1', question 'q1'", "a multi question needs 'options' with at least two choices"),
                arguments("options on a scale5", anonymous(questions("""
                        id: q1
                        type: scale5
                        text: Q1
                        options:
                          - id: a
                            label: A
                          - id: b
                            label: B
                        """)), "section 's1', question 'q1'", "a scale5 question takes no 'options'"),
                arguments("duplicate option id", anonymous(questions("""
                        id: q1
                        type: single
                        text: Q1
                        options:
                          - id: a
                            label: A
                          - id: b
                            label: B
                          - id: a
                            label: A again
                        """)), "section 's1', question 'q1', option 'a'", "the option id 'a' is used twice"),
                arguments("option without label", anonymous(questions("""
                        id: q1
                        type: single
                        text: Q1
                        options:
                          - id: a
                            label: A
                          - id: b
                        """)), "section 's1', question 'q1', option 'b'", "'label' is missing"),
                arguments("question without text", anonymous(questions("""
                        id: q1
                        type: text
                        """)), "section 's1', question 'q1'", "'text' is missing"),
                arguments("required not a boolean", anonymous(questions("""
                        id: q1
                        type: text
                        text: Q1
                        required: "true"
                        """)), "section 's1', question 'q1'", "'required' must be true or false, not 'true'"),

                // Agencies
                arguments("unknown agency", anonymous("""
                        sections:
                          - id: s1
                            title: S1
                            agency: fire-brigade
                            questions:
                              - id: q1
                                type: scale5
                                text: Q1
                        """), "section 's1'", "unknown agency 'fire-brigade' (not in agencies.yaml)"),
                arguments("two ratings in an agency section", anonymous("""
                        sections:
                          - id: s1
                            title: S1
                            agency: police
                            questions:
                              - id: q1
                                type: scale5
                                text: Q1
                              - id: q2
                                type: scale5
                                text: Q2
                        """), "section 's1'", "an agency section has at most one scale5 question (the rating) and one text question"),
                arguments("two comments in an agency section", anonymous("""
                        sections:
                          - id: s1
                            title: S1
                            agency: police
                            questions:
                              - id: q1
                                type: text
                                text: Q1
                              - id: q2
                                type: text
                                text: Q2
                        """), "section 's1'", "an agency section has at most one scale5 question (the rating) and one text question"),

                // Measures
                arguments("unknown measure", anonymous(questions("""
                        id: q1
                        type: yes-no
                        text: Q1
                        measure: happiness
                        """)), "section 's1', question 'q1'", "unknown measure 'happiness'"),
                arguments("measure on the wrong type", anonymous(questions("""
                        id: q1
                        type: text
                        text: Q1
                        measure: marac-referred
                        """)), "section 's1', question 'q1'", "the measure 'marac-referred' needs a question of type yes-no, not text"),
                arguments("measure allowing two types on a third", anonymous(questions("""
                        id: q1
                        type: single
                        text: Q1
                        measure: outcome-believed
                        options:
                          - id: a
                            label: A
                          - id: b
                            label: B
                        """)), "section 's1', question 'q1'", "the measure 'outcome-believed' needs a question of type number or yes-no, not single"),
                arguments("measure used twice", anonymous(questions("""
                        id: q1
                        type: yes-no
                        text: Q1
                        measure: barriers-any
                        """, """
                        id: q2
                        type: yes-no
                        text: Q2
                        measure: barriers-any
                        """)), "section 's1', question 'q2'", "the measure 'barriers-any' is already on question 'q1'"),

                // Numbers
                arguments("maxOf naming a missing question", anonymous(questions("""
                        id: q1
                        type: number
                        text: Q1
                        maxOf: nobody
                        """)), "section 's1', question 'q1'", "'maxOf' must name an earlier number question ('nobody' is not one)"),
                arguments("maxOf naming a non-number question", anonymous(questions(TEXT_Q1, """
                        id: q2
                        type: number
                        text: Q2
                        maxOf: q1
                        """)), "section 's1', question 'q2'", "'maxOf' must name an earlier number question ('q1' is not one)"),
                arguments("maxOf naming a later question", anonymous(questions("""
                        id: q1
                        type: number
                        text: Q1
                        maxOf: q2
                        """, """
                        id: q2
                        type: number
                        text: Q2
                        """)), "section 's1', question 'q1'", "'maxOf' must name an earlier number question ('q2' is not one)"),
                arguments("maxOf naming itself", anonymous(questions("""
                        id: q1
                        type: number
                        text: Q1
                        maxOf: q1
                        """)), "section 's1', question 'q1'", "'maxOf' must name an earlier number question ('q1' is not one)"),
                arguments("maxOf on a text question", anonymous(questions("""
                        id: q1
                        type: number
                        text: Q1
                        """, """
                        id: q2
                        type: text
                        text: Q2
                        maxOf: q1
                        """)), "section 's1', question 'q2'", "'maxOf' does not apply to a text question"),
                arguments("min greater than max", anonymous(questions("""
                        id: q1
                        type: number
                        text: Q1
                        min: 10
                        max: 5
                        """)), "section 's1', question 'q1'", "'min' and 'max' must satisfy 0 <= min <= max (min 10, max 5)"),
                arguments("min above the default max", anonymous(questions("""
                        id: q1
                        type: number
                        text: Q1
                        min: 200000
                        """)), "section 's1', question 'q1'", "'min' and 'max' must satisfy 0 <= min <= max (min 200000, max 100000)"),
                arguments("negative min", anonymous(questions("""
                        id: q1
                        type: number
                        text: Q1
                        min: -1
                        """)), "section 's1', question 'q1'", "'min' and 'max' must satisfy 0 <= min <= max (min -1, max 100000)"),
                arguments("min on a text question", anonymous(questions("""
                        id: q1
                        type: text
                        text: Q1
                        min: 1
                        """)), "section 's1', question 'q1'", "'min' does not apply to a text question"),
                arguments("max not a whole number", anonymous(questions("""
                        id: q1
                        type: number
                        text: Q1
                        max: 2.5
                        """)), "section 's1', question 'q1'", "'max' must be a whole number, not 2.5"),

                // Text
                arguments("maxLength over 5000", anonymous(questions("""
                        id: q1
                        type: text
                        text: Q1
                        maxLength: 5001
                        """)), "section 's1', question 'q1'", "'maxLength' must be between 1 and 5000"),
                arguments("maxLength of a text-list over 5000", anonymous(questions("""
                        id: q1
                        type: text-list
                        text: Q1
                        maxLength: 10000
                        """)), "section 's1', question 'q1'", "'maxLength' must be between 1 and 5000"),
                arguments("maxLength of 0", anonymous(questions("""
                        id: q1
                        type: text
                        text: Q1
                        maxLength: 0
                        """)), "section 's1', question 'q1'", "'maxLength' must be between 1 and 5000"),
                arguments("maxLength on a number question", anonymous(questions("""
                        id: q1
                        type: number
                        text: Q1
                        maxLength: 10
                        """)), "section 's1', question 'q1'", "'maxLength' does not apply to a number question"),

                // Unknown keys (typos)
                arguments("unknown question key", anonymous(questions("""
                        id: q1
                        type: text
                        text: Q1
                        requird: true
                        """)), "section 's1', question 'q1'", "unknown key 'requird'"),
                arguments("unknown section key", anonymous("""
                        sections:
                          - id: s1
                            title: S1
                            agnecy: police
                            questions:
                              - id: q1
                                type: text
                                text: Q1
                        """), "section 's1'", "unknown key 'agnecy'"),
                arguments("unknown option key", anonymous(questions("""
                        id: q1
                        type: single
                        text: Q1
                        options:
                          - id: a
                            label: A
                            value: 1
                          - id: b
                            label: B
                        """)), "section 's1', question 'q1', option 'a'", "unknown key 'value'"),
                arguments("unknown instrument key", """
                        id: x
                        version: 1
                        audience: anonymous
                        channel: anonymous-form
                        titel: X
                        """ + ONE_SECTION, null, "unknown key 'titel'"),

                // The instrument itself
                arguments("id not matching the file name", """
                        id: y
                        version: 1
                        audience: anonymous
                        channel: anonymous-form
                        title: Y
                        """ + ONE_SECTION, null, "the id 'y' does not match the file name (expected 'x')"),
                arguments("version 0", """
                        id: x
                        version: 0
                        audience: anonymous
                        channel: anonymous-form
                        title: X
                        """ + ONE_SECTION, null, "'version' must be 1 or more"),
                arguments("version missing", """
                        id: x
                        audience: anonymous
                        channel: anonymous-form
                        title: X
                        """ + ONE_SECTION, null, "'version' is missing"),
                arguments("version not a number", """
                        id: x
                        version: one
                        audience: anonymous
                        channel: anonymous-form
                        title: X
                        """ + ONE_SECTION, null, "'version' must be a whole number, not 'one'"),
                arguments("unknown audience", """
                        id: x
                        version: 1
                        audience: public
                        channel: anonymous-form
                        title: X
                        """ + ONE_SECTION, null, "'audience' must be 'anonymous' or 'staff'"),
                arguments("unknown channel", """
                        id: x
                        version: 1
                        audience: anonymous
                        channel: phone
                        title: X
                        """ + ONE_SECTION, null, "unknown channel 'phone'"),
                arguments("no sections", anonymous(""), null, "'sections' is missing"),
                arguments("empty sections", anonymous("sections: []\n"), null, "'sections' is empty"),
                arguments("section without questions", anonymous("""
                        sections:
                          - id: s1
                            title: S1
                        """), "section 's1'", "'questions' is missing"),

                // dateQuestion
                arguments("staff instrument without dateQuestion", staff("", questions(REQUIRED_DATE)),
                        null, "'dateQuestion' is missing"),
                arguments("anonymous instrument with dateQuestion", anonymous("dateQuestion: when\n" + questions(REQUIRED_DATE)),
                        null, "'dateQuestion' is for staff instruments"),
                arguments("dateQuestion naming an optional date", staff("when", questions("""
                        id: when
                        type: date
                        text: When?
                        """)), null, "'dateQuestion' must name a required date question ('when' is not one)"),
                arguments("dateQuestion naming a text question", staff("when", questions("""
                        id: when
                        type: text
                        text: When?
                        required: true
                        """)), null, "'dateQuestion' must name a required date question ('when' is not one)"),
                arguments("dateQuestion naming no question", staff("then", questions(REQUIRED_DATE)),
                        null, "'dateQuestion' must name a required date question ('then' is not one)"),

                arguments("a question named like a date's day field", anonymous(questions("""
                        id: when
                        type: date
                        text: When?
                        """, """
                        id: when-day
                        type: text
                        text: Which day of the week?
                        """)), null, "question 'when-day': the id is taken by the day field of the date question 'when'"),

                // The file as a whole
                arguments("invalid YAML", "id: x\n  version: [1\n", null, "not valid YAML"),
                arguments("invalid YAML in a nested list", "id: x\n  bad: [unclosed", null, "not valid YAML"),
                arguments("a key given twice", "id: x\nid: x\n", null, "not valid YAML"),
                arguments("an empty file", "", null, "not valid YAML"),
                arguments("a list at the top", "- id: x\n- id: y\n", null, "expected a mapping of keys to values at the top"),
                arguments("text at the top", "just some text\n", null, "expected a mapping of keys to values at the top"),

                // Ids
                arguments("bad question id characters", anonymous(questions("""
                        id: Police_Rating
                        type: scale5
                        text: Q1
                        """)), "section 's1', question 'Police_Rating'",
                        "'id' is 'Police_Rating': use lower-case letters, digits and single hyphens, starting with a letter"),
                arguments("double hyphen in a question id", anonymous(questions("""
                        id: police--rating
                        type: scale5
                        text: Q1
                        """)), "section 's1', question 'police--rating'", "'id' is 'police--rating'"),
                arguments("question id starting with a digit", anonymous(questions("""
                        id: 1st
                        type: text
                        text: Q1
                        """)), "section 's1', question '1st'", "'id' is '1st'"),
                arguments("bad section id", anonymous("""
                        sections:
                          - id: Police
                            title: Police
                            questions:
                              - id: q1
                                type: text
                                text: Q1
                        """), "section 'Police'", "'id' is 'Police'"),
                arguments("bad option id", anonymous(questions("""
                        id: q1
                        type: single
                        text: Q1
                        options:
                          - id: Yes please
                            label: Yes
                          - id: no
                            label: No
                        """)), "section 's1', question 'q1', option 'Yes please'", "'id' is 'Yes please'"),
                arguments("bad instrument id", """
                        id: X
                        version: 1
                        audience: anonymous
                        channel: anonymous-form
                        title: X
                        """ + ONE_SECTION, null, "'id' is 'X'"),
                arguments("bad dateQuestion id", staff("When", questions(REQUIRED_DATE)), null, "'dateQuestion' is 'When'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aBrokenRuleStopsParsingWithOneMessageNamingFileQuestionAndProblem(String rule, String yaml, String where, String problem) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOfSatisfying(DefinitionException.class, e -> {
            assertThat(e.file()).isEqualTo(FILE);
            assertThat(e.problem()).contains(problem);
            assertThat(e.getMessage()).as("one line").doesNotContain("\n");
            if (where == null) {
                assertThat(e.getMessage()).as("a problem with the file as a whole names no section or question")
                        .isEqualTo(FILE + ": " + e.problem());
            } else {
                assertThat(e.getMessage()).isEqualTo(FILE + ": " + where + ": " + e.problem());
            }
        });
    }

    // ---------------------------------------------------------------- structure fingerprint

    private static final String FINGERPRINTED = """
            id: x
            version: 1
            audience: staff
            channel: interview
            title: X
            description: About X.
            dateQuestion: when
            sections:
              - id: about
                title: About
                intro: Intro.
                questions:
                  - id: when
                    type: date
                    text: When was it?
                    required: true
                  - id: language
                    type: single
                    text: Which language?
                    hint: The one she spoke.
                    required: false
                    options:
                      - id: english
                        label: English
                      - id: arabic
                        label: Arabic
                  - id: count
                    type: number
                    text: How many?
                    max: 30
              - id: police
                title: Police
                agency: police
                questions:
                  - id: police-rating
                    type: scale5
                    text: How was the police?
                  - id: police-comment
                    type: text
                    text: Anything about the police?
                    maxLength: 2000
            """;

    static Stream<Arguments> wordingChanges() {
        return Stream.of(
                arguments("title: X", "title: Something else"),
                arguments("description: About X.", "description: Something else."),
                arguments("title: About", "title: Regarding"),
                arguments("intro: Intro.", "intro: Another intro."),
                arguments("text: Which language?", "text: What language did she speak?"),
                arguments("hint: The one she spoke.", "hint: Ask her."),
                arguments("label: Arabic", "label: العربية"),
                arguments("text: How was the police?", "text: How were the police?"),
                arguments("        required: false\n", ""));
    }

    @ParameterizedTest(name = "\"{0}\" to \"{1}\"")
    @MethodSource("wordingChanges")
    void changingOnlyWordingKeepsTheFingerprint(String from, String to) {
        Instrument changed = parse(change(from, to));

        assertThat(changed.structureFingerprint()).isEqualTo(parse(FINGERPRINTED).structureFingerprint()).hasSize(64);
    }

    static Stream<Arguments> structureChanges() {
        return Stream.of(
                arguments("type: single", "type: multi"),
                arguments("- id: arabic", "- id: urdu"),
                arguments("required: false", "required: true"),
                arguments("max: 30", "max: 40"),
                arguments("maxLength: 2000", "maxLength: 3000"),
                arguments("agency: police", "agency: courts"),
                arguments("- id: police-comment", "- id: police-comments"),
                arguments("- id: about", "- id: about-it"),
                arguments("  - id: english\n            label: English\n          - id: arabic\n            label: Arabic\n",
                        "  - id: arabic\n            label: Arabic\n          - id: english\n            label: English\n"),
                arguments("    max: 30\n", "    max: 30\n        measure: participants\n"),
                arguments("    maxLength: 2000\n", "    maxLength: 2000\n      - id: extra\n        type: yes-no\n        text: Extra?\n"));
    }

    @ParameterizedTest(name = "\"{0}\" to \"{1}\"")
    @MethodSource("structureChanges")
    void changingStructureChangesTheFingerprint(String from, String to) {
        Instrument changed = parse(change(from, to));

        assertThat(changed.structureFingerprint()).isNotEqualTo(parse(FINGERPRINTED).structureFingerprint());
    }

    @Test
    void theFingerprintIsStable() {
        assertThat(parse(FINGERPRINTED).structureFingerprint()).isEqualTo(parse(FINGERPRINTED).structureFingerprint())
                .matches("[0-9a-f]{64}");
    }

    private static String change(String from, String to) {
        assertThat(FINGERPRINTED.split(java.util.regex.Pattern.quote(from), -1)).as("'%s' occurs once", from).hasSize(2);
        return FINGERPRINTED.replace(from, to);
    }

    // ---------------------------------------------------------------- helpers

    private static final String TEXT_Q1 = """
            id: q1
            type: text
            text: Q1
            """;

    private static final String REQUIRED_DATE = """
            id: when
            type: date
            text: When?
            required: true
            """;

    private static final String ONE_SECTION = questions(TEXT_Q1);

    private static Instrument parse(String yaml) {
        return new InstrumentParser(catalogue.agencies()).parse(FILE, yaml, "x");
    }

    private static String anonymous(String rest) {
        return """
                id: x
                version: 1
                audience: anonymous
                channel: anonymous-form
                title: X
                """ + rest;
    }

    private static String staff(String dateQuestion, String rest) {
        return """
                id: x
                version: 1
                audience: staff
                channel: interview
                title: X
                """ + (dateQuestion.isEmpty() ? "" : "dateQuestion: " + dateQuestion + "\n") + rest;
    }

    /** One section 's1' holding the given questions (each a block of YAML keys). */
    private static String questions(String... questions) {
        StringBuilder yaml = new StringBuilder("sections:\n  - id: s1\n    title: S1\n    questions:\n");
        for (String question : questions) {
            String[] lines = question.split("\n");
            yaml.append("      - ").append(lines[0]).append('\n');
            Arrays.stream(lines).skip(1).forEach(line -> yaml.append("        ").append(line).append('\n'));
        }
        return yaml.toString();
    }
}
