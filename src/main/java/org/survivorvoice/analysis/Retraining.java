package org.survivorvoice.analysis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.survivorvoice.analysis.nlp.AnalysisModel;
import org.survivorvoice.analysis.nlp.Comparison;
import org.survivorvoice.analysis.nlp.LabelledComment;
import org.survivorvoice.analysis.nlp.NlpResources;
import org.survivorvoice.analysis.nlp.TrainingSettings;

/**
 * Retraining from the corpus plus the labels collected in the service (clients' ratings, officers'
 * reviews). The new data is compared with the current model's by cross-validation on the same
 * folds; only if it is not worse is a model trained on it, stored, made active, and every comment
 * analysed again. One retraining at a time.
 */
@Component
public class Retraining {

    private static final Logger log = LoggerFactory.getLogger(Retraining.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** The last retraining: running, or its outcome and report. */
    public record Outcome(String state, Instant at, String by, boolean replaced, String report) {
    }

    private final AnalysisEngine engine;
    private final ModelStore store;
    private final TrainingLabels labels;
    private final Reanalysis reanalysis;
    private final Clock clock;
    private final int folds;
    private final AtomicReference<Outcome> last = new AtomicReference<>();

    Retraining(AnalysisEngine engine, ModelStore store, TrainingLabels labels, Reanalysis reanalysis, Clock clock,
               AnalysisProperties properties) {
        this.folds = properties.retrainingFolds();
        this.engine = engine;
        this.store = store;
        this.labels = labels;
        this.reanalysis = reanalysis;
        this.clock = clock;
    }

    public Outcome last() {
        return last.get();
    }

    /** Starts a retraining on a thread of its own. @return false when one is already running or the analysis is not ready */
    public boolean start(String by) {
        if (!engine.isReady()) {
            return false;
        }
        Outcome running = new Outcome("running", Instant.now(clock), by, false, "");
        Outcome previous = last.get();
        if (previous != null && previous.state().equals("running") || !last.compareAndSet(previous, running)) {
            return false;
        }
        Thread thread = new Thread(() -> run(by), "analysis-retraining");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        thread.start();
        return true;
    }

    /** Runs a retraining here and now (the command line), and returns its outcome. */
    public Outcome run(String by) {
        try {
            NlpResources resources = engine.resources();
            List<LabelledComment> corpus = resources.corpus();
            List<LabelledComment> service = labels.collect().block(TIMEOUT);
            List<LabelledComment> after = new ArrayList<>(corpus);
            after.addAll(service);
            StoredModel current = store.active().block(TIMEOUT);
            Set<String> used = current == null ? Set.of() : new HashSet<>(current.trainingIds());
            List<LabelledComment> before = current == null ? corpus : after.stream().filter(c -> used.contains(c.id())).toList();
            TrainingSettings settings = TrainingSettings.DEFAULT;

            Comparison.Result comparison = Comparison.compare(resources, engine.trainer(), before, after, settings, folds, clock);
            String report = "Before: " + (current == null ? "no model" : current.description()) + "\n"
                    + "After:  " + AnalysisEngine.describe(after) + "\n\n" + comparison.report();
            Outcome outcome;
            if (comparison.notWorse()) {
                AnalysisModel model = engine.trainer().train(after, settings, AnalysisEngine.describe(after), clock);
                StoredModel stored = store.save(AnalysisEngine.stored(model, resources, after, report)).block(TIMEOUT);
                store.activate(stored.id()).block(TIMEOUT);
                engine.use(stored, model);
                reanalysis.start().block(TIMEOUT);
                outcome = new Outcome("done", Instant.now(clock), by, true, report + "\nThe new model " + stored.id()
                        + " replaces the old one; every comment is being analysed again.");
            } else {
                outcome = new Outcome("done", Instant.now(clock), by, false, report
                        + "\nThe new model would be worse: the current model stays.");
            }
            last.set(outcome);
            log.info("Retraining by {}: {}", by, outcome.replaced() ? "new model in use" : "kept the current model");
            return outcome;
        } catch (RuntimeException e) {
            Outcome failed = new Outcome("failed", Instant.now(clock), by, false, "Retraining failed: " + e.getMessage());
            last.set(failed);
            log.error("Retraining failed: {}", e.getMessage(), e);
            return failed;
        }
    }
}
