package org.survivorvoice.analysis.nlp;

import java.util.Set;

/**
 * A comment with its labels, from a labelled file or from the service (a client's rating, an
 * officer's correction).
 *
 * @param clear  false where the tone is mixed
 * @param themes null where the themes are not known (a rating labels only the sentiment)
 * @param weight how much the example counts in training (a rating counts less than a correction)
 */
public record LabelledComment(String id, String agency, Sentiment sentiment, boolean clear, Set<String> themes,
                              String text, double weight) {

    public LabelledComment {
        themes = themes == null ? null : Set.copyOf(themes);
    }

    public boolean hasThemes() {
        return themes != null;
    }
}
