package org.survivorvoice.analysis.nlp;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses {@link TrainingSettings} by k-fold cross-validation on the corpus: every pair of priors
 * is trained per fold; theme thresholds are scored on the same out-of-fold probabilities.
 */
public final class Tuning {

    private Tuning() {
    }

    /** One comment's out-of-fold prediction. */
    record Prediction(LabelledComment gold, Sentiment sentiment, List<ThemeClassifiers.Score> themes) {
    }

    public static TrainingSettings tune(NlpResources resources, List<LabelledComment> corpus, int folds, double[] sentimentSigmas,
                                        double[] themeSigmas, double[] thresholds, PrintStream out) {
        Trainer trainer = resources.trainer();
        TrainingSettings best = TrainingSettings.DEFAULT;
        double bestScore = -1;
        for (double sentimentSigma : sentimentSigmas) {
            for (double themeSigma : themeSigmas) {
                List<Prediction> predictions = outOfFold(resources, trainer, corpus, folds,
                        new TrainingSettings(sentimentSigma, themeSigma, 0.5));
                for (double threshold : thresholds) {
                    Scores scores = score(resources.themeIds(), predictions, threshold);
                    double combined = (scores.polarityAccuracy() + scores.exactAccuracy() + scores.themeMicroF1()) / 3;
                    out.printf(Locale.ROOT, "sentiment sigma %5.2f  theme sigma %5.2f  threshold %4.2f  polarity %.3f  exact %.3f  theme micro-F1 %.3f  macro-F1 %.3f%n",
                            sentimentSigma, themeSigma, threshold, scores.polarityAccuracy(), scores.exactAccuracy(),
                            scores.themeMicroF1(), scores.themeMacroF1());
                    if (combined > bestScore) {
                        bestScore = combined;
                        best = new TrainingSettings(sentimentSigma, themeSigma, threshold);
                    }
                }
            }
        }
        out.println("best: " + best);
        return best;
    }

    static List<Prediction> outOfFold(NlpResources resources, Trainer trainer, List<LabelledComment> corpus, int folds,
                                      TrainingSettings settings) {
        List<LabelledComment> shuffled = new ArrayList<>(corpus);
        Collections.shuffle(shuffled, new Random(20151));
        List<Prediction> predictions = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledComment> train = new ArrayList<>();
            List<LabelledComment> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % folds == fold ? test : train).add(shuffled.get(i));
            }
            AnalysisModel model = trainer.train(train, settings, "fold " + fold, Clock.systemUTC());
            List<Example> examples = trainer.prepare(test);
            List<LabelledComment> analysable = test.stream().filter(c -> !trainer.prepare(List.of(c)).isEmpty()).toList();
            for (int i = 0; i < examples.size(); i++) {
                Example example = examples.get(i);
                predictions.add(new Prediction(analysable.get(i), model.sentiment().predict(example.sentimentFeatures()).sentiment(),
                        model.themes().score(example.themeFeatures())));
            }
        }
        return predictions;
    }

    static Scores score(List<String> themes, List<Prediction> predictions, double threshold) {
        Scores scores = new Scores(themes);
        for (Prediction p : predictions) {
            Set<String> chosen = p.themes().stream().filter(s -> s.probability() >= threshold)
                    .map(ThemeClassifiers.Score::theme).collect(Collectors.toSet());
            scores.add(p.gold(), p.sentiment(), chosen);
        }
        return scores;
    }
}
