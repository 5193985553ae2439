package org.survivorvoice.analysis.nlp;

import java.io.Serializable;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.classify.WeightedRVFDataset;
import edu.stanford.nlp.ling.RVFDatum;
import edu.stanford.nlp.stats.Counter;

/** One yes/no classifier per codebook theme, over lemmas, the agency and the theme rules' matches. */
final class ThemeClassifiers implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String YES = "yes";
    private static final String NO = "no";

    private final Map<String, LinearClassifier<String, String>> classifiers;

    private ThemeClassifiers(Map<String, LinearClassifier<String, String>> classifiers) {
        this.classifiers = classifiers;
    }

    /** Trains on the examples whose themes are known. */
    static ThemeClassifiers train(List<String> themes, List<Example> examples, double sigma) {
        Map<String, LinearClassifier<String, String>> classifiers = new LinkedHashMap<>();
        List<Example> labelled = examples.stream().filter(e -> e.themes() != null).toList();
        for (String theme : themes) {
            WeightedRVFDataset<String, String> data = new WeightedRVFDataset<>();
            boolean anyYes = false;
            for (Example example : labelled) {
                boolean yes = example.themes().contains(theme);
                anyYes |= yes;
                data.add(new RVFDatum<>(example.themeFeatures(), yes ? YES : NO), (float) example.weight());
            }
            if (!anyYes) {
                continue; // no example of this theme: it is never predicted (rather than guessed)
            }
            LinearClassifierFactory<String, String> factory = new LinearClassifierFactory<>();
            factory.setSigma(sigma);
            factory.setVerbose(false);
            classifiers.put(theme, factory.trainClassifier(data));
        }
        return new ThemeClassifiers(classifiers);
    }

    record Score(String theme, double probability, List<String> evidence) {
    }

    /** Every theme's probability, highest first, with the features that weighed most towards it. */
    List<Score> score(Counter<String> features) {
        RVFDatum<String, String> datum = new RVFDatum<>(features);
        return classifiers.entrySet().stream().map(entry -> {
            LinearClassifier<String, String> classifier = entry.getValue();
            double probability = classifier.probabilityOf(datum).getCount(YES);
            List<String> evidence = features.keySet().stream()
                    .filter(f -> !f.equals("bias"))
                    .filter(f -> weight(classifier, f) > 0.1)
                    .sorted(Comparator.comparingDouble((String f) -> -weight(classifier, f)))
                    .limit(3)
                    .map(FeatureNames::readable)
                    .toList();
            return new Score(entry.getKey(), probability, evidence);
        }).sorted(Comparator.comparingDouble(s -> -s.probability())).toList();
    }

    private static double weight(LinearClassifier<String, String> classifier, String feature) {
        return classifier.weight(feature, YES) - classifier.weight(feature, NO);
    }
}
