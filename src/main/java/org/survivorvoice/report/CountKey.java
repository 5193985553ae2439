package org.survivorvoice.report;

/**
 * One cell of the report aggregates: how many of something there are in one quarter and channel.
 *
 * @param kind      {@link Kind}
 * @param quarter   e.g. {@code 2015/16-Q2}
 * @param channel   {@code interview} or {@code anonymous-form}
 * @param subject   the agency (or {@link Tallies#GENERAL} for comments about no one agency), or a measure id
 * @param key       a rating, yes/no or option id, a sentiment, or a theme id, by kind
 * @param sentiment for {@link Kind#THEME} and {@link Kind#RATED}: the comments' sentiment; otherwise empty
 */
public record CountKey(Kind kind, String quarter, String channel, String subject, String key, String sentiment) {

    public CountKey {
        sentiment = sentiment == null ? "" : sentiment;
    }

    /** What a count counts. */
    public enum Kind {
        /** clients' ratings of an agency (scale5 values, including no_experience): subject agency, key rating */
        RATING,
        /** answers to a report measure: subject measure id, key yes/no or the option chosen */
        MEASURE,
        /** free-text answers given (analysed or not): subject agency, key empty */
        COMMENTS,
        /** analysed comments by sentiment: subject agency, key sentiment */
        SENTIMENT,
        /** analysed comments tagged with a theme: subject agency, key theme, sentiment */
        THEME,
        /** analysed comments next to their client's rating: subject agency, key rating, sentiment */
        RATED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
