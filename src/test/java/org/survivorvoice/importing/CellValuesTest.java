package org.survivorvoice.importing;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.survivorvoice.response.InvalidInput;
import org.survivorvoice.survey.Option;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.QuestionType;

import static org.assertj.core.api.Assertions.assertThat;

/** One cell to the answer the validator checks: ids, labels, spreadsheet spellings, and what cannot be read. */
class CellValuesTest {

    private static final Question RATING = question(QuestionType.SCALE5);
    private static final Question LANGUAGE = question(QuestionType.SINGLE, new Option("english", "English"),
            new Option("arabic", "Arabic"));
    private static final Question BARRIERS = question(QuestionType.MULTI, new Option("money", "Money"),
            new Option("fear-of-repercussions", "Fear of repercussions"), new Option("housing", "Housing"));
    private static final Question BELIEVED = question(QuestionType.YES_NO);
    private static final Question DATE = question(QuestionType.DATE);
    private static final Question COMMENT = question(QuestionType.TEXT);
    private static final Question COUNT = question(QuestionType.NUMBER);
    private static final Question THEMES = question(QuestionType.THEMES);

    static Stream<Arguments> cells() {
        return Stream.of(
                Arguments.of(RATING, "very_positive", "very_positive"),
                Arguments.of(RATING, "Very Positive", "very_positive"),
                Arguments.of(RATING, " very  positive ", "very_positive"),
                Arguments.of(RATING, "No experience", "no_experience"),
                Arguments.of(RATING, "NO_EXPERIENCE", "no_experience"),
                Arguments.of(RATING, "Negative", "negative"),
                Arguments.of(RATING, "Excellent", new InvalidInput("csv.scale5")),
                Arguments.of(RATING, "4", new InvalidInput("csv.scale5")),
                Arguments.of(LANGUAGE, "arabic", "arabic"),
                Arguments.of(LANGUAGE, "ARABIC", "arabic"),
                Arguments.of(LANGUAGE, "Klingon", new InvalidInput("csv.option")),
                Arguments.of(BARRIERS, "Money; Fear of repercussions", List.of("money", "fear-of-repercussions")),
                Arguments.of(BARRIERS, "housing;;MONEY;", List.of("housing", "money")),
                Arguments.of(BARRIERS, "money;dragons", new InvalidInput("csv.multi")),
                Arguments.of(BARRIERS, "money,housing", new InvalidInput("csv.multi")),
                Arguments.of(BARRIERS, " ; ", null),
                Arguments.of(BELIEVED, "Yes", "yes"),
                Arguments.of(BELIEVED, "y", "yes"),
                Arguments.of(BELIEVED, "TRUE", "yes"),
                Arguments.of(BELIEVED, "no", "no"),
                Arguments.of(BELIEVED, "N", "no"),
                Arguments.of(BELIEVED, "false", "no"),
                Arguments.of(BELIEVED, "maybe", new InvalidInput("csv.yes-no")),
                Arguments.of(DATE, "2015-10-14", "2015-10-14"),
                Arguments.of(DATE, "14/10/2015", "2015-10-14"),
                Arguments.of(DATE, "4/1/2016", "2016-01-04"),
                Arguments.of(DATE, "29/02/2016", "2016-02-29"),
                Arguments.of(DATE, "29/02/2015", new InvalidInput("csv.date")),
                Arguments.of(DATE, "10/14/2015", new InvalidInput("csv.date")),
                Arguments.of(DATE, "2015-13-01", new InvalidInput("csv.date")),
                Arguments.of(DATE, "14/10/15", new InvalidInput("csv.date")),
                Arguments.of(DATE, "14 October 2015", new InvalidInput("csv.date")),
                Arguments.of(COMMENT, "  She said: \"nobody called\"\nthen left. ", "  She said: \"nobody called\"\nthen left. "),
                Arguments.of(COUNT, "12", 12L),
                Arguments.of(COUNT, "twelve", new InvalidInput("number.invalid")),
                Arguments.of(THEMES, "anything", new InvalidInput("csv.unsupported")),
                Arguments.of(RATING, "", null),
                Arguments.of(DATE, "   ", null));
    }

    @ParameterizedTest(name = "\"{1}\" -> {2}")
    @MethodSource("cells")
    void aCellBecomesTheAnswerTheFormWouldSend(Question question, String cell, Object expected) {
        assertThat(CellValues.read(question, cell)).isEqualTo(expected);
    }

    private static Question question(QuestionType type, Option... options) {
        return new Question(type.id() + "-question", type, "Question?", null, false, null, List.of(options), 0, 100, null,
                Question.TEXT_LIMIT, null);
    }
}
