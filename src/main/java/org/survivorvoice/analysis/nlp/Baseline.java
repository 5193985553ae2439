package org.survivorvoice.analysis.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.util.CoreMap;

/**
 * Plain CoreNLP sentiment, for comparison: tokenize, ssplit, pos, parse, sentiment; the comment
 * scored as the mean of its sentences' classes (0 very negative … 4 very positive), rounded.
 */
public final class Baseline {

    private final StanfordCoreNLP pipeline;

    public Baseline(StanfordCoreNLP pipeline) {
        this.pipeline = pipeline;
    }

    public Sentiment sentiment(String text) {
        Annotation document = new Annotation(text);
        pipeline.annotate(document);
        double sum = 0;
        int count = 0;
        for (CoreMap sentence : document.get(CoreAnnotations.SentencesAnnotation.class)) {
            Tree tree = sentence.get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            if (tree == null) {
                continue; // longer than the parser takes on
            }
            sum += RNNCoreAnnotations.getPredictedClass(tree);
            count++;
        }
        return count == 0 ? Sentiment.NEUTRAL : Sentiment.ofIndex((int) Math.round(sum / count));
    }
}
