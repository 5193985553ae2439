package org.survivorvoice.analysis.nlp;

import java.util.List;
import java.util.Set;

import edu.stanford.nlp.stats.ClassicCounter;
import edu.stanford.nlp.stats.Counter;

/**
 * Turns a parsed comment into the features the classifiers weigh. Sentiment: lemmas and lemma
 * pairs with negation marked ({@code NOT_help}), the lemmas after a contrast again under their own
 * name, the domain lexicon's scores (all, strong, after the contrast), intensity marks. Themes:
 * lemmas and pairs, the agency, and which theme rules matched.
 */
public final class Features {

    /** Raise when the features change: stored models trained with the old ones are then retrained. */
    public static final int VERSION = 1;

    static final Set<String> INTENSIFIERS = Set.of("very", "so", "really", "extremely", "completely", "totally", "absolutely",
            "incredibly", "utterly", "truly", "such", "at all", "ever", "honestly", "literally");
    private static final Set<String> STOP = Set.of("the", "a", "an", "be", "and", "of", "to", "i", "my", "it", "that", "this",
            "he", "she", "they", "we", "you", "his", "her", "their", "in", "on", "for", "with", "at", "by", "as", "from", "have",
            "do", ",", ".", "-lrb-", "-rrb-", "'s", "\"", "'", "`", "``", "''", ":", ";");

    private final Lexicon lexicon;

    public Features(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Counter<String> sentiment(ParsedComment comment) {
        Counter<String> features = new ClassicCounter<>();
        features.setCount("bias", 1);
        int last = comment.sentences().size() - 1;
        for (int s = 0; s <= last; s++) {
            ParsedComment.Sentence sentence = comment.sentences().get(s);
            List<ParsedComment.Token> tokens = sentence.tokens();
            String previous = "<s>";
            for (ParsedComment.Token token : tokens) {
                if (!token.isWord() && !token.lemma().equals("!") && !token.lemma().equals("?")) {
                    previous = "<p>";
                    continue;
                }
                String word = (token.negated() ? "NOT_" : "") + token.lemma();
                features.incrementCount("w:" + word);
                if (token.afterContrast()) {
                    features.incrementCount("t:" + word);
                }
                if (s == last && last > 0) {
                    features.incrementCount("l:" + word); // the last sentence is often the verdict
                }
                features.incrementCount("b:" + previous + "_" + word);
                previous = word;
            }
        }
        double sum = 0;
        double tail = 0;
        double strongPositive = 0;
        double strongNegative = 0;
        double positive = 0;
        double negative = 0;
        double lastSentence = 0;
        int sentences = comment.sentences().size();
        for (Lexicon.Match match : lexicon.find(comment)) {
            sum += match.score();
            if (match.afterContrast()) {
                tail += match.score();
            }
            if (match.sentence() == sentences - 1) {
                lastSentence += match.score();
            }
            if (match.score() > 0) {
                positive += match.score();
            } else {
                negative -= match.score();
            }
            if (match.score() >= 1.9) {
                strongPositive++;
            } else if (match.score() <= -1.9) {
                strongNegative++;
            }
            features.incrementCount("lex:" + (match.negated() ? "NOT_" : "") + match.phrase().replace(' ', '_'));
        }
        features.setCount("lex_sum", squash(sum));
        features.setCount("lex_pos", squash(positive));
        features.setCount("lex_neg", squash(negative));
        features.setCount("lex_tail", squash(tail));
        features.setCount("lex_last", squash(lastSentence));
        features.setCount("lex_strong_pos", Math.min(strongPositive, 3));
        features.setCount("lex_strong_neg", Math.min(strongNegative, 3));
        features.setCount(sum > 0.5 ? "lex_dir:pos" : sum < -0.5 ? "lex_dir:neg" : "lex_dir:mid", 1);
        if (positive > 0.9 && negative > 0.9) {
            features.setCount("lex_mixed", 1);
        }
        long intensifiers = comment.tokens().filter(t -> INTENSIFIERS.contains(t.lemma())).count();
        features.setCount("intensifiers", Math.min(intensifiers, 3));
        features.setCount("exclamations", Math.min(comment.tokens().filter(t -> t.lemma().equals("!")).count(), 3));
        features.setCount("negations", Math.min(comment.tokens().filter(t -> CommentParser.NEGATION_CUES.contains(t.lemma())).count(), 3));
        if (comment.tokens().anyMatch(ParsedComment.Token::afterContrast)) {
            features.setCount("contrast", 1);
        }
        long words = comment.tokens().filter(ParsedComment.Token::isWord).count();
        features.setCount(words <= 4 ? "len:tiny" : words <= 12 ? "len:short" : words <= 40 ? "len:mid" : "len:long", 1);
        return features;
    }

    public Counter<String> themes(ParsedComment comment, String agency, List<ThemeRules.Match> rules) {
        Counter<String> features = new ClassicCounter<>();
        features.setCount("bias", 1);
        for (ParsedComment.Sentence sentence : comment.sentences()) {
            String previous = null;
            for (ParsedComment.Token token : sentence.tokens()) {
                if (!token.isWord()) {
                    previous = null;
                    continue;
                }
                String lemma = token.lemma();
                if (!STOP.contains(lemma)) {
                    features.setCount("w:" + lemma, 1);
                }
                if (previous != null) {
                    features.setCount("b:" + previous + "_" + lemma, 1);
                }
                previous = lemma;
            }
        }
        if (agency != null) {
            features.setCount("agency:" + agency, 1);
        }
        for (ThemeRules.Match rule : rules) {
            features.setCount("rule:" + rule.theme(), 1);
        }
        return features;
    }

    /** Keeps large sums from dominating: about linear up to 2, then flattening towards 3. */
    static double squash(double x) {
        return 3 * Math.tanh(x / 3);
    }
}
