package org.survivorvoice.analysis.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysis from the command line, without the web server or the database:
 * <pre>
 * java -jar survivor-voice.jar evaluate FILE.tsv      scores on a labelled file, with plain CoreNLP beside it
 * java -jar survivor-voice.jar analyse FILE           one comment per line in, one JSON object per line out
 * java -jar survivor-voice.jar cross-validate [K]     K-fold cross-validation on the project's corpus (default 5)
 * java -jar survivor-voice.jar tune                   chooses the training settings by cross-validation on the corpus
 * java -jar survivor-voice.jar lemmas FILE            each line as lemmas (for writing rules and the lexicon)
 * java -jar survivor-voice.jar benchmark [N [T]]      throughput on N corpus comments, T threads, against plain CoreNLP
 * </pre>
 * {@code --models=DIR} points at another nlp-models folder. The model is trained from the corpus
 * in {@code nlp-models/corpus} at the start of each run (a few seconds).
 */
public final class AnalysisCommandLine {

    private static final Set<String> COMMANDS = Set.of("evaluate", "analyse", "analyze", "cross-validate", "tune", "lemmas", "benchmark");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnalysisCommandLine() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        quietLogs();
        Path models = Path.of("nlp-models");
        List<String> rest = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--models=")) {
                models = Path.of(args[i].substring("--models=".length()));
            } else {
                rest.add(args[i]);
            }
        }
        try {
            NlpResources resources = NlpResources.load(models, NlpResources.codebook(models));
            return switch (args[0]) {
                case "evaluate" -> evaluate(resources, file(rest, "evaluate FILE.tsv"), out, err);
                case "analyse", "analyze" -> analyse(resources, file(rest, "analyse FILE"), out, err);
                case "lemmas" -> lemmas(resources, file(rest, "lemmas FILE"), out);
                case "benchmark" -> {
                    AnalysisBenchmark.run(resources, rest.isEmpty() ? 300 : Integer.parseInt(rest.get(0)),
                            rest.size() < 2 ? 2 : Integer.parseInt(rest.get(1)), out);
                    yield 0;
                }
                case "tune" -> {
                    Tuning.tune(resources, resources.corpus(), 5, new double[] {0.5, 1, 2, 4}, new double[] {0.25, 0.5, 1, 2, 4, 8},
                            new double[] {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5}, out);
                    yield 0;
                }
                default -> crossValidate(resources, rest.isEmpty() ? 5 : Integer.parseInt(rest.get(0)), out, err);
            };
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("error: " + e);
            return 2;
        }
    }

    private static int evaluate(NlpResources resources, Path file, PrintStream out, PrintStream err) {
        List<LabelledComment> comments = LabelledFile.read(file, Set.copyOf(resources.themeIds()));
        err.println("Training on the corpus …");
        List<LabelledComment> corpus = resources.corpus();
        AnalysisModel model = resources.trainer().train(corpus, "corpus " + corpus.size(), Clock.systemUTC());
        err.println("Analysing " + comments.size() + " comments, and with plain CoreNLP …");
        Evaluation.Result result = Evaluation.evaluate(resources.analyser(model), resources.baseline(), comments, resources.themeIds());
        out.print(Evaluation.table(result.analysis()));
        out.println(summary(result.analysis(), result.baseline(), corpus.size()));
        return 0;
    }

    private static int crossValidate(NlpResources resources, int folds, PrintStream out, PrintStream err) {
        List<LabelledComment> corpus = resources.corpus();
        err.println(folds + "-fold cross-validation on " + corpus.size() + " corpus comments …");
        Scores scores = Evaluation.crossValidate(resources, resources.trainer(), corpus, folds, Clock.systemUTC());
        out.print(Evaluation.table(scores));
        out.println(summary(scores, null, corpus.size()));
        return 0;
    }

    private static int analyse(NlpResources resources, Path file, PrintStream out, PrintStream err) {
        List<LabelledComment> corpus = resources.corpus();
        CommentAnalyser analyser = resources.analyser(resources.trainer().train(corpus, "corpus " + corpus.size(), Clock.systemUTC()));
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("text", line);
                try {
                    Analysis analysis = analyser.analyse(line, null);
                    json.put("sentiment", analysis.sentiment().value());
                    json.put("confidence", round(analysis.confidence()));
                    json.put("themes", analysis.themeIds());
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("sentiment", analysis.sentimentEvidence());
                    analysis.themes().forEach(t -> evidence.put(t.theme(), t.evidence()));
                    json.put("evidence", evidence);
                } catch (NotAnalysableException e) {
                    json.put("sentiment", null);
                    json.put("themes", List.of());
                    json.put("notAnalysable", e.getMessage());
                }
                out.println(JSON.writeValueAsString(json));
            }
        } catch (IOException e) {
            err.println("error: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        return 0;
    }

    /** For writing rules and lexicon entries: each line as CoreNLP lemmatises it, negation scope marked. */
    private static int lemmas(NlpResources resources, Path file, PrintStream out) {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    out.println(resources.parser().parse(line).tokens()
                            .map(t -> (t.negated() ? "NOT_" : "") + t.lemma()).collect(java.util.stream.Collectors.joining(" ")));
                } catch (NotAnalysableException e) {
                    out.println("(not analysable: " + e.getMessage() + ")");
                }
            }
            return 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String summary(Scores analysis, Scores baseline, int corpusSize) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("n", analysis.n());
        json.put("polarity_accuracy", round(analysis.polarityAccuracy()));
        json.put("polarity_accuracy_clear", round(analysis.polarityAccuracyClear()));
        json.put("exact_accuracy", round(analysis.exactAccuracy()));
        json.put("theme_micro_f1", round(analysis.themeMicroF1()));
        json.put("theme_macro_f1", round(analysis.themeMacroF1()));
        if (baseline != null) {
            Map<String, Object> plain = new LinkedHashMap<>();
            plain.put("polarity_accuracy", round(baseline.polarityAccuracy()));
            plain.put("polarity_accuracy_clear", round(baseline.polarityAccuracyClear()));
            plain.put("exact_accuracy", round(baseline.exactAccuracy()));
            json.put("baseline", plain);
        }
        json.put("trained_on", corpusSize);
        return JSON.writeValueAsString(json);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static Path file(List<String> rest, String usage) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("usage: java -jar survivor-voice.jar " + usage);
        }
        Path file = Path.of(rest.get(0));
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("cannot read " + file);
        }
        return file;
    }

    /** CoreNLP announces every model it loads; the output here is for the figures. */
    private static void quietLogs() {
        var root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
