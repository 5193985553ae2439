package org.survivorvoice.analysis.nlp;

import java.util.List;
import java.util.stream.Stream;

import edu.stanford.nlp.util.CoreMap;

/**
 * A comment after CoreNLP: its sentences and tokens, each token knowing whether it lies in the
 * scope of a negation and whether it comes after a contrast ("but", "however").
 */
public record ParsedComment(String text, List<Sentence> sentences) {

    /**
     * @param lemma         lower-cased lemma
     * @param negated       inside the scope of "not", "never", "no", …
     * @param afterContrast after the last "but"/"however"/… of the comment: the part whose tone usually wins
     */
    public record Token(String word, String lemma, String pos, boolean negated, boolean afterContrast) {

        public boolean isWord() {
            return Character.isLetterOrDigit(lemma.isEmpty() ? ' ' : lemma.charAt(0));
        }
    }

    /** @param coreMap the CoreNLP sentence, for TokensRegex */
    public record Sentence(List<Token> tokens, CoreMap coreMap) {
    }

    public Stream<Token> tokens() {
        return sentences.stream().flatMap(s -> s.tokens().stream());
    }
}
