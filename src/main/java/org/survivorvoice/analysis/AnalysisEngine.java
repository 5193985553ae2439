package org.survivorvoice.analysis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.survivorvoice.analysis.nlp.AnalysisModel;
import org.survivorvoice.analysis.nlp.CommentAnalyser;
import org.survivorvoice.analysis.nlp.LabelledComment;
import org.survivorvoice.analysis.nlp.NlpResources;
import org.survivorvoice.analysis.nlp.Trainer;
import org.survivorvoice.codebook.Codebook;

/**
 * Loads the CoreNLP pipeline and the active model once, on a thread of its own after the service
 * is up (HTTP answers while the models load), and hands the analyser to the workers.
 *
 * <p>If no model is stored, or the stored one was trained on other nlp-models files (codebook,
 * corpus, lexicon, rules), a model is trained from the corpus and the labels collected so far, and
 * every comment is analysed again.
 */
@Component
public class AnalysisEngine {

    private static final Logger log = LoggerFactory.getLogger(AnalysisEngine.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** Models trained in this JVM, by what they were trained on (tests start the service more than once). */
    private static final Map<String, AnalysisModel> TRAINED = new ConcurrentHashMap<>();

    /** What the engine is doing; {@code detail} says which model, or why it failed. */
    public record Status(String state, String detail) {
    }

    /** @param trainer keeps the features of every comment it has seen, so retraining does not parse them again */
    private record Ready(NlpResources resources, Trainer trainer, CommentAnalyser analyser, StoredModel model) {
    }

    private final AnalysisProperties properties;
    private final Codebook codebook;
    private final ModelStore store;
    private final TrainingLabels labels;
    private final Reanalysis reanalysis;
    private final Clock clock;
    private final AtomicReference<Ready> ready = new AtomicReference<>();
    private final AtomicReference<Status> status = new AtomicReference<>(new Status("loading", "starting"));
    private final List<Runnable> readyListeners = new ArrayList<>();

    AnalysisEngine(AnalysisProperties properties, Codebook codebook, ModelStore store, TrainingLabels labels, Reanalysis reanalysis,
                   Clock clock) {
        this.properties = properties;
        this.codebook = codebook;
        this.store = store;
        this.labels = labels;
        this.reanalysis = reanalysis;
        this.clock = clock;
    }

    /** After the context is up (the web server already answers), before command-line runners. */
    @EventListener(org.springframework.boot.context.event.ApplicationStartedEvent.class)
    public void startLoading() {
        if (!properties.enabled()) {
            status.set(new Status("off", "sv.analysis.enabled=false: this instance analyses nothing"));
            return;
        }
        Thread loader = new Thread(this::load, "analysis-loader");
        loader.setDaemon(true);
        loader.start();
    }

    void onReady(Runnable listener) {
        synchronized (readyListeners) {
            readyListeners.add(listener);
            if (ready.get() != null) {
                listener.run();
            }
        }
    }

    private void load() {
        long start = System.nanoTime();
        try {
            status.set(new Status("loading", "CoreNLP models"));
            NlpResources resources = NlpResources.load(properties.modelsDir(), codebook);
            Trainer trainer = resources.trainer();
            StoredModel active = store.active().block(TIMEOUT);
            AnalysisModel model;
            if (active != null && active.resources().equals(resources.fingerprint())) {
                model = AnalysisModel.fromBytes(active.bytes());
            } else {
                status.set(new Status("loading", "training a model (nlp-models changed or no model yet)"));
                List<LabelledComment> data = new ArrayList<>(resources.corpus());
                data.addAll(labels.collect().block(TIMEOUT));
                model = TRAINED.computeIfAbsent(resources.fingerprint() + Trainer.fingerprint(data),
                        key -> trainer.train(data, describe(data), clock));
                active = store.save(stored(model, resources, data, "trained at start-up: "
                        + (active == null ? "no model was stored" : "nlp-models changed since the stored model"))).block(TIMEOUT);
                store.activate(active.id()).block(TIMEOUT);
                reanalysis.start().block(TIMEOUT);
            }
            ready.set(new Ready(resources, trainer, resources.analyser(model), active));
            status.set(new Status("ready", active.description()));
            log.info("Analysis ready in {} s: model {} ({})", (System.nanoTime() - start) / 1_000_000_000, active.id(), active.description());
            synchronized (readyListeners) {
                readyListeners.forEach(Runnable::run);
            }
        } catch (RuntimeException e) {
            status.set(new Status("failed", e.getMessage()));
            log.error("Analysis could not start: {}", e.getMessage(), e);
        }
    }

    public Status status() {
        return status.get();
    }

    public boolean isReady() {
        return ready.get() != null;
    }

    /** @throws IllegalStateException before the engine is ready */
    public CommentAnalyser analyser() {
        Ready current = ready.get();
        if (current == null) {
            throw new IllegalStateException("the analysis is not ready");
        }
        return current.analyser();
    }

    public String activeModelId() {
        Ready current = ready.get();
        return current == null ? null : current.model().id();
    }

    NlpResources resources() {
        Ready current = ready.get();
        if (current == null) {
            throw new IllegalStateException("the analysis is not ready");
        }
        return current.resources();
    }

    Trainer trainer() {
        Ready current = ready.get();
        if (current == null) {
            throw new IllegalStateException("the analysis is not ready");
        }
        return current.trainer();
    }

    /** Makes a newly trained (and stored) model the one the workers use. */
    void use(StoredModel stored, AnalysisModel model) {
        Ready current = ready.get();
        ready.set(new Ready(current.resources(), current.trainer(), current.resources().analyser(model), stored));
        status.set(new Status("ready", stored.description()));
    }

    static StoredModel stored(AnalysisModel model, NlpResources resources, List<LabelledComment> data, String report) {
        return new StoredModel(UUID.randomUUID().toString().substring(0, 8), model.trainedAt(), model.description(),
                resources.fingerprint(), data.stream().map(LabelledComment::id).toList(), report, model.toBytes());
    }

    static String describe(List<LabelledComment> data) {
        // Comments of the service have ids "<response>/<question>"; the corpus's do not.
        long ratings = data.stream().filter(c -> c.id().contains("/") && !c.hasThemes()).count();
        long corrections = data.stream().filter(c -> c.id().contains("/") && c.hasThemes()).count();
        return String.format("corpus %d + ratings %d + officer reviews %d", data.size() - ratings - corrections, ratings, corrections);
    }
}
