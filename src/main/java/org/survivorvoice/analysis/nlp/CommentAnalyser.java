package org.survivorvoice.analysis.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * Analyses one comment: CoreNLP (tokens, lemmas, tags, dependencies), then the project's trained
 * sentiment and theme classifiers with the domain lexicon and the theme rules. Thread-safe: CoreNLP
 * pipelines and trained classifiers can be shared by workers.
 */
public final class CommentAnalyser {

    private final CommentParser parser;
    private final Features features;
    private final ThemeRules rules;
    private final AnalysisModel model;

    public CommentAnalyser(CommentParser parser, Features features, ThemeRules rules, AnalysisModel model) {
        this.parser = parser;
        this.features = features;
        this.rules = rules;
        this.model = model;
    }

    public AnalysisModel model() {
        return model;
    }

    /**
     * @param agency the agency the comment is about, or null
     * @throws NotAnalysableException when the comment cannot be analysed
     */
    public Analysis analyse(String text, String agency) {
        ParsedComment comment = parser.parse(text);
        List<ThemeRules.Match> matches = rules.find(comment);
        SentimentClassifier.Prediction sentiment = model.sentiment().predict(features.sentiment(comment));
        List<Analysis.ThemeSuggestion> themes = new ArrayList<>();
        for (ThemeClassifiers.Score score : model.themes().score(features.themes(comment, agency, matches))) {
            if (score.probability() < model.settings().themeThreshold()) {
                continue;
            }
            List<String> evidence = matches.stream().filter(m -> m.theme().equals(score.theme()))
                    .map(m -> "“" + m.text() + "”").distinct().toList();
            themes.add(new Analysis.ThemeSuggestion(score.theme(), score.probability(), evidence.isEmpty() ? score.evidence() : evidence));
        }
        return new Analysis(sentiment.sentiment(), sentiment.confidence(), sentiment.evidence(), themes);
    }
}
