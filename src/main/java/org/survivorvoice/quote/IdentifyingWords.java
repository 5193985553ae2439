package org.survivorvoice.quote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words in a quote that the officer should check before approving it: names and places (capitalised
 * words inside a sentence), titles followed by a name, dates, phone numbers, postcodes, house
 * numbers and e-mail addresses.
 *
 * <p>A help, never a guarantee: it cannot see a name at the start of a sentence or written in lower
 * case, a job, a child's age or an unusual event. Words in square brackets are the officer's own descriptors and are skipped.
 */
public final class IdentifyingWords {

    /** Why a word is listed. */
    public enum Kind {
        EMAIL("e-mail address"),
        PHONE("phone number"),
        POSTCODE("postcode"),
        HOUSE_NUMBER("address"),
        DATE("date"),
        REFERENCE("reference number"),
        TITLE("title and name"),
        NAME("name or place?");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One thing to check: the words as they stand in the text, and why. */
    public record Word(String text, Kind kind) {
    }

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String STREET = "(?i:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|gardens"
            + "|place|pl|terrace|grove|square|sq|hill|park|estate|walk|mews|row|parade|rise|green|view)";
    private static final String TITLES = "Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Lady|Lord|PC|DC|DS|DI|Sgt|Judge";

    /** Most specific first: a span found by one pattern is not looked at again by the later ones. */
    private static final Map<Kind, List<Pattern>> PATTERNS = new LinkedHashMap<>();

    static {
        int ci = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        PATTERNS.put(Kind.EMAIL, List.of(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+")));
        PATTERNS.put(Kind.PHONE, List.of(Pattern.compile("(?<![\\w+])(?:\\+44\\s?(?:\\(0\\)\\s?)?|0)\\d(?:[\\s-]?\\d){8,9}(?!\\w)")));
        PATTERNS.put(Kind.POSTCODE, List.of(
                Pattern.compile("\\b[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?\\s*\\d[ABD-HJLNP-UW-Z]{2}\\b", ci),
                // the district alone (SW1A, E14): only in capitals, or it would match ordinary words
                Pattern.compile("\\b[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?\\b")));
        PATTERNS.put(Kind.HOUSE_NUMBER, List.of(
                Pattern.compile("\\b\\d{1,4}[a-zA-Z]?,?\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,3}" + STREET + "\\b"),
                Pattern.compile("\\b(?:flat|number|no\\.?|apartment|apt\\.?|house|room)\\s*\\d{1,4}[a-z]?\\b", ci)));
        PATTERNS.put(Kind.DATE, List.of(
                Pattern.compile("\\b\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?\\b"),
                Pattern.compile("\\b\\d{1,2}[.-]\\d{1,2}[.-]\\d{2,4}\\b"),
                Pattern.compile("\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\b\\.?(?:,?\\s+\\d{4})?", ci),
                Pattern.compile("\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+\\d{4})?", ci),
                Pattern.compile("\\b(?:19|20)\\d{2}\\b")));
        PATTERNS.put(Kind.REFERENCE, List.of(Pattern.compile("\\b\\d{5,}\\b")));
        PATTERNS.put(Kind.TITLE, List.of(Pattern.compile("\\b(?:" + TITLES + ")\\b\\.?(?:\\s+\\p{Lu}[\\p{L}'’-]*)?")));
    }

    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\d])\\p{Lu}[\\p{L}'’&-]*(?![\\p{L}\\d])");
    private static final Pattern TITLE_BEFORE = Pattern.compile("(?:^|[^\\p{L}])(?:" + TITLES + ")$");
    private static final Pattern BRACKETED = Pattern.compile("\\[[^\\]]*\\]");

    /**
     * Capitalised words that identify no one: the pronoun I, agencies and services everyone uses,
     * days and months (dates with a number are listed as dates).
     */
    private static final Set<String> COMMON = Set.of(
            "i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "i'll", "i’ll", "ok", "okay", "tv",
            "police", "gp", "gps", "a&e", "marac", "idva", "idvas", "isva", "cps", "cjs", "camhs", "nhs", "uk", "dv", "da", "fgm",
            "vawg", "sarc", "mash", "asb", "aptr", "court", "courts", "council", "housing", "social", "services", "health", "visitor",
            "refuge", "english", "british",
            "the", "a", "an", "he", "she", "they", "it", "we", "you", "me", "him", "her", "his", "them", "us", "my", "their", "our",
            "your", "and", "but", "so", "then", "when", "if", "no", "yes", "not", "this", "that", "there", "what", "why", "how",
            "who", "thank", "thanks", "please", "sorry", "hello", "hi",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
            "december", "christmas", "easter");

    private IdentifyingWords() {
    }

    /** What to check in {@code text}, each once, in the order they first appear. */
    public static List<Word> in(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<int[]> taken = new ArrayList<>();
        Matcher bracketed = BRACKETED.matcher(text);
        while (bracketed.find()) {
            taken.add(new int[] {bracketed.start(), bracketed.end()});
        }
        List<Found> found = new ArrayList<>();
        PATTERNS.forEach((kind, patterns) -> patterns.forEach(pattern -> {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (take(taken, m.start(), m.end())) {
                    found.add(new Found(m.start(), new Word(m.group().strip(), kind)));
                }
            }
        }));
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String candidate = trimEnd(word.group());
            if (!COMMON.contains(candidate.toLowerCase(Locale.ROOT)) && !startsSentence(text, word.start())
                    && take(taken, word.start(), word.start() + candidate.length())) {
                found.add(new Found(word.start(), new Word(candidate, Kind.NAME)));
            }
        }
        Map<String, Word> distinct = new LinkedHashMap<>();
        found.stream().sorted(Comparator.comparingInt(Found::start))
                .forEach(f -> distinct.putIfAbsent(f.word().text().toLowerCase(Locale.ROOT), f.word()));
        return List.copyOf(distinct.values());
    }

    private record Found(int start, Word word) {
    }

    /** Marks the span as taken unless it overlaps one already taken. */
    private static boolean take(List<int[]> taken, int start, int end) {
        if (taken.stream().anyMatch(span -> start < span[1] && span[0] < end)) {
            return false;
        }
        taken.add(new int[] {start, end});
        return true;
    }

    /**
     * True at the start of the text, of a line, or after a full stop, question or exclamation mark
     * (and any quote marks), but not after a title such as "Dr.".
     */
    static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || "\"'“‘(".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        if (text.charAt(i) == '.' && TITLE_BEFORE.matcher(text.substring(Math.max(0, i - 6), i)).find()) {
            return false;
        }
        return ".!?\n\r…".indexOf(text.charAt(i)) >= 0;
    }

    /** Without a possessive or trailing punctuation: "Sarah's" is "Sarah". */
    private static String trimEnd(String word) {
        String trimmed = word.replaceFirst("['’][sS]$", "");
        int end = trimmed.length();
        while (end > 1 && "'’-".indexOf(trimmed.charAt(end - 1)) >= 0) {
            end--;
        }
        return trimmed.substring(0, end);
    }
}
