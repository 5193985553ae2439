package org.survivorvoice.analysis.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The domain sentiment lexicon ({@code nlp-models/lexicon.tsv}): lemmas and lemma sequences with
 * a score from -2 to +2. Matches the longest entry at each position; an entry inside a negation's
 * scope counts the other way (damped), unless the entry carries its own negation ("not good enough").
 */
public final class Lexicon {

    /** How much of a negated entry's score is turned around ("not helpful" is less than "unhelpful"). */
    static final double NEGATION_FACTOR = -0.75;

    private final Map<String, Double> entries;
    private final int longest;

    Lexicon(Map<String, Double> entries) {
        this.entries = Map.copyOf(entries);
        this.longest = entries.keySet().stream().mapToInt(k -> k.split(" ").length).max().orElse(1);
    }

    public static Lexicon load(Path file) {
        Map<String, Double> entries = new HashMap<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#") || line.equals("phrase\tscore")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected phrase<tab>score");
                }
                double score = Double.parseDouble(columns[1]);
                if (score < -2 || score > 2) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + ": the score must be from -2 to 2");
                }
                entries.put(columns[0].strip().toLowerCase(Locale.ROOT), score);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": a score is not a number: " + e.getMessage());
        }
        return new Lexicon(entries);
    }

    /** One lexicon entry found in a comment. */
    public record Match(String phrase, double score, boolean negated, boolean afterContrast, int sentence) {
    }

    public List<Match> find(ParsedComment comment) {
        List<Match> matches = new ArrayList<>();
        for (int s = 0; s < comment.sentences().size(); s++) {
            List<ParsedComment.Token> tokens = comment.sentences().get(s).tokens();
            int i = 0;
            while (i < tokens.size()) {
                int matched = 0;
                for (int length = Math.min(longest, tokens.size() - i); length >= 1 && matched == 0; length--) {
                    StringBuilder phrase = new StringBuilder(tokens.get(i).lemma());
                    for (int k = 1; k < length; k++) {
                        phrase.append(' ').append(tokens.get(i + k).lemma());
                    }
                    Double score = entries.get(phrase.toString());
                    if (score != null && score != 0) {
                        String text = phrase.toString();
                        boolean ownNegation = length > 1 && java.util.Arrays.stream(text.split(" ")).anyMatch(CommentParser.NEGATION_CUES::contains);
                        boolean negated = !ownNegation && tokens.get(i).negated();
                        matches.add(new Match(text, negated ? score * NEGATION_FACTOR : score, negated,
                                tokens.get(i).afterContrast(), s));
                        matched = length;
                    } else if (score != null) {
                        matched = length;
                    }
                }
                i += Math.max(1, matched);
            }
        }
        return matches;
    }
}
