package org.survivorvoice.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.util.MultiValueMap;
import org.survivorvoice.form.ErrorSummaryItem;
import org.survivorvoice.period.FinancialQuarter;

/**
 * The choices in a report's address: {@code from}, {@code to} (quarters such as
 * {@code 2015/16-Q2}), {@code channel} and {@code group}, checked field by field.
 */
record ReportRequest(String from, String to, String channel, String group, ReportService.Period period, List<ErrorSummaryItem> errors) {

    static ReportRequest read(MultiValueMap<String, String> query, String latestQuarter, Clock clock) {
        String fallback = latestQuarter != null ? latestQuarter : FinancialQuarter.of(LocalDate.now(clock)).toString();
        String from = value(query, "from", fallback);
        String to = value(query, "to", from);
        String channel = value(query, "channel", "all");
        String group = value(query, "group", null);
        List<ErrorSummaryItem> errors = new ArrayList<>();
        FinancialQuarter start = quarter(from, "from", "the first quarter", errors);
        FinancialQuarter end = quarter(to, "to", "the last quarter", errors);
        if (start != null && end != null && start.compareTo(end) > 0) {
            errors.add(new ErrorSummaryItem("#to", "The last quarter must not be before the first"));
        }
        if (!ReportService.CHANNELS.contains(channel)) {
            errors.add(new ErrorSummaryItem("#channel", "Choose all channels, interviews or the anonymous form"));
        }
        ReportService.Period period = errors.isEmpty() ? new ReportService.Period(start, end) : null;
        return new ReportRequest(from, to, channel, group, period, List.copyOf(errors));
    }

    private static FinancialQuarter quarter(String text, String field, String name, List<ErrorSummaryItem> errors) {
        try {
            return FinancialQuarter.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new ErrorSummaryItem("#" + field, "Enter " + name + " as a financial quarter such as 2015/16-Q2"));
            return null;
        }
    }

    private static String value(MultiValueMap<String, String> query, String name, String fallback) {
        String value = query.getFirst(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    /** The query string that gives this report again (for the CSV and PDF links). */
    String queryString() {
        StringBuilder query = new StringBuilder("from=").append(encode(from)).append("&to=").append(encode(to))
                .append("&channel=").append(encode(channel));
        if (group != null) {
            query.append("&group=").append(encode(group));
        }
        return query.toString();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
