package org.survivorvoice.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.survivorvoice.period.FinancialQuarter;
import org.survivorvoice.survey.OperationalGroup;

/** Turns a report into what the Mustache page (and the PDF) need: lists, flags, charts, links. */
final class ReportPageModel {

    private ReportPageModel() {
    }

    static Map<String, Object> of(QuarterlyReport report, ReportRequest request, ReportAccess.Access access, List<String> quartersWithData,
                                  List<FocusGroupSummary> focusGroups, List<Contradiction> contradictions,
                                  Map<String, ReportService.QuotesOfAgency> quotes) {
        Map<String, Object> model = form(request, access, quartersWithData);
        model.put("report", report);
        model.put("title", "Quarterly report, " + report.periodLabel());
        model.put("scopeLabel", report.scope().label());
        model.put("channelLabel", channelLabel(report.channel()));
        model.put("quartersLabel", String.join(", ", report.quarters().stream().map(q -> FinancialQuarter.parse(q).label()).toList()));
        model.put("hasRatings", !report.ratings().isEmpty());
        model.put("ratingsChart", DivergingChart.svg("Experience of each agency, " + report.periodLabel()
                + ": shares of those with experience", report.ratings(), "ratings-table"));
        List<Map<String, Object>> sections = new ArrayList<>();
        for (int i = 0; i < report.ratings().size(); i++) {
            QuarterlyReport.RatingRow row = report.ratings().get(i);
            Map<String, Object> section = new HashMap<>();
            section.put("agency", row.agency());
            section.put("label", row.label());
            section.put("rating", row);
            section.put("chart", DivergingChart.svg(row.label() + ", " + report.periodLabel(), List.of(row), "ratings-table"));
            section.put("sentiment", report.sentiment().get(i));
            QuarterlyReport.AgencyThemes themes = report.themes().get(i);
            section.put("themes", themes.themes());
            section.put("hasThemes", !themes.themes().isEmpty());
            section.put("analysed", themes.analysed());
            ReportService.QuotesOfAgency agencyQuotes = quotes.getOrDefault(row.agency(), new ReportService.QuotesOfAgency(List.of(), List.of()));
            section.put("hasQuotes", agencyQuotes.any());
            section.put("positiveQuotes", agencyQuotes.positive().stream().map(text -> Map.of("text", text)).toList());
            section.put("negativeQuotes", agencyQuotes.negative().stream().map(text -> Map.of("text", text)).toList());
            sections.add(section);
        }
        model.put("agencies", sections);
        model.put("hasRemitThemes", !report.remitThemes().isEmpty());
        model.put("focusGroups", focusGroups);
        model.put("hasFocusGroups", !focusGroups.isEmpty());
        model.put("contradictions", contradictions);
        model.put("hasContradictions", !contradictions.isEmpty());
        model.put("showContradictions", report.scope().everything());
        model.put("hasOutcomes", !report.outcomes().isEmpty());
        model.put("pendingUpdates", report.backlog() > 0 ? report.backlog() : null);
        model.put("csvLinks", ReportCsv.TABLES.stream()
                .filter(table -> !table.equals("marac") || report.marac() != null)
                .filter(table -> !table.equals("barriers") || report.barriers() != null)
                .filter(table -> !table.equals("outcomes") || !report.outcomes().isEmpty())
                .map(table -> Map.of("table", table, "href", "/reports/" + table + ".csv?" + request.queryString())).toList());
        model.put("pdfHref", "/reports/quarterly.pdf?" + request.queryString());
        model.put("threshold", report.threshold());
        return model;
    }

    /** The period, channel and group pickers (also shown, with the errors, when the choice is wrong). */
    static Map<String, Object> form(ReportRequest request, ReportAccess.Access access, List<String> quartersWithData) {
        Map<String, Object> model = new HashMap<>();
        Set<String> quarters = new LinkedHashSet<>(quartersWithData);
        model.put("fromOptions", options(quarters, request.from()));
        model.put("toOptions", options(quarters, request.to()));
        model.put("from", request.from());
        model.put("to", request.to());
        model.put("channels", List.of(
                option("all", "All channels", request.channel()),
                option("interview", "Interviews", request.channel()),
                option("anonymous-form", "Anonymous form", request.channel())));
        List<Map<String, Object>> groups = new ArrayList<>();
        groups.add(option("", access.everything() ? "All agencies" : "All my groups", request.group() == null ? "" : request.group()));
        for (OperationalGroup group : access.choices()) {
            groups.add(option(group.id(), group.label(), request.group() == null ? "" : request.group()));
        }
        model.put("groups", groups);
        model.put("errorSummary", request.errors());
        model.put("hasErrors", !request.errors().isEmpty());
        model.put("title", "Quarterly report");
        return model;
    }

    private static List<Map<String, Object>> options(Set<String> quarters, String selected) {
        Set<String> all = new LinkedHashSet<>(quarters);
        all.add(selected);
        return all.stream().map(q -> {
            String label;
            try {
                label = FinancialQuarter.parse(q).label();
            } catch (IllegalArgumentException e) {
                label = q;
            }
            return option(q, label, selected);
        }).toList();
    }

    private static Map<String, Object> option(String value, String label, String selected) {
        return Map.of("value", value, "label", label, "selected", value.equals(selected));
    }

    static String channelLabel(String channel) {
        return switch (channel) {
            case "interview" -> "Interviews";
            case "anonymous-form" -> "Anonymous form";
            default -> "Interviews and the anonymous form";
        };
    }
}
