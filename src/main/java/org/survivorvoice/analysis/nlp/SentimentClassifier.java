package org.survivorvoice.analysis.nlp;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.WeightedRVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;

/** A comment's tone on the five-point scale: CoreNLP's maximum-entropy (logistic) classifier. */
final class SentimentClassifier implements Serializable {

    private static final long serialVersionUID = 1L;
    private final LinearClassifier<String, String> classifier;

    private SentimentClassifier(LinearClassifier<String, String> classifier) {
        this.classifier = classifier;
    }

    static SentimentClassifier train(List<Example> examples, double sigma) {
        WeightedRVFDataset<String, String> data = new WeightedRVFDataset<>();
        for (Example example : examples) {
            data.add(new RVFDatum<>(example.sentimentFeatures(), example.sentiment().value()), (float) example.weight());
        }
        LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
        factory.setSigma(sigma);
        factory.setVerbose(false);
        return new SentimentClassifier(factory.trainClassifier(data));
    }

    /** @param evidence the features that pushed most towards the chosen tone, as people can read them */
    record Prediction(Sentiment sentiment, double confidence, Map<Sentiment, Double> probabilities, List<String> evidence) {
    }

    Prediction predict(Counter<String> features) {
        RVFDatum<String, String> datum = new RVFDatum<>(features);
        Counter<String> probabilities = classifier.probabilityOf(datum);
        String best = edu.stanford.nlp.stats.Counters.argmax(probabilities);
        Map<Sentiment, Double> byScale = probabilities.keySet().stream().collect(Collectors.toMap(
                label -> Sentiment.fromValue(label).orElseThrow(), probabilities::getCount));
        List<String> evidence = features.keySet().stream()
                .filter(f -> !f.equals("bias") && !f.startsWith("b:") && !f.startsWith("len:"))
                .filter(f -> classifier.weight(f, best) * features.getCount(f) > 0.05)
                .sorted(Comparator.comparingDouble((String f) -> -classifier.weight(f, best) * features.getCount(f)))
                .limit(4)
                .map(FeatureNames::readable)
                .toList();
        return new Prediction(Sentiment.fromValue(best).orElseThrow(), probabilities.getCount(best), byScale, evidence);
    }
}
