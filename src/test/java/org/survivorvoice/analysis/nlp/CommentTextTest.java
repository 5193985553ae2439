package org.survivorvoice.analysis.nlp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommentTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'   '|empty",
            "😀😀 🙏|no words",
            "Моя подруга сказала що поліція не допомогла|Latin alphabet",
            "الشرطة لم تساعدني أبداً|Latin alphabet",
            "Policja nie pomogła mi wcale, bardzo źle traktowali moją sprawę|does not look like English",
            "Booliisku waxay igu caawiyeen si fiican markii aan u baahnaa caawimaad degdeg ah|does not look like English"})
    void whatCannotBeAnalysedSaysWhy(String text, String reason) {
        assertThatThrownBy(() -> CommentText.prepare(text)).isInstanceOf(NotAnalysableException.class).hasMessageContaining(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Useless.", "Waited six hours nobody came ever", "They were great 👍", "Café staff at the refuge were lovely"})
    void shortAndInformalEnglishIsAnalysed(String text) {
        assertThat(CommentText.prepare(text)).isNotBlank();
    }

    @Test
    void markupIsRemovedBeforeAnalysis() {
        assertThat(CommentText.prepare("<script>alert('x')</script><b>Kind</b> &amp; helpful")).isEqualTo("alert('x') Kind helpful");
    }

    @Test
    void aRunOnSentenceIsBrokenIntoPiecesTheParsersHandleQuickly() {
        String runOn = String.join(" ", java.util.Collections.nCopies(100, "and they said"));
        String prepared = CommentText.prepare(runOn);
        for (String piece : prepared.split("\\.")) {
            assertThat(piece.strip().split(" ").length).isLessThanOrEqualTo(CommentText.MAX_RUN_OF_WORDS);
        }
        String withCommas = String.join(", ", java.util.Collections.nCopies(60, "they said they would ring")) + ".";
        assertThat(CommentText.prepare(withCommas).split("\\.").length).isGreaterThan(2);
    }
}
