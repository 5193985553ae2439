package org.survivorvoice.analysis.nlp;

import java.util.List;

/**
 * What the analysis says about one comment.
 *
 * @param confidence        the classifier's probability of {@code sentiment}
 * @param sentimentEvidence the strongest features behind the sentiment, readable
 * @param themes            the themes suggested, most likely first
 */
public record Analysis(Sentiment sentiment, double confidence, List<String> sentimentEvidence, List<ThemeSuggestion> themes) {

    /** @param evidence the phrase a rule matched, or the strongest features */
    public record ThemeSuggestion(String theme, double score, List<String> evidence) {
    }

    public List<String> themeIds() {
        return themes.stream().map(ThemeSuggestion::theme).toList();
    }
}
