package org.survivorvoice.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.survivorvoice.analysis.nlp.Sentiment;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.survey.InstrumentCatalogue;

/** Comments as the staff pages show them: labels for ids, the state in words. */
@Component
public class CommentViews {

    private final Codebook codebook;
    private final InstrumentCatalogue catalogue;

    CommentViews(Codebook codebook, InstrumentCatalogue catalogue) {
        this.codebook = codebook;
        this.catalogue = catalogue;
    }

    public String themeLabel(String id) {
        return codebook.theme(id).map(t -> t.label()).orElse(id);
    }

    public static String sentimentLabel(String value) {
        return value == null ? "" : Sentiment.fromValue(value).map(Sentiment::label).orElse(value);
    }

    public String agencyLabel(String id) {
        return id == null ? "" : catalogue.agencies().agency(id).map(a -> a.label()).orElse(id);
    }

    public static String state(Comment comment) {
        if (comment.human() != null) {
            return comment.human().corrected() ? "Corrected by " + comment.human().by() : "Accepted by " + comment.human().by();
        }
        return switch (comment.status()) {
            case PENDING, RUNNING -> "Waiting for analysis";
            case DONE -> "Suggested, not reviewed";
            case NOT_ANALYSABLE -> "Not analysable: " + comment.problem();
            case FAILED -> "Analysis failed: " + comment.problem();
        };
    }

    /** What shows in place of a comment's text once the retention job has removed it. */
    public static String removedText(Comment comment) {
        return comment.redactedOn() == null ? "(no text)" : "(text removed on " + comment.redactedOn() + " after the retention period)";
    }

    /** A short view: for lists and for the record page. */
    public Map<String, Object> summary(Comment comment) {
        Map<String, Object> view = new HashMap<>();
        view.put("id", comment.id());
        view.put("href", "/staff/comments/" + comment.id());
        view.put("excerpt", comment.text() == null ? removedText(comment)
                : comment.text().length() > 140 ? comment.text().substring(0, 137) + "…" : comment.text());
        view.put("agency", agencyLabel(comment.agency()));
        view.put("quarter", comment.quarter() == null ? "" : comment.quarter().replace('-', ' '));
        view.put("kind", switch (comment.kind()) {
            case "finding" -> "Focus group finding";
            case "quote" -> "Focus group quote";
            default -> "Comment";
        });
        Comment.Labels effective = comment.effective();
        view.put("sentiment", effective == null ? "" : sentimentLabel(effective.sentiment()));
        view.put("themes", effective == null ? "" : String.join(", ", effective.themes().stream().map(this::themeLabel).toList()));
        view.put("state", state(comment));
        view.put("reviewed", comment.human() != null);
        return view;
    }

    List<Map<String, Object>> summaries(List<Comment> comments) {
        return comments.stream().map(this::summary).toList();
    }
}
