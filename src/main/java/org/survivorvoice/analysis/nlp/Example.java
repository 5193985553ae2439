package org.survivorvoice.analysis.nlp;

import java.util.Set;

import edu.stanford.nlp.stats.Counter;

/** A training example after feature extraction. @param themes null when its themes are unknown */
record Example(Counter<String> sentimentFeatures, Counter<String> themeFeatures, Sentiment sentiment, Set<String> themes,
               double weight) {
}
