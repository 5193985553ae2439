package org.survivorvoice.analysis;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import org.survivorvoice.survey.Channel;

/**
 * One free-text answer and its analysis: an interview or form comment about an agency, a focus
 * group finding, or a quote.
 *
 * <p>Both the machine's suggestion and the officer's review are kept; {@code effective} is what
 * reports use: the officer's value where there is one. A comment from an anonymous response holds
 * no time finer than the quarter: no analysis time, and the worker's lease is removed when done.
 *
 * @param id           {@code <responseId>/<questionId>} (and {@code /<n>} for the n-th finding or quote)
 * @param kind         comment, finding (of a focus group key theme) or quote
 * @param rating       the client's own rating of the agency the comment is about (scale5 value), if any
 * @param officerTheme for a focus group finding: the theme the officer filed it under
 * @param generation   the analysis run that produced {@code machine}
 * @param counted      the labels counted in the report aggregates (null: none yet)
 * @param recount      set with every change of {@code effective}, cleared once the aggregates follow it (null in
 *                     comments stored before the aggregates existed: a rebuild counts those)
 * @param redactedOn   the day the retention job removed its text (and the evidence quoting it); null until then.
 *                     Its labels stay, so reports count it as before; it is never analysed or quoted again.
 */
@Document("comments")
public record Comment(
        @Id String id,
        String responseId,
        String instrumentId,
        Channel channel,
        String questionId,
        String agency,
        String quarter,
        String kind,
        String text,
        String rating,
        String officerTheme,
        CommentStatus status,
        int attempts,
        String problem,
        Instant leaseUntil,
        String leaseOwner,
        Instant notBefore,
        int generation,
        MachineLabels machine,
        HumanLabels human,
        Labels effective,
        Labels counted,
        Boolean recount,
        String redactedOn) {

    @PersistenceCreator
    public Comment {
    }

    /** A comment as stored before retention has touched it. */
    public Comment(String id, String responseId, String instrumentId, Channel channel, String questionId, String agency, String quarter,
                   String kind, String text, String rating, String officerTheme, CommentStatus status, int attempts, String problem,
                   Instant leaseUntil, String leaseOwner, Instant notBefore, int generation, MachineLabels machine, HumanLabels human,
                   Labels effective, Labels counted, Boolean recount) {
        this(id, responseId, instrumentId, channel, questionId, agency, quarter, kind, text, rating, officerTheme, status, attempts,
                problem, leaseUntil, leaseOwner, notBefore, generation, machine, human, effective, counted, recount, null);
    }

    public boolean isRedacted() {
        return redactedOn != null;
    }

    /** What the analysis suggested. @param model the model version that suggested it */
    public record MachineLabels(String sentiment, double confidence, List<String> sentimentEvidence, List<ThemeEvidence> themes,
                                String model) {
    }

    public record ThemeEvidence(String theme, double score, List<String> evidence) {
    }

    /** The officer's review: accepted or corrected. */
    public record HumanLabels(String sentiment, List<String> themes, String by, Instant at, boolean corrected) {
    }

    /** The labels reports use. @param source "officer" or "machine" */
    public record Labels(String sentiment, List<String> themes, String source) {
    }
}
