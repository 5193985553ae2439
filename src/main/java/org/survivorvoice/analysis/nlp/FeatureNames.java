package org.survivorvoice.analysis.nlp;

/** Feature names as an officer can read them: {@code w:NOT_listen} becomes "not … listen". */
final class FeatureNames {

    private FeatureNames() {
    }

    static String readable(String feature) {
        int colon = feature.indexOf(':');
        String kind = colon < 0 ? "" : feature.substring(0, colon);
        String name = colon < 0 ? feature : feature.substring(colon + 1);
        name = name.replace("NOT_", "not … ").replace('_', ' ');
        return switch (kind) {
            case "w", "b" -> "“" + name.replace("<s> ", "").replace("<p> ", "") + "”";
            case "t" -> "“" + name + "” after “but”";
            case "l" -> "“" + name + "” in the last sentence";
            case "lex" -> "“" + name + "” (lexicon)";
            case "rule" -> "rule for " + name;
            case "agency" -> "about " + name;
            default -> switch (feature) {
                case "lex_sum" -> "overall wording (lexicon)";
                case "lex_pos" -> "positive wording (lexicon)";
                case "lex_neg" -> "negative wording (lexicon)";
                case "lex_tail" -> "wording after “but” (lexicon)";
                case "lex_last" -> "wording of the last sentence (lexicon)";
                case "lex_strong_pos" -> "strongly positive words";
                case "lex_strong_neg" -> "strongly negative words";
                case "lex_mixed" -> "praise and criticism mixed";
                case "intensifiers" -> "intensifiers (very, so, …)";
                case "exclamations" -> "exclamation marks";
                case "negations" -> "negations";
                case "contrast" -> "a contrast (but, however, …)";
                default -> feature;
            };
        };
    }
}
