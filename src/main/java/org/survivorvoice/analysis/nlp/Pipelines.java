package org.survivorvoice.analysis.nlp;

import java.util.Properties;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;

/**
 * The CoreNLP pipelines. CoreNLP keeps one copy of each loaded model per JVM (its annotator
 * pool), so building a pipeline twice does not load the models twice.
 */
public final class Pipelines {

    /**
     * The longest sentence (in tokens) the constituency parser takes on; its work grows with the
     * cube of the length, so one run-on sentence must not take minutes. Longer sentences get no
     * parse (and no CoreNLP sentence sentiment).
     */
    public static final int MAX_PARSED_SENTENCE = 60;
    /** The longest sentence the tagger and the dependency parser take on. */
    public static final int MAX_SENTENCE = 200;

    private Pipelines() {
    }

    /** What the project's analysis needs: words, lemmas, parts of speech and dependencies (for negation scope). */
    public static StanfordCoreNLP analysis(ModelFiles models) {
        Properties properties = common(models);
        properties.setProperty("annotators", "tokenize,ssplit,pos,lemma,depparse");
        return new StanfordCoreNLP(properties);
    }

    /** Plain CoreNLP sentiment, the baseline: the movie-review model over constituency parses. */
    public static StanfordCoreNLP baseline(ModelFiles models) {
        Properties properties = common(models);
        properties.setProperty("annotators", "tokenize,ssplit,pos,parse,sentiment");
        return new StanfordCoreNLP(properties);
    }

    private static Properties common(ModelFiles models) {
        Properties properties = new Properties();
        properties.setProperty("tokenize.language", "en");
        properties.setProperty("tokenize.options", "untokenizable=noneDelete,invertible=true");
        properties.setProperty("ssplit.maxSentenceLength", String.valueOf(MAX_SENTENCE));
        properties.setProperty("pos.model", models.posTagger().toString());
        properties.setProperty("pos.maxlen", String.valueOf(MAX_SENTENCE));
        properties.setProperty("parse.model", models.pcfgParser().toString());
        properties.setProperty("parse.maxlen", String.valueOf(MAX_PARSED_SENTENCE));
        properties.setProperty("parse.binaryTrees", "true");
        properties.setProperty("sentiment.model", models.sentiment().toString());
        properties.setProperty("depparse.model", models.dependencyParser().toString());
        properties.setProperty("depparse.maxlen", String.valueOf(MAX_SENTENCE));
        return properties;
    }
}
