package org.survivorvoice.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.survivorvoice.analysis.Comment;

/**
 * What a quote must be before it can be approved: some text, at most {@value #MAX_LENGTH}
 * characters, a tone, and changed from the comment, unless the officer confirms that nothing in
 * the comment could identify anyone.
 */
final class QuoteRules {

    static final int MAX_LENGTH = 1000;

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

    private QuoteRules() {
    }

    /** The text as it will be stored: line endings made plain, no control characters, no space around it. */
    static String tidy(String text) {
        return text == null ? "" : CONTROL.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("").strip();
    }

    /**
     * @param text               the tidied text
     * @param tone               as posted; null or empty takes the comment's tone
     * @param nothingIdentifying the officer ticked "Nothing in this comment could identify anyone"
     */
    static List<QuoteError> check(Comment comment, String text, String tone, boolean nothingIdentifying) {
        List<QuoteError> errors = new ArrayList<>();
        if (comment.isRedacted()) {
            errors.add(new QuoteError("text", "Her words were removed from this comment after the retention period: it can no longer be quoted"));
        } else if (!quotable(comment)) {
            errors.add(new QuoteError("text", "A focus group finding is in your words, not hers: it cannot be published as a quote"));
        } else if (text.isEmpty()) {
            errors.add(new QuoteError("text", "Enter the quote as it will be published"));
        } else if (text.length() > MAX_LENGTH) {
            errors.add(new QuoteError("text", String.format(Locale.UK, "The quote must be %,d characters or fewer (this is %,d)",
                    MAX_LENGTH, text.length())));
        } else if (sameWords(text, comment.text()) && !nothingIdentifying) {
            errors.add(new QuoteError("text", "The quote has the same words as the comment. Replace names, places and the perpetrator "
                    + "with bracketed descriptors such as [her ex-partner], or tick “Nothing in this comment could identify anyone”"));
        }
        if (tone != null && !tone.isEmpty() && Tone.fromValue(tone).isEmpty()) {
            errors.add(new QuoteError("tone", "Choose whether the quote is positive, negative or neutral"));
        }
        return errors;
    }

    /** A focus group finding is the officer's summary, not anyone's words. */
    static boolean quotable(Comment comment) {
        return !"finding".equals(comment.kind());
    }

    /** The same words in the same order, whatever the case, punctuation and spacing. */
    static boolean sameWords(String a, String b) {
        return words(a).equals(words(b));
    }

    private static String words(String text) {
        return NOT_A_WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
