package org.survivorvoice.analysis.nlp;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compares two sets of training data on equal terms: k-fold cross-validation over the same folds
 * of fully labelled comments (the corpus and officer-reviewed comments); each side trains on its
 * own data minus the fold being tested. Comments labelled only by a rating are never tested on.
 */
public final class Comparison {

    private Comparison() {
    }

    public record Result(Scores before, Scores after) {

        public static double combined(Scores scores) {
            return (scores.polarityAccuracy() + scores.exactAccuracy() + scores.themeMicroF1()) / 3;
        }

        /** The new data is kept if it scores at least as well. */
        public boolean notWorse() {
            return combined(after) >= combined(before) - 1e-9;
        }

        public String report() {
            return String.format(Locale.ROOT, "%-26s %8s %8s%n", "cross-validated", "before", "after")
                    + line("polarity accuracy", before.polarityAccuracy(), after.polarityAccuracy())
                    + line("polarity accuracy (clear)", before.polarityAccuracyClear(), after.polarityAccuracyClear())
                    + line("5-point exact", before.exactAccuracy(), after.exactAccuracy())
                    + line("theme micro-F1", before.themeMicroF1(), after.themeMicroF1())
                    + line("theme macro-F1", before.themeMacroF1(), after.themeMacroF1())
                    + String.format(Locale.ROOT, "%-26s %8d %8d%n", "comments tested", before.n(), after.n());
        }

        private static String line(String name, double a, double b) {
            return String.format(Locale.ROOT, "%-26s %8.3f %8.3f%n", name, a, b);
        }
    }

    /**
     * @param before the data the current model was trained on
     * @param after  the data a new model would be trained on
     */
    public static Result compare(NlpResources resources, Trainer trainer, List<LabelledComment> before, List<LabelledComment> after,
                                 TrainingSettings settings, int folds, Clock clock) {
        List<LabelledComment> testable = new ArrayList<>(after.stream().filter(LabelledComment::hasThemes).toList());
        Collections.shuffle(testable, new Random(20151));
        Scores beforeScores = new Scores(resources.themeIds());
        Scores afterScores = new Scores(resources.themeIds());
        for (int fold = 0; fold < folds; fold++) {
            Set<String> test = new java.util.HashSet<>();
            List<LabelledComment> tested = new ArrayList<>();
            for (int i = fold; i < testable.size(); i += folds) {
                test.add(testable.get(i).id());
                tested.add(testable.get(i));
            }
            Predicate<LabelledComment> training = c -> !test.contains(c.id());
            CommentAnalyser old = resources.analyser(trainer.train(before.stream().filter(training).toList(), settings, "before", clock));
            CommentAnalyser fresh = resources.analyser(trainer.train(after.stream().filter(training).toList(), settings, "after", clock));
            beforeScores.merge(Evaluation.evaluate(old, null, tested, resources.themeIds()).analysis());
            afterScores.merge(Evaluation.evaluate(fresh, null, tested, resources.themeIds()).analysis());
        }
        return new Result(beforeScores, afterScores);
    }
}
