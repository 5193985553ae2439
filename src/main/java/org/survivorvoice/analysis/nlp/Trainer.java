package org.survivorvoice.analysis.nlp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trains analysis models from labelled comments. Each comment is parsed once and its features kept,
 * so that cross-validation folds and retraining reuse them.
 */
public final class Trainer {

    private final CommentParser parser;
    private final Features features;
    private final ThemeRules rules;
    private final List<String> themes;
    private final Map<String, Example> examples = new ConcurrentHashMap<>();

    public Trainer(CommentParser parser, Features features, ThemeRules rules, List<String> themes) {
        this.parser = parser;
        this.features = features;
        this.rules = rules;
        this.themes = List.copyOf(themes);
    }

    public AnalysisModel train(List<LabelledComment> comments, String description, Clock clock) {
        return train(comments, TrainingSettings.DEFAULT, description, clock);
    }

    public AnalysisModel train(List<LabelledComment> comments, TrainingSettings settings, String description, Clock clock) {
        List<Example> prepared = prepare(comments);
        return new AnalysisModel(SentimentClassifier.train(prepared, settings.sentimentSigma()),
                ThemeClassifiers.train(themes, prepared, settings.themeSigma()),
                settings, Instant.now(clock), description, fingerprint(comments));
    }

    /** Features of each comment (cached); comments that cannot be analysed are left out. */
    List<Example> prepare(List<LabelledComment> comments) {
        List<Example> prepared = new ArrayList<>(comments.size());
        for (LabelledComment comment : comments) {
            String key = comment.agency() + "\u0000" + comment.text();
            Example cached = examples.get(key);
            if (cached == null) {
                try {
                    ParsedComment parsed = parser.parse(comment.text());
                    cached = new Example(features.sentiment(parsed), features.themes(parsed, comment.agency(), rules.find(parsed)),
                            null, null, 1.0);
                    examples.put(key, cached);
                } catch (NotAnalysableException e) {
                    continue;
                }
            }
            prepared.add(new Example(cached.sentimentFeatures(), cached.themeFeatures(), comment.sentiment(), comment.themes(),
                    comment.weight()));
        }
        return prepared;
    }

    /** Identifies the training data, so that an unchanged corpus is not trained again. */
    public static String fingerprint(List<LabelledComment> comments) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (LabelledComment c : comments) {
                digest.update((c.id() + '\t' + c.agency() + '\t' + c.sentiment() + '\t' + c.themes() + '\t' + c.text() + '\t' + c.weight() + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
