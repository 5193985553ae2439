package org.survivorvoice.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.util.unit.DataSize;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.period.FinancialQuarter;
import org.survivorvoice.response.AnswerValidator;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentCatalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A whole file against the shipped interview: the answers stored, and every problem by line and column. */
class ImportCheckerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneId.of("Europe/London"));

    /** Every required question of the interview except the date, answered the way a spreadsheet would. */
    static final String REQUIRED = "interview-language,police-rating,courts-rating,civil-courts-rating,marac-rating,"
            + "social-services-rating,housing-rating,gp-rating,maternity-rating,a-and-e-rating,mental-health-rating,"
            + "specialist-service-rating,barriers-any";
    static final String REQUIRED_ANSWERS = "English,Very Positive,No experience,no_experience,No experience,Neutral,"
            + "Negative,positive,No experience,No experience,Very negative,Very positive,yes";

    private static Instrument interview;
    private static ImportChecker checker;

    @BeforeAll
    static void shippedInterview() throws IOException {
        Codebook codebook = Codebook.parse("codebook.yaml", Files.readString(Path.of("nlp-models/codebook.yaml")));
        interview = InstrumentCatalogue.load("classpath:surveys/", codebook).find("interview").orElseThrow();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        checker = new ImportChecker(new AnswerValidator(codebook, CLOCK), messages,
                new ImportProperties(DataSize.ofMegabytes(5), 5000));
    }

    private static ImportCheck check(String csv) {
        return checker.check(interview, csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void labelsIdsUkDatesAndMultiAnswersAreStoredAsTheFormStoresThem() {
        ImportCheck check = check("interview-date," + REQUIRED + ",barriers,police-comment,felt-believed\n"
                + "14/10/2015," + REQUIRED_ANSWERS + ",\"Money; Fear of repercussions\",\"They came quickly, and listened.\",Y\n"
                + "2016-01-20," + REQUIRED_ANSWERS.replace("yes", "no") + ",,,\n");

        assertThat(check.problems()).isEmpty();
        assertThat(check.isValid()).isTrue();
        assertThat(check.answers()).hasSize(2);
        Map<String, Object> first = check.answers().get(0);
        assertThat(first).containsEntry("interview-date", "2015-10-14")
                .containsEntry("interview-language", "english")
                .containsEntry("police-rating", "very_positive")
                .containsEntry("courts-rating", "no_experience")
                .containsEntry("housing-rating", "negative")
                .containsEntry("barriers-any", "yes")
                .containsEntry("barriers", List.of("fear-of-repercussions", "money"))
                .containsEntry("police-comment", "They came quickly, and listened.")
                .containsEntry("felt-believed", "yes");
        // Blank cells are not answered: nothing stored for them.
        assertThat(check.answers().get(1)).doesNotContainKeys("barriers", "police-comment", "felt-believed");
        assertThat(check.byQuarter()).containsExactly(
                Map.entry(FinancialQuarter.parse("2015/16-Q3"), 1), Map.entry(FinancialQuarter.parse("2015/16-Q4"), 1));
    }

    @Test
    void aRequiredQuestionWhoseColumnIsAbsentWasNotAskedAndIsNotStored() {
        // GP questions were added from Q3, MARAC from Q4: a Q2 spreadsheet has neither column.
        String header = ("interview-date," + REQUIRED).replace(",gp-rating", "").replace(",marac-rating", "");
        String answers = "English,Very Positive,No experience,no_experience,Neutral,Negative,No experience,No experience,"
                + "Very negative,Very positive,yes";

        ImportCheck check = check(header + "\n2015-08-03," + answers + "\n");

        assertThat(check.problems()).isEmpty();
        assertThat(check.answers()).singleElement().satisfies(stored -> assertThat(stored).doesNotContainKeys("gp-rating", "marac-rating"));
    }

    @Test
    void aRequiredQuestionLeftBlankWhileItsColumnIsThereIsAProblem() {
        ImportCheck check = check("interview-date," + REQUIRED + "\n2015-10-14," + REQUIRED_ANSWERS.replace("positive,No experience,", "positive,,") + "\n");

        assertThat(check.problems()).containsExactly(new ImportProblem(2, "maternity-rating",
                "Must be answered in every row, because this column is in the file: How was your experience of maternity services?"));
        assertThat(check.answers()).isEmpty();
    }

    @Test
    void everyProblemInTheFileIsListedWithItsLineAndColumn() {
        ImportCheck check = check("Interview-Date,police-rating,favourite-colour,police-rating,barriers,felt-believed\n"
                + "2015-10-14,Excellent,blue,,money,yes\n"
                + "31/02/2016,positive,red,,dragons,maybe\n"
                + "2015-10-15,positive,green,,money,no\n"
                + "2099-01-01,neutral,,,,\n");

        assertThat(check.problems()).extracting(ImportProblem::line, ImportProblem::column).containsExactly(
                tuple(1, "favourite-colour"),
                tuple(1, "police-rating"),
                tuple(2, "police-rating"),
                tuple(3, "Interview-Date"),
                tuple(3, "barriers"),
                tuple(3, "felt-believed"),
                tuple(5, "Interview-Date"));
        assertThat(check.problems()).extracting(ImportProblem::message).containsExactly(
                "Not a question of the one-to-one feedback interview. Use the column names listed on the import page.",
                "This column appears more than once.",
                "Must be one of Very positive, Positive, Neutral, Negative, Very negative or No experience: How was your experience of the police?",
                "Must be a real date such as 2015-10-14 or 14/10/2015: Date of the interview",
                "Must be answers listed for this column, separated by semicolons (;): What made it harder for you to get help?",
                "Must be Yes or No: Did you feel believed?",
                "The date cannot be in the future: Date of the interview");
        assertThat(check.problemCount()).isEqualTo(7);
        assertThat(check.problemSummary()).isEqualTo("The file has 7 problems; nothing was imported.");
        assertThat(check.isValid()).isFalse();
    }

    @Test
    void withoutTheDateColumnNoRowCanBePlacedInAQuarter() {
        ImportCheck check = check("police-rating\npositive\n");

        assertThat(check.problems()).extracting(ImportProblem::line, ImportProblem::column).containsExactly(tuple(1, "interview-date"));
    }

    @Test
    void semicolonSeparatedColumnsAreNamedAsTheLikelyMistake() {
        ImportCheck check = check("interview-date;police-rating\n2015-10-14;positive\n");

        assertThat(check.problems()).extracting(ImportProblem::message).first().asString().startsWith("The columns seem to be separated by semicolons");
    }

    @Test
    void aRowWithNothingButTheDateIsAProblemAndAHeaderAloneHasNoInterviews() {
        assertThat(check("interview-date,police-comment\n2015-10-14,\n").problems())
                .containsExactly(new ImportProblem(2, null, "This row answers no question besides the date."));
        assertThat(check("interview-date,police-rating\n").problems()).extracting(ImportProblem::message)
                .containsExactly("The file has no interviews: add one row per interview under the header.");
    }

    @Test
    void aThousandProblemsAreListedAndTheRestCounted() {
        String rows = IntStream.range(0, 1200).mapToObj(i -> "2015-10-14,Excellent").collect(Collectors.joining("\n"));

        ImportCheck check = check("interview-date,police-rating\n" + rows + "\n");

        assertThat(check.problems()).hasSize(ImportChecker.MAX_PROBLEMS_LISTED);
        assertThat(check.problemCount()).isEqualTo(1200);
        assertThat(check.problemSummary()).isEqualTo("The file has 1,200 problems; nothing was imported. The first 1,000 are listed.");
    }
}
