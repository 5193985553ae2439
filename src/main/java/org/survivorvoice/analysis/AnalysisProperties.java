package org.survivorvoice.analysis;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled     false for an instance that stores responses but analyses nothing (its comments wait for one that does)
 * @param modelsDir   the nlp-models folder (codebook, corpus, lexicon, rules, CoreNLP model files)
 * @param workers     analysis threads; 0 means one per processor
 * @param maxAttempts attempts before a comment is marked failed
 * @param lease       how long a worker may hold a comment before another instance may take it over
 * @param poll        how often idle workers look for work (new responses wake them at once)
 * @param ratingWeight     how much a client's own rating counts as a label when retraining
 * @param correctionWeight how much an officer's correction counts when retraining
 * @param retrainingFolds  folds of the cross-validation that compares a retrained model with the current one
 */
@ConfigurationProperties("sv.analysis")
public record AnalysisProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("nlp-models") Path modelsDir,
        @DefaultValue("0") int workers,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("5s") Duration poll,
        @DefaultValue("0.5") double ratingWeight,
        @DefaultValue("2") double correctionWeight,
        @DefaultValue("5") int retrainingFolds) {

    public int workerCount() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
    }
}
