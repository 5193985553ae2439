package org.survivorvoice.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.survivorvoice.analysis.Comment;
import org.survivorvoice.response.Response;
import org.survivorvoice.survey.Channel;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.Measure;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.QuestionType;
import org.survivorvoice.survey.Scale5;

/**
 * What one response or one comment adds to the aggregates. Focus groups add nothing: their
 * records are few and the report reads them directly.
 */
final class Tallies {

    /** The subject of comments that are about no one agency (anything else, barriers, outcomes). */
    static final String GENERAL = "general";

    private Tallies() {
    }

    static Map<CountKey, Long> of(Response response, Instrument instrument) {
        Map<CountKey, Long> tally = new HashMap<>();
        if (response.channel() == Channel.FOCUS_GROUP) {
            return tally;
        }
        String quarter = response.quarter();
        String channel = response.channel().id();
        for (Question question : instrument.questions()) {
            if (question.type() == QuestionType.TEXT) {
                // counted by whether it was answered, never by its text: the retention job may have removed that
                if (response.answered(question.id())) {
                    add(tally, new CountKey(CountKey.Kind.COMMENTS, quarter, channel, subject(question.agency()), "", null));
                }
                continue;
            }
            Object answer = response.answers().get(question.id());
            if (answer == null) {
                continue;
            }
            if (question.isAgencyRating()) {
                add(tally, new CountKey(CountKey.Kind.RATING, quarter, channel, question.agency(), (String) answer, null));
            }
            if (question.measure() != null && question.measure() != Measure.AREA) {
                if (question.type() == QuestionType.YES_NO) {
                    add(tally, new CountKey(CountKey.Kind.MEASURE, quarter, channel, question.measure().id(), (String) answer, null));
                } else if (question.type() == QuestionType.MULTI) {
                    for (Object option : (List<?>) answer) {
                        add(tally, new CountKey(CountKey.Kind.MEASURE, quarter, channel, question.measure().id(), String.valueOf(option), null));
                    }
                }
            }
        }
        return tally;
    }

    /** What a comment adds with these labels: nothing unless it is an analysed interview or form comment. */
    static Map<CountKey, Long> of(Comment comment, Comment.Labels labels) {
        Map<CountKey, Long> tally = new HashMap<>();
        if (labels == null || labels.sentiment() == null || !"comment".equals(comment.kind())
                || comment.channel() == null || comment.channel() == Channel.FOCUS_GROUP) {
            return tally;
        }
        String quarter = comment.quarter();
        String channel = comment.channel().id();
        String subject = subject(comment.agency());
        String sentiment = labels.sentiment();
        add(tally, new CountKey(CountKey.Kind.SENTIMENT, quarter, channel, subject, sentiment, null));
        for (String theme : labels.themes() == null ? List.<String>of() : labels.themes()) {
            add(tally, new CountKey(CountKey.Kind.THEME, quarter, channel, subject, theme, sentiment));
        }
        if (comment.rating() != null && Scale5.fromValue(comment.rating()).isPresent()) {
            add(tally, new CountKey(CountKey.Kind.RATED, quarter, channel, subject, comment.rating(), sentiment));
        }
        return tally;
    }

    /** Each count with its sign reversed: what taking a source out of the aggregates adds. */
    static Map<CountKey, Long> negated(Map<CountKey, Long> tally) {
        Map<CountKey, Long> negated = new HashMap<>();
        tally.forEach((key, n) -> negated.put(key, -n));
        return negated;
    }

    /** {@code after - before}, without the cells that do not change. */
    static Map<CountKey, Long> difference(Map<CountKey, Long> after, Map<CountKey, Long> before) {
        Map<CountKey, Long> delta = new HashMap<>(after);
        before.forEach((key, n) -> delta.merge(key, -n, Long::sum));
        delta.values().removeIf(n -> n == 0);
        return delta;
    }

    static void addAll(Map<CountKey, Long> into, Map<CountKey, Long> tally) {
        tally.forEach((key, n) -> into.merge(key, n, Long::sum));
    }

    private static void add(Map<CountKey, Long> tally, CountKey key) {
        tally.merge(key, 1L, Long::sum);
    }

    private static String subject(String agency) {
        return Objects.requireNonNullElse(agency, GENERAL);
    }
}
