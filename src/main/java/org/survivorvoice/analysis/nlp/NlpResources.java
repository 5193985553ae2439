package org.survivorvoice.analysis.nlp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.definition.DefinitionException;

/**
 * Everything the analysis reads from {@code nlp-models/}: the codebook, the CoreNLP model files,
 * the lexicon, the theme rules and the labelled corpus. Loads the analysis pipeline once.
 */
public final class NlpResources {

    private final Path directory;
    private final Codebook codebook;
    private final StanfordCoreNLP pipeline;
    private final Lexicon lexicon;
    private final ThemeRules rules;
    private final String fingerprint;

    private NlpResources(Path directory, Codebook codebook, StanfordCoreNLP pipeline, Lexicon lexicon, ThemeRules rules) {
        this.directory = directory;
        this.codebook = codebook;
        this.pipeline = pipeline;
        this.lexicon = lexicon;
        this.rules = rules;
        this.fingerprint = fingerprintOf(directory, codebook);
    }

    /** Changes whenever the codebook, the corpus, the lexicon, the rules or the features change: a model trained before is out of date. */
    public String fingerprint() {
        return fingerprint;
    }

    private static String fingerprintOf(Path directory, Codebook codebook) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(("features " + Features.VERSION + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            codebook.themes().forEach(t -> digest.update((t.id() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            digest.update(Files.readAllBytes(directory.resolve("lexicon.tsv")));
            digest.update(Files.readAllBytes(directory.resolve("rules/themes.rules")));
            try (var files = Files.list(directory.resolve("corpus"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                    digest.update(Files.readAllBytes(file));
                }
            }
            return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read " + directory + ": " + e.getMessage(), e);
        }
    }

    public static NlpResources load(Path directory, Codebook codebook) {
        ModelFiles models = new ModelFiles(directory.resolve("corenlp")).check();
        return new NlpResources(directory, codebook, Pipelines.analysis(models),
                Lexicon.load(directory.resolve("lexicon.tsv")), ThemeRules.load(directory.resolve("rules/themes.rules")));
    }

    /** The codebook as the service reads it, from {@code <directory>/codebook.yaml}. */
    public static Codebook codebook(Path directory) {
        Path file = directory.resolve("codebook.yaml");
        try {
            return Codebook.parse("nlp-models/codebook.yaml", Files.readString(file));
        } catch (java.io.IOException e) {
            throw new DefinitionException(file.toString(), "", "cannot be read: " + e.getMessage());
        }
    }

    public List<String> themeIds() {
        return codebook.themes().stream().map(t -> t.id()).toList();
    }

    public List<LabelledComment> corpus() {
        return LabelledFile.readFolder(directory.resolve("corpus"), java.util.Set.copyOf(themeIds()));
    }

    public CommentParser parser() {
        return new CommentParser(pipeline);
    }

    public Features features() {
        return new Features(lexicon);
    }

    public ThemeRules rules() {
        return rules;
    }

    public Trainer trainer() {
        return new Trainer(parser(), features(), rules, themeIds());
    }

    public CommentAnalyser analyser(AnalysisModel model) {
        return new CommentAnalyser(parser(), features(), rules, model);
    }

    public Baseline baseline() {
        return new Baseline(Pipelines.baseline(new ModelFiles(directory.resolve("corenlp"))));
    }
}
