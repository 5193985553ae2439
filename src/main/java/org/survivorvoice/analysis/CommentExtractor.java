package org.survivorvoice.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.survivorvoice.response.Response;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.QuestionType;
import org.survivorvoice.survey.Scale5;

/** Finds the free-text answers of a response: each becomes a comment waiting for analysis. */
final class CommentExtractor {

    private CommentExtractor() {
    }

    static List<Comment> comments(Response response, Instrument instrument) {
        List<Comment> comments = new ArrayList<>();
        for (Question question : instrument.questions()) {
            Object answer = response.answers().get(question.id());
            if (answer == null) {
                continue;
            }
            if (question.type() == QuestionType.TEXT) {
                comments.add(pending(response, question, question.id(), "comment", (String) answer,
                        rating(response, instrument, question), null));
            } else if (question.type() == QuestionType.THEMES) {
                List<?> findings = (List<?>) answer;
                for (int i = 0; i < findings.size(); i++) {
                    Map<?, ?> finding = (Map<?, ?>) findings.get(i);
                    comments.add(pending(response, question, question.id() + "/" + i, "finding",
                            String.valueOf(finding.get("finding")), null, String.valueOf(finding.get("theme"))));
                }
            } else if (question.type() == QuestionType.TEXT_LIST) {
                List<?> items = (List<?>) answer;
                for (int i = 0; i < items.size(); i++) {
                    comments.add(pending(response, question, question.id() + "/" + i, "quote", String.valueOf(items.get(i)), null, null));
                }
            }
        }
        return comments;
    }

    /** The client's rating of the agency a comment is about (unless "no experience"). */
    private static String rating(Response response, Instrument instrument, Question comment) {
        if (comment.agency() == null) {
            return null;
        }
        return instrument.questions().stream()
                .filter(q -> q.isAgencyRating() && q.agency().equals(comment.agency()))
                .map(q -> response.answers().get(q.id()))
                .filter(value -> value instanceof String s && !s.equals(Scale5.NO_EXPERIENCE.value()))
                .map(String::valueOf)
                .findFirst().orElse(null);
    }

    private static Comment pending(Response response, Question question, String key, String kind, String text, String rating,
                                   String officerTheme) {
        return new Comment(response.id() + "/" + key, response.id(), response.instrumentId(), response.channel(), question.id(),
                question.agency(), response.quarter(), kind, text, rating, officerTheme, CommentStatus.PENDING, 0, null,
                null, null, null, 0, null, null, null, null, false);
    }
}
