package org.survivorvoice.analysis.nlp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores the analysis (and plain CoreNLP beside it) on labelled comments, and cross-validates the
 * training on the corpus.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** The analysis and the baseline on the same comments; comments that cannot be analysed count as wrong. */
    public record Result(Scores analysis, Scores baseline) {
    }

    public static Result evaluate(CommentAnalyser analyser, Baseline baseline, List<LabelledComment> comments, List<String> themes) {
        Scores analysis = new Scores(themes);
        Scores plain = new Scores(themes);
        for (LabelledComment comment : comments) {
            Sentiment sentiment;
            Set<String> predicted;
            try {
                Analysis result = analyser.analyse(comment.text(), comment.agency());
                sentiment = result.sentiment();
                predicted = new LinkedHashSet<>(result.themeIds());
            } catch (NotAnalysableException e) {
                sentiment = comment.sentiment().polarity() == Sentiment.Polarity.NEUTRAL ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
                predicted = Set.of();
            }
            analysis.add(comment, sentiment, predicted);
            if (baseline != null) {
                plain.add(comment, baseline.sentiment(comment.text()), null);
            }
        }
        return new Result(analysis, baseline == null ? null : plain);
    }

    /** k-fold cross-validation of training on {@code comments}; folds by position, after a fixed shuffle. */
    public static Scores crossValidate(NlpResources resources, Trainer trainer, List<LabelledComment> comments, int folds,
                                       java.time.Clock clock) {
        List<LabelledComment> shuffled = new ArrayList<>(comments);
        java.util.Collections.shuffle(shuffled, new java.util.Random(20151));
        Scores scores = new Scores(resources.themeIds());
        for (int fold = 0; fold < folds; fold++) {
            List<LabelledComment> train = new ArrayList<>();
            List<LabelledComment> test = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) {
                (i % folds == fold ? test : train).add(shuffled.get(i));
            }
            CommentAnalyser analyser = resources.analyser(trainer.train(train, "fold " + fold, clock));
            Scores foldScores = evaluate(analyser, null, test, resources.themeIds()).analysis();
            scores.merge(foldScores);
        }
        return scores;
    }

    public static String table(Scores scores) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-22s %7s %9s %7s %7s%n", "theme", "support", "precision", "recall", "F1"));
        for (Scores.ThemeScore t : scores.perTheme()) {
            out.append(String.format(Locale.ROOT, "%-22s %7d %9.3f %7.3f %7.3f%n", t.theme(), t.support(), t.precision(), t.recall(), t.f1()));
        }
        return out.toString();
    }
}
