package org.survivorvoice.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every table of a quarterly report as CSV (RFC 4180, UTF-8). Hidden figures are written as
 * "fewer than 5" with an empty percentage, exactly as on the page.
 */
final class ReportCsv {

    /** The tables there are, by the name used in URLs. */
    static final List<String> TABLES = List.of("ratings", "marac", "barriers", "outcomes", "sentiment", "themes", "focus-groups");

    private ReportCsv() {
    }

    static String table(String name, QuarterlyReport report, List<FocusGroupSummary> focusGroups) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            switch (name) {
                case "ratings" -> ratings(csv, report);
                case "marac" -> yesNo(csv, report.marac() == null ? List.of()
                        : List.of(report.marac().referred(), report.marac().madeAware()), report);
                case "barriers" -> barriers(csv, report);
                case "outcomes" -> yesNo(csv, report.outcomes(), report);
                case "sentiment" -> sentiment(csv, report);
                case "themes" -> themes(csv, report);
                case "focus-groups" -> focusGroups(csv, focusGroups);
                default -> throw new IllegalArgumentException("Unknown table '" + name + "' (known: " + String.join(", ", TABLES) + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void ratings(CSVPrinter csv, QuarterlyReport report) throws IOException {
        List<String> header = new ArrayList<>(List.of("period", "channel", "agency", "base"));
        QuarterlyReportBuilder.SCALE.forEach(value -> {
            header.add(value.value());
            header.add(value.value() + "_percent");
        });
        QuarterlyReportBuilder.TONES.forEach(value -> header.add(value.value() + "_percent_of_experienced"));
        header.add("quarters_covered");
        csv.printRecord(header);
        for (QuarterlyReport.RatingRow row : report.ratings()) {
            List<Object> record = new ArrayList<>(List.of(report.periodLabel(), report.channel(), row.label(), row.base().text()));
            row.cells().forEach(cell -> {
                record.add(cell.cell().text());
                record.add(cell.cell().percent() == null ? "" : cell.cell().percent());
            });
            row.cells().stream().limit(5).forEach(cell -> record.add(cell.percentOfExperienced() == null ? "" : cell.percentOfExperienced()));
            record.add(String.join(" ", row.covered()));
            csv.printRecord(record);
        }
    }

    private static void yesNo(CSVPrinter csv, List<QuarterlyReport.YesNo> rows, QuarterlyReport report) throws IOException {
        csv.printRecord("period", "channel", "question", "base", "yes", "yes_percent", "no", "no_percent");
        for (QuarterlyReport.YesNo row : rows) {
            csv.printRecord(report.periodLabel(), report.channel(), row.label(), row.base().text(), row.yes().text(), percent(row.yes()),
                    row.no().text(), percent(row.no()));
        }
    }

    private static void barriers(CSVPrinter csv, QuarterlyReport report) throws IOException {
        if (report.barriers() == null) {
            csv.printRecord("period", "channel", "barrier", "clients", "percent_of_asked");
            return;
        }
        yesNo(csv, List.of(report.barriers().any()), report);
        csv.println();
        csv.printRecord("period", "channel", "barrier", "clients", "percent_of_asked");
        for (QuarterlyReport.OptionCount option : report.barriers().named()) {
            csv.printRecord(report.periodLabel(), report.channel(), option.label(), option.cell().text(), percent(option.cell()));
        }
    }

    private static void sentiment(CSVPrinter csv, QuarterlyReport report) throws IOException {
        List<String> header = new ArrayList<>(List.of("period", "channel", "agency", "comments", "analysed"));
        QuarterlyReportBuilder.TONES.forEach(tone -> {
            header.add(tone.value());
            header.add(tone.value() + "_percent");
        });
        header.add("contradicting_rating");
        csv.printRecord(header);
        for (QuarterlyReport.SentimentRow row : report.sentiment()) {
            List<Object> record = new ArrayList<>(List.of(report.periodLabel(), report.channel(), row.label(), row.comments().text(),
                    row.analysed().text()));
            row.cells().forEach(cell -> {
                record.add(cell.cell().text());
                record.add(percent(cell.cell()));
            });
            record.add(row.contradicting().text());
            csv.printRecord(record);
        }
    }

    private static void themes(CSVPrinter csv, QuarterlyReport report) throws IOException {
        csv.printRecord("period", "channel", "agency", "theme", "comments", "share_percent", "previous_share_percent", "change_points");
        BiConsumer<String, QuarterlyReport.ThemeLine> line = (agency, theme) -> {
            try {
                csv.printRecord(report.periodLabel(), report.channel(), agency, theme.label(), theme.cell().text(), percent(theme.cell()),
                        theme.previousShare() == null ? "" : theme.previousShare(), theme.changeText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        report.themes().forEach(agency -> agency.themes().forEach(theme -> line.accept(agency.label(), theme)));
        report.remitThemes().forEach(theme -> line.accept("All agencies", theme));
    }

    private static void focusGroups(CSVPrinter csv, List<FocusGroupSummary> groups) throws IOException {
        csv.printRecord("date", "area", "participants", "number", "theme", "finding_or_outcome");
        for (FocusGroupSummary group : groups) {
            for (FocusGroupSummary.Finding finding : group.findings()) {
                csv.printRecord(group.day(), group.areaLabel(), group.participants(), finding.number(), finding.themeLabel(), finding.finding());
            }
            for (FocusGroupSummary.Tally tally : group.tallies()) {
                csv.printRecord(group.day(), group.areaLabel(), group.participants(), "", "outcome", tally.text());
            }
        }
    }

    private static String percent(Cell cell) {
        return cell.percent() == null ? "" : String.valueOf(cell.percent());
    }

    static String fileName(String table, QuarterlyReport report) {
        return "survivor-voice-" + table + "-" + report.from().replace('/', '-') + "-to-" + report.to().replace('/', '-') + ".csv";
    }
}
