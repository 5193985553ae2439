package org.survivorvoice.analysis;

import java.util.List;

import org.survivorvoice.analysis.nlp.Sentiment;

/**
 * How far the machine agrees with the officers, over the comments an officer has reviewed: per
 * theme Cohen's kappa, precision and recall (the officer's labels taken as right); for the tone,
 * exact and polarity agreement and Cohen's kappa over the five points.
 */
public final class Agreement {

    private Agreement() {
    }

    public record ThemeAgreement(String theme, int officer, int machine, int both, double kappa, double precision, double recall) {
    }

    public record SentimentAgreement(int n, double exact, double polarity, double kappa) {
    }

    public record Result(int reviewed, SentimentAgreement sentiment, List<ThemeAgreement> themes) {
    }

    public static Result of(List<Comment> reviewed, List<String> themeIds) {
        List<Comment> both = reviewed.stream().filter(c -> c.human() != null && c.machine() != null).toList();
        int n = both.size();
        List<ThemeAgreement> themes = themeIds.stream().map(theme -> {
            int a = 0; // both
            int b = 0; // machine only
            int c = 0; // officer only
            for (Comment comment : both) {
                boolean officer = comment.human().themes().contains(theme);
                boolean machine = CommentReview.machineThemes(comment).contains(theme);
                if (officer && machine) {
                    a++;
                } else if (machine) {
                    b++;
                } else if (officer) {
                    c++;
                }
            }
            int d = n - a - b - c;
            return new ThemeAgreement(theme, a + c, a + b, a, kappa(new int[][] {{a, b}, {c, d}}), ratio(a, a + b), ratio(a, a + c));
        }).toList();
        int[][] matrix = new int[5][5];
        int exact = 0;
        int polarity = 0;
        for (Comment comment : both) {
            Sentiment officer = Sentiment.fromValue(comment.human().sentiment()).orElseThrow();
            Sentiment machine = Sentiment.fromValue(comment.machine().sentiment()).orElseThrow();
            matrix[machine.index()][officer.index()]++;
            exact += officer == machine ? 1 : 0;
            polarity += officer.polarity() == machine.polarity() ? 1 : 0;
        }
        return new Result(n, new SentimentAgreement(n, ratio(exact, n), ratio(polarity, n), kappa(matrix)), themes);
    }

    /** Cohen's kappa of a square confusion matrix (rows: one rater, columns: the other). 0 when undefined. */
    static double kappa(int[][] matrix) {
        int k = matrix.length;
        double total = 0;
        double agreed = 0;
        double[] rows = new double[k];
        double[] columns = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                total += matrix[i][j];
                rows[i] += matrix[i][j];
                columns[j] += matrix[i][j];
                if (i == j) {
                    agreed += matrix[i][j];
                }
            }
        }
        if (total == 0) {
            return 0;
        }
        double observed = agreed / total;
        double expected = 0;
        for (int i = 0; i < k; i++) {
            expected += rows[i] * columns[i] / (total * total);
        }
        return expected >= 1 ? (observed >= 1 ? 1 : 0) : (observed - expected) / (1 - expected);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

}
