package org.survivorvoice.analysis.nlp;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Negation scope and contrast, on the real CoreNLP pipeline (loaded once for the class). */
class CommentParserTest {

    private static CommentParser parser;

    @BeforeAll
    static void load() {
        parser = new CommentParser(Pipelines.analysis(new ModelFiles(Path.of("nlp-models/corenlp")).check()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "They didn't listen to me.|they do not NOT_listen NOT_to NOT_i .",
            "There was so much support that I didn't expect.|there be so much support that i do not NOT_expect .",
            "No one called me back.|no NOT_one NOT_call NOT_i NOT_back .",
            "She didn't believe me and laughed.|she do not NOT_believe NOT_i and laugh .",
            "I didn't feel safe until they moved me.|i do not NOT_feel NOT_safe until they move i .",
            "Nothing was too much trouble.|nothing NOT_be NOT_too NOT_much NOT_trouble ."})
    void negationCoversWhatItGovernsAndNoMore(String text, String expected) {
        assertThat(parser.parse(text).tokens().map(t -> (t.negated() ? "NOT_" : "") + t.lemma()).collect(Collectors.joining(" ")))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The first officer was kind, but the second was rude.|^the ^second ^be ^rude ^.",
            "I waited weeks. However, she sorted it in the end.|^, ^she ^sort ^it ^in ^the ^end ^."})
    void whatFollowsTheLastContrastIsMarked(String text, String tail) {
        String marked = parser.parse(text).tokens().filter(ParsedComment.Token::afterContrast)
                .map(t -> "^" + t.lemma()).collect(Collectors.joining(" "));
        assertThat(marked).isEqualTo(tail);
    }
}
