package org.survivorvoice.analysis.nlp;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line: evaluate prints scores and a JSON summary with the baseline; analyse writes a JSON object per line. */
class AnalysisCommandLineTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void evaluatePrintsPerThemeScoresAndAJsonLineWithTheBaselineComputedInTheSameRun() throws Exception {
        Path file = dir.resolve("labelled.tsv");
        Files.writeString(file, String.join("\n",
                "id\tagency\tsentiment\tclear\tthemes\ttext",
                "T1\tpolice\tvery_negative\ty\theard-believed\tThe officer laughed and said I was wasting police time.",
                "T2\thousing\tpositive\ty\tpractical-help\tThe housing team found me a refuge place the same day.",
                "T3\t\tneutral\tn\t\tSome were good, some were not.",
                "T4\tcourts\tnegative\ty\tkept-informed\tNobody told me the hearing had been moved."), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AnalysisCommandLine.run(new String[] {"evaluate", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("theme").contains("precision").contains("recall").contains("F1");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("heard-believed"));
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = JSON.readValue(lines.get(lines.size() - 1), Map.class);
        assertThat(summary).containsKeys("n", "polarity_accuracy", "polarity_accuracy_clear", "exact_accuracy", "theme_micro_f1",
                "theme_macro_f1", "baseline");
        assertThat(summary.get("n")).isEqualTo(4);
        @SuppressWarnings("unchecked")
        Map<String, Object> baseline = (Map<String, Object>) summary.get("baseline");
        assertThat(baseline).containsKeys("polarity_accuracy", "polarity_accuracy_clear", "exact_accuracy");
        assertThat(((Number) summary.get("polarity_accuracy")).doubleValue()).isBetween(0.0, 1.0);
    }

    @Test
    void analyseWritesOneJsonObjectPerLineAndSaysWhyALineCannotBeAnalysed() throws Exception {
        Path file = dir.resolve("comments.txt");
        Files.writeString(file, "They didn't listen to me and I felt stupid for calling.\n   \nMy IDVA was amazing, I would not be here without her.\n",
                StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = AnalysisCommandLine.run(new String[] {"analyse", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        @SuppressWarnings("unchecked")
        Map<String, Object> first = JSON.readValue(lines.get(0), Map.class);
        assertThat(first).containsKeys("sentiment", "themes", "evidence");
        assertThat(first.get("sentiment")).isIn("negative", "very_negative");
        @SuppressWarnings("unchecked")
        Map<String, Object> blank = JSON.readValue(lines.get(1), Map.class);
        assertThat(blank.get("sentiment")).isNull();
        assertThat(blank.get("notAnalysable")).isEqualTo("the comment is empty");
        @SuppressWarnings("unchecked")
        Map<String, Object> third = JSON.readValue(lines.get(2), Map.class);
        assertThat(third.get("sentiment")).isIn("positive", "very_positive");
    }

    @Test
    void aMissingFileIsAClearErrorNotAStackTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AnalysisCommandLine.run(new String[] {"evaluate", dir.resolve("nope.tsv").toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: cannot read").doesNotContain("\tat ");
    }
}
