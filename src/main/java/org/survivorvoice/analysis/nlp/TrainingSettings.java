package org.survivorvoice.analysis.nlp;

import java.io.Serializable;

/**
 * The training's hyperparameters, chosen by cross-validation on the project's corpus with
 * {@code java -jar … tune} (never on the evaluation file).
 *
 * @param sentimentSigma L2 prior of the sentiment classifier
 * @param themeSigma     L2 prior of the theme classifiers
 * @param themeThreshold probability from which a theme is suggested
 */
public record TrainingSettings(double sentimentSigma, double themeSigma, double themeThreshold) implements Serializable {

    public static final TrainingSettings DEFAULT = new TrainingSettings(1.0, 1.0, 0.2);
}
