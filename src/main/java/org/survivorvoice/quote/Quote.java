package org.survivorvoice.quote;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.survivorvoice.survey.Channel;

/**
 * The anonymised version of a comment that an officer approved for reports. The comment itself
 * stays private: a quote holds only the officer's text and what a report groups it by.
 *
 * <p>It holds no time finer than the day of approval, and its id is random (not an ObjectId, which
 * would carry the time it was made). There is at most one quote per comment: approving again
 * replaces it.
 *
 * @param id         a random UUID
 * @param quarter    the comment's quarter ({@code 2015/16-Q2})
 * @param agency     the agency the comment is about, or null (barriers, other comments)
 * @param tone       {@code positive}, {@code negative} or {@code neutral} (see {@link Tone})
 * @param themes     the comment's themes when the quote was approved
 * @param text       the anonymised text, 1 to {@value QuoteRules#MAX_LENGTH} characters
 * @param verbatim   the text is the comment's own, word for word: the officer confirmed nothing in it could identify anyone
 * @param approvedOn the day of approval ({@code 2025-06-30}), no time
 * @param withdrawnBy the officer who withdrew it, while it is withdrawn
 * @param withdrawnOn the day it was withdrawn, while it is withdrawn
 */
@Document("quotes")
public record Quote(
        @Id String id,
        String commentId,
        String responseId,
        String agency,
        String quarter,
        Channel channel,
        String tone,
        List<String> themes,
        String text,
        boolean verbatim,
        String approvedBy,
        String approvedOn,
        QuoteStatus status,
        String withdrawnBy,
        String withdrawnOn) {

    public boolean isApproved() {
        return status == QuoteStatus.APPROVED;
    }
}
