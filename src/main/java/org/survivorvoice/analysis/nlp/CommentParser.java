package org.survivorvoice.analysis.nlp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.util.CoreMap;

/**
 * Runs the analysis pipeline over a comment and marks, on each token, negation scope (from the
 * dependency parse) and whether it follows a contrast.
 */
public final class CommentParser {

    static final Set<String> NEGATION_CUES = Set.of("not", "n't", "never", "no", "nobody", "nothing", "none", "nowhere",
            "neither", "nor", "without", "hardly", "barely", "noone", "nothin");
    static final Set<String> CONTRAST_MARKERS = Set.of("but", "however", "although", "though", "yet", "except", "whereas",
            "unfortunately", "sadly");

    private final StanfordCoreNLP pipeline;

    public CommentParser(StanfordCoreNLP pipeline) {
        this.pipeline = pipeline;
    }

    /** @throws NotAnalysableException when the comment cannot be analysed */
    public ParsedComment parse(String raw) {
        String text = CommentText.prepare(raw);
        Annotation document = new Annotation(text);
        pipeline.annotate(document);
        List<CoreMap> sentences = document.get(CoreAnnotations.SentencesAnnotation.class);
        int lastContrastSentence = -1;
        int lastContrastToken = -1;
        for (int s = 0; s < sentences.size(); s++) {
            List<CoreLabel> tokens = sentences.get(s).get(CoreAnnotations.TokensAnnotation.class);
            for (int t = 0; t < tokens.size(); t++) {
                if (CONTRAST_MARKERS.contains(lemma(tokens.get(t)))) {
                    lastContrastSentence = s;
                    lastContrastToken = t;
                }
            }
        }
        List<ParsedComment.Sentence> parsed = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            CoreMap sentence = sentences.get(s);
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            Set<Integer> negated = negationScope(sentence, tokens);
            List<ParsedComment.Token> out = new ArrayList<>(tokens.size());
            for (int t = 0; t < tokens.size(); t++) {
                CoreLabel token = tokens.get(t);
                boolean afterContrast = lastContrastSentence >= 0
                        && (s > lastContrastSentence || (s == lastContrastSentence && t > lastContrastToken));
                out.add(new ParsedComment.Token(token.word(), lemma(token), token.tag() == null ? "" : token.tag(),
                        negated.contains(t), afterContrast));
            }
            parsed.add(new ParsedComment.Sentence(out, sentence));
        }
        return new ParsedComment(text, parsed);
    }

    /**
     * The 0-based positions of the tokens a negation cue governs: the rest of its head's subtree
     * after the cue (for "no one called" the predicate's subtree), up to a contrast marker.
     */
    static Set<Integer> negationScope(CoreMap sentence, List<CoreLabel> tokens) {
        Set<Integer> scope = new HashSet<>();
        SemanticGraph graph = sentence.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
        for (int t = 0; t < tokens.size(); t++) {
            if (!NEGATION_CUES.contains(lemma(tokens.get(t)))) {
                continue;
            }
            if (graph == null || graph.getNodeByIndexSafe(t + 1) == null) {
                lexicalScope(tokens, t, scope);
                continue;
            }
            IndexedWord cue = graph.getNodeByIndex(t + 1);
            IndexedWord head = graph.getParent(cue);
            if (head == null) {
                lexicalScope(tokens, t, scope);
                continue;
            }
            if (isDeterminer(graph, cue) && isSubject(graph, head) && graph.getParent(head) != null) {
                head = graph.getParent(head);
            } else if (isSubject(graph, cue)) {
                head = graph.getParent(cue);
            }
            for (IndexedWord word : scopeOf(graph, head)) {
                int position = word.index() - 1;
                if (position > t) {
                    scope.add(position);
                }
            }
            // Up to the first contrast marker after the cue.
            for (int u = t + 1; u < tokens.size(); u++) {
                if (CONTRAST_MARKERS.contains(lemma(tokens.get(u)))) {
                    for (int v = u; v < tokens.size(); v++) {
                        scope.remove(v);
                    }
                    break;
                }
            }
        }
        return scope;
    }

    /** Relations that start a new predication: "didn't believe me and laughed" does not negate "laughed". */
    private static final Set<String> SCOPE_BOUNDARIES = Set.of("conj", "cc", "parataxis", "advcl", "punct", "discourse");

    /** The head and what hangs from it, not crossing into coordinated or adverbial clauses. */
    private static Set<IndexedWord> scopeOf(SemanticGraph graph, IndexedWord head) {
        Set<IndexedWord> seen = new HashSet<>();
        java.util.ArrayDeque<IndexedWord> todo = new java.util.ArrayDeque<>();
        todo.add(head);
        while (!todo.isEmpty()) {
            IndexedWord word = todo.pop();
            if (!seen.add(word)) {
                continue;
            }
            for (SemanticGraphEdge edge : graph.outgoingEdgeIterable(word)) {
                if (!SCOPE_BOUNDARIES.contains(edge.getRelation().getShortName())) {
                    todo.add(edge.getDependent());
                }
            }
        }
        return seen;
    }

    /** Without a parse: the following words up to punctuation or a contrast, at most six. */
    private static void lexicalScope(List<CoreLabel> tokens, int cue, Set<Integer> scope) {
        for (int u = cue + 1; u < tokens.size() && u <= cue + 6; u++) {
            String lemma = lemma(tokens.get(u));
            if (lemma.matches("\\p{Punct}+") || CONTRAST_MARKERS.contains(lemma)) {
                return;
            }
            scope.add(u);
        }
    }

    private static boolean isSubject(SemanticGraph graph, IndexedWord word) {
        SemanticGraphEdge edge = graph.incomingEdgeIterable(word).iterator().hasNext()
                ? graph.incomingEdgeIterable(word).iterator().next() : null;
        return edge != null && edge.getRelation().getShortName().startsWith("nsubj");
    }

    private static boolean isDeterminer(SemanticGraph graph, IndexedWord word) {
        SemanticGraphEdge edge = graph.incomingEdgeIterable(word).iterator().hasNext()
                ? graph.incomingEdgeIterable(word).iterator().next() : null;
        return edge != null && edge.getRelation().getShortName().equals("det");
    }

    static String lemma(CoreLabel token) {
        String lemma = token.lemma() == null ? token.word() : token.lemma();
        return lemma.toLowerCase(Locale.ROOT);
    }
}
