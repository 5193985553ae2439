package org.survivorvoice.analysis.nlp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.MatchedExpression;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;

/**
 * The theme rules ({@code nlp-models/rules/themes.rules}): CoreNLP TokensRegex patterns over
 * lemmas whose result is a codebook theme id. What a rule matched is the evidence shown to the
 * officer.
 */
public final class ThemeRules {

    private final CoreMapExpressionExtractor<MatchedExpression> extractor;

    private ThemeRules(CoreMapExpressionExtractor<MatchedExpression> extractor) {
        this.extractor = extractor;
    }

    public static ThemeRules load(Path file) {
        return new ThemeRules(CoreMapExpressionExtractor.createExtractorFromFiles(TokenSequencePattern.getNewEnv(), file.toString()));
    }

    /** @param text the words matched, as written */
    public record Match(String theme, String text) {
    }

    public List<Match> find(ParsedComment comment) {
        List<Match> matches = new ArrayList<>();
        for (ParsedComment.Sentence sentence : comment.sentences()) {
            for (MatchedExpression expression : extractor.extractExpressions(sentence.coreMap())) {
                Object value = expression.getValue() == null ? null : expression.getValue().get();
                if (value != null) {
                    matches.add(new Match(value.toString(), expression.getText()));
                }
            }
        }
        return matches;
    }
}
