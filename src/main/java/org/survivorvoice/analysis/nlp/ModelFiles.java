package org.survivorvoice.analysis.nlp;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CoreNLP model files the build unpacks under {@code nlp-models/corenlp} (never the models
 * jar on the classpath).
 */
public record ModelFiles(Path directory) {

    private static final String BASE = "edu/stanford/nlp/models/";

    public Path posTagger() {
        return file("pos-tagger/english-left3words-distsim.tagger");
    }

    public Path pcfgParser() {
        return file("lexparser/englishPCFG.ser.gz");
    }

    public Path sentiment() {
        return file("sentiment/sentiment.ser.gz");
    }

    public Path dependencyParser() {
        return file("parser/nndep/english_UD.gz");
    }

    private Path file(String name) {
        return directory.resolve(BASE + name);
    }

    /** Fails with what to do when the build has not unpacked the models. */
    public ModelFiles check() {
        for (Path file : new Path[] {posTagger(), pcfgParser(), sentiment(), dependencyParser()}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("CoreNLP model file missing: " + file.toAbsolutePath()
                        + ". Run 'mvn generate-resources' (the build unpacks the models into nlp-models/corenlp).");
            }
        }
        return this;
    }
}
