package org.survivorvoice.analysis.nlp;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prepares a comment for CoreNLP: removes markup, decides whether it can be analysed at all, and
 * breaks run-on text into pieces the taggers and parsers handle in bounded time.
 */
public final class CommentText {

    /** Words in a row without sentence-ending punctuation before a break is put in. */
    static final int MAX_RUN_OF_WORDS = 80;

    private static final Pattern TAG = Pattern.compile("<[^<>]{0,200}>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt|quot|#39|nbsp);");
    private static final Set<String> ENGLISH_FUNCTION_WORDS = Set.of("the", "a", "an", "and", "i", "me", "my", "to", "of",
            "in", "it", "was", "is", "they", "she", "he", "we", "you", "not", "no", "for", "with", "that", "this", "but",
            "be", "have", "had", "did", "do", "on", "at", "so", "were", "are", "her", "him", "them", "when", "what");

    private CommentText() {
    }

    /** The text to analyse. @throws NotAnalysableException with the reason when there is none */
    public static String prepare(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new NotAnalysableException("the comment is empty");
        }
        String text = ENTITY.matcher(TAG.matcher(raw).replaceAll(" ")).replaceAll(" ")
                .replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ")
                .replaceAll("\\s+", " ").strip();
        long letters = text.codePoints().filter(Character::isLetter).count();
        if (letters < 2) {
            throw new NotAnalysableException("the comment has no words");
        }
        long latin = text.codePoints().filter(c -> Character.isLetter(c)
                && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        if (latin < letters * 0.6) {
            throw new NotAnalysableException("the comment is not in the Latin alphabet; only English comments are analysed");
        }
        // Letters with diacritics (ą, ł, ż, é, ñ …) are a few per cent of other languages' text, almost none of English.
        long accented = text.codePoints().filter(c -> Character.isLetter(c) && c > 0x7F
                && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        String[] words = text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}']+");
        long english = java.util.Arrays.stream(words).filter(ENGLISH_FUNCTION_WORDS::contains).count();
        long wordCount = java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).count();
        if ((accented >= 2 && accented > letters * 0.03) || (wordCount >= 10 && english * 12 < wordCount)) {
            throw new NotAnalysableException("the comment does not look like English; only English comments are analysed");
        }
        return breakRunOns(text);
    }

    /** Puts a sentence break into any run of more than {@link #MAX_RUN_OF_WORDS} words, at a comma where there is one. */
    static String breakRunOns(String text) {
        StringBuilder out = new StringBuilder();
        int run = 0;
        int lastComma = -1;
        for (String word : text.split(" ")) {
            if (run >= MAX_RUN_OF_WORDS) {
                if (lastComma >= 0) {
                    out.setCharAt(lastComma, '.');
                    run = countWordsAfter(out, lastComma);
                } else {
                    out.append('.');
                    run = 0;
                }
                lastComma = -1;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word);
            run++;
            char last = word.charAt(word.length() - 1);
            if (last == '.' || last == '!' || last == '?') {
                run = 0;
                lastComma = -1;
            } else if (last == ',' || last == ';') {
                lastComma = out.length() - 1;
            }
        }
        return out.toString();
    }

    private static int countWordsAfter(StringBuilder out, int position) {
        String rest = out.substring(position + 1).strip();
        return rest.isEmpty() ? 0 : rest.split(" ").length;
    }
}
