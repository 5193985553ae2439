package org.survivorvoice.analysis.nlp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well predictions match labels: polarity accuracy (all comments and clear ones), 5-point
 * exact accuracy, theme precision/recall/F1 per theme, micro and macro.
 */
public final class Scores {

    private int n;
    private int polarityRight;
    private int clear;
    private int clearPolarityRight;
    private int exactRight;
    private final Map<String, int[]> themeCounts = new LinkedHashMap<>();

    public Scores(List<String> themes) {
        themes.forEach(theme -> themeCounts.put(theme, new int[3]));
    }

    /** @param predictedThemes null when themes are not scored (the baseline) */
    public void add(LabelledComment gold, Sentiment predicted, Set<String> predictedThemes) {
        n++;
        boolean polarity = gold.sentiment().polarity() == predicted.polarity();
        if (polarity) {
            polarityRight++;
        }
        if (gold.clear()) {
            clear++;
            if (polarity) {
                clearPolarityRight++;
            }
        }
        if (gold.sentiment() == predicted) {
            exactRight++;
        }
        if (predictedThemes != null && gold.hasThemes()) {
            for (Map.Entry<String, int[]> entry : themeCounts.entrySet()) {
                boolean truth = gold.themes().contains(entry.getKey());
                boolean guess = predictedThemes.contains(entry.getKey());
                int[] c = entry.getValue();
                if (truth && guess) {
                    c[0]++;
                } else if (guess) {
                    c[1]++;
                } else if (truth) {
                    c[2]++;
                }
            }
        }
    }

    /** Adds another set's counts (cross-validation folds). */
    public void merge(Scores other) {
        n += other.n;
        polarityRight += other.polarityRight;
        clear += other.clear;
        clearPolarityRight += other.clearPolarityRight;
        exactRight += other.exactRight;
        other.themeCounts.forEach((theme, c) -> {
            int[] mine = themeCounts.get(theme);
            for (int i = 0; i < 3; i++) {
                mine[i] += c[i];
            }
        });
    }

    public int n() {
        return n;
    }

    public double polarityAccuracy() {
        return ratio(polarityRight, n);
    }

    public double polarityAccuracyClear() {
        return ratio(clearPolarityRight, clear);
    }

    public double exactAccuracy() {
        return ratio(exactRight, n);
    }

    public double themeMicroF1() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int[] c : themeCounts.values()) {
            tp += c[0];
            fp += c[1];
            fn += c[2];
        }
        return f1(tp, fp, fn);
    }

    /** The mean F1 of the themes that occur in the labels or the predictions. */
    public double themeMacroF1() {
        List<Double> f1s = new ArrayList<>();
        for (int[] c : themeCounts.values()) {
            if (c[0] + c[1] + c[2] > 0) {
                f1s.add(f1(c[0], c[1], c[2]));
            }
        }
        return f1s.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Per theme: support (labelled), precision, recall, F1. */
    public record ThemeScore(String theme, int support, double precision, double recall, double f1) {
    }

    public List<ThemeScore> perTheme() {
        return themeCounts.entrySet().stream().map(e -> {
            int[] c = e.getValue();
            return new ThemeScore(e.getKey(), c[0] + c[2], ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2]), f1(c[0], c[1], c[2]));
        }).toList();
    }

    static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
