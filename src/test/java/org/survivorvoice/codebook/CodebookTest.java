package org.survivorvoice.codebook;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.survivorvoice.definition.DefinitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The theme codebook: the shipped one matches the brief, and a broken one is refused with a message naming the file. */
class CodebookTest {

    private static final String FILE = "nlp-models/codebook.yaml";

    @Test
    void theShippedCodebookHasTheSeventeenThemesOfTheBriefInOrder() throws IOException {
        Codebook codebook = Codebook.parse(FILE, Files.readString(Path.of(FILE)));

        assertThat(codebook.version()).isEqualTo(1);
        // ids and labels as in the table of shared/brief/codebook.md
        assertThat(codebook.themes()).extracting(Theme::id, Theme::label).containsExactly(
                tuple("professional-lottery", "Professional lottery"),
                tuple("da-understanding", "Understanding of domestic abuse"),
                tuple("heard-believed", "Being heard and believed"),
                tuple("kept-informed", "Communication and being kept informed"),
                tuple("first-response", "Lasting first impressions"),
                tuple("evidence-gathering", "Evidence gathering"),
                tuple("bail-breaches", "Breaches of bail and orders"),
                tuple("giving-evidence", "Giving evidence"),
                tuple("accountability", "Perpetrator held to account"),
                tuple("timeliness", "Timeliness"),
                tuple("risk-safety", "Risk and safety"),
                tuple("coordination", "Joined-up working"),
                tuple("practical-help", "Practical help"),
                tuple("access-barriers", "Barriers to getting help"),
                tuple("specific-needs", "Disability and specific needs"),
                tuple("children-family", "Children and family"),
                tuple("emotional-support", "Emotional support and wellbeing"));
        assertThat(codebook.themes()).allSatisfy(theme -> assertThat(theme.description()).isNotBlank());
        assertThat(codebook.theme("timeliness").orElseThrow().description())
                .isEqualTo("speed of response, delays, waiting times, help arriving late (or quickly)");
    }

    @Test
    void themesAreLookedUpById() {
        Codebook codebook = Codebook.parse(FILE, """
                version: 2
                themes:
                  - id: timeliness
                    label: Timeliness
                    description: speed
                  - id: risk-safety
                    label: Risk and safety
                    description: safety
                """);

        assertThat(codebook.version()).isEqualTo(2);
        assertThat(codebook.contains("risk-safety")).isTrue();
        assertThat(codebook.contains("weather")).isFalse();
        assertThat(codebook.theme("risk-safety")).contains(new Theme("risk-safety", "Risk and safety", "safety"));
        assertThat(codebook.theme("weather")).isEmpty();
        assertThat(codebook.themes()).extracting(Theme::id).containsExactly("timeliness", "risk-safety");
    }

    static Stream<Arguments> brokenCodebooks() {
        return Stream.of(
                arguments("a duplicate id", """
                        version: 1
                        themes:
                          - id: timeliness
                            label: Timeliness
                            description: speed
                          - id: timeliness
                            label: Timeliness again
                            description: delays
                        """, "nlp-models/codebook.yaml: theme 'timeliness': the id 'timeliness' is used twice"),
                arguments("an unknown key in a theme", """
                        version: 1
                        themes:
                          - id: timeliness
                            label: Timeliness
                            description: speed
                            colour: red
                        """, "nlp-models/codebook.yaml: theme 'timeliness': unknown key 'colour' (allowed: description, id, label)"),
                arguments("an unknown key at the top", """
                        version: 1
                        name: Codebook
                        themes:
                          - id: timeliness
                            label: Timeliness
                            description: speed
                        """, "nlp-models/codebook.yaml: unknown key 'name' (allowed: themes, version)"),
                arguments("a theme without a description", """
                        version: 1
                        themes:
                          - id: timeliness
                            label: Timeliness
                        """, "nlp-models/codebook.yaml: theme 'timeliness': 'description' is missing"),
                arguments("a theme id that is not an id", """
                        version: 1
                        themes:
                          - id: Risk Safety
                            label: Risk and safety
                            description: safety
                        """, "nlp-models/codebook.yaml: theme 'Risk Safety': 'id' is 'Risk Safety'"),
                arguments("no version", """
                        themes:
                          - id: timeliness
                            label: Timeliness
                            description: speed
                        """, "nlp-models/codebook.yaml: 'version' is missing"),
                arguments("no themes", "version: 1\nthemes: []\n", "nlp-models/codebook.yaml: 'themes' is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCodebooks")
    void aBrokenCodebookIsRefusedWithAMessageNamingTheFile(String problem, String yaml, String message) {
        assertThatThrownBy(() -> Codebook.parse(FILE, yaml))
                .isInstanceOfSatisfying(DefinitionException.class, e -> assertThat(e.file()).isEqualTo(FILE))
                .hasMessageStartingWith(message);
    }
}
