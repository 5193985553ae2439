package org.survivorvoice.response;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;
import org.survivorvoice.survey.Channel;

/**
 * One completed instrument: an anonymous form, an interview or a focus group record.
 *
 * <p>An anonymous response holds its answers, the instrument version, the day it arrived and the
 * quarter, nothing else: no IP address, user agent, cookie, session or time of day. Its id is
 * random (a MongoDB ObjectId would carry the exact second). Staff records also hold who recorded
 * them and when, and a reference the officer can quote.
 *
 * @param day       ISO date: the day an anonymous response arrived, or the date of the interview or group
 * @param quarter   the financial quarter of {@code day}, e.g. {@code 2015/16-Q2}
 * @param reference staff records only: a short reference such as {@code SV-7K3Q-9D2M}
 * @param answers   question id to answer, normalised by {@link AnswerValidator}
 * @param analysisQueued whether its comments have been handed to the analysis (false until they have)
 * @param aggregated     whether its answers are counted in the report aggregates (null or false until they are;
 *                       null in responses stored before the aggregates existed)
 * @param redaction      set once the retention job has removed its free text (null until then)
 */
@Document("responses")
public record Response(
        @Id String id,
        String instrumentId,
        int instrumentVersion,
        Channel channel,
        String day,
        String quarter,
        String language,
        String reference,
        String recordedBy,
        Instant recordedAt,
        Map<String, Object> answers,
        boolean analysisQueued,
        Boolean aggregated,
        Redaction redaction) {

    @PersistenceCreator
    public Response {
    }

    /** A response as stored before retention has touched it. */
    public Response(String id, String instrumentId, int instrumentVersion, Channel channel, String day, String quarter, String language,
                    String reference, String recordedBy, Instant recordedAt, Map<String, Object> answers, boolean analysisQueued,
                    Boolean aggregated) {
        this(id, instrumentId, instrumentVersion, channel, day, quarter, language, reference, recordedBy, recordedAt, answers,
                analysisQueued, aggregated, null);
    }

    /**
     * What the retention job removed: the free-text answers were taken out of {@code answers}, and
     * which questions had one is kept, so that reports count them as before.
     *
     * @param day       the day they were removed
     * @param questions the questions whose answers were removed (possibly none)
     */
    public record Redaction(String day, List<String> questions) {

        public Redaction {
            questions = questions == null ? List.of() : List.copyOf(questions);
        }
    }

    /** Whether the question was answered, including answers since removed by the retention job. */
    public boolean answered(String questionId) {
        return answers.get(questionId) != null || redaction != null && redaction.questions().contains(questionId);
    }

    public boolean isAnonymous() {
        return recordedBy == null;
    }
}
