package org.survivorvoice.quote;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import org.survivorvoice.analysis.CommentViews;
import org.survivorvoice.period.FinancialQuarter;

/** Quotes as the staff pages show them. Keys never clash with the comment page's ({@code text} there is the comment). */
@Component
class QuoteViews {

    static final String NO_AGENCY = "none";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final CommentViews comments;

    QuoteViews(CommentViews comments) {
        this.comments = comments;
    }

    Map<String, Object> view(Quote quote) {
        Map<String, Object> view = new HashMap<>();
        view.put("quoteText", quote.text());
        view.put("about", agencyLabel(quote.agency()));
        view.put("quarterLabel", quarterLabel(quote.quarter()));
        view.put("channelLabel", quote.channel() == null ? "" : quote.channel().label());
        view.put("toneLabel", Tone.fromValue(quote.tone()).map(Tone::label).orElse(quote.tone()));
        view.put("themeLabels", String.join(", ", quote.themes() == null ? java.util.List.of()
                : quote.themes().stream().map(comments::themeLabel).toList()));
        view.put("verbatim", quote.verbatim());
        view.put("approvedBy", quote.approvedBy());
        view.put("approvedOn", day(quote.approvedOn()));
        view.put("approved", quote.isApproved());
        view.put("withdrawn", !quote.isApproved());
        view.put("withdrawnBy", quote.withdrawnBy() == null ? "" : quote.withdrawnBy());
        view.put("withdrawnOn", day(quote.withdrawnOn()));
        view.put("commentHref", commentHref(quote.commentId()));
        view.put("changeHref", formHref(quote.commentId()));
        view.put("withdrawAction", "/staff/quotes/" + quote.id() + "/withdraw");
        return view;
    }

    String agencyLabel(String agency) {
        return agency == null ? "Not about one agency" : comments.agencyLabel(agency);
    }

    static String quarterLabel(String quarter) {
        return quarter == null ? "" : FinancialQuarter.parse(quarter).label();
    }

    static String commentHref(String commentId) {
        return "/staff/comments/" + commentId;
    }

    static String formHref(String commentId) {
        return "/staff/quotes/new?comment=" + UriUtils.encodeQueryParam(commentId, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String day(String isoDay) {
        return isoDay == null ? "" : DAY.format(LocalDate.parse(isoDay));
    }
}
