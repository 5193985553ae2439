package org.survivorvoice.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.codebook.Theme;
import org.survivorvoice.survey.Agencies;
import org.survivorvoice.survey.Agency;
import org.survivorvoice.survey.Measure;
import org.survivorvoice.survey.Option;
import org.survivorvoice.survey.Scale5;

/**
 * Turns the aggregate counts of a period (and of the period before it) into a report for one
 * scope, applying disclosure control to every table. Pure: no database, no clock.
 */
final class QuarterlyReportBuilder {

    static final List<Scale5> SCALE = List.of(Scale5.values());
    static final List<Scale5> TONES = List.of(Scale5.VERY_POSITIVE, Scale5.POSITIVE, Scale5.NEUTRAL, Scale5.NEGATIVE, Scale5.VERY_NEGATIVE);
    private static final Set<String> GOOD = Set.of("very_positive", "positive");
    private static final Set<String> BAD = Set.of("very_negative", "negative");

    /** The labels of the things the report counts. @param barrierOptions the barriers question's options */
    record Labels(Agencies agencies, Codebook codebook, List<Option> barrierOptions) {
    }

    /** What to report on. @param channel "all", "interview" or "anonymous-form" */
    record Period(String from, String to, String label, List<String> quarters, String previousLabel, String channel) {

        Predicate<String> channels() {
            return "all".equals(channel) ? c -> true : channel::equals;
        }
    }

    private final Labels labels;
    private final Disclosure disclosure;

    QuarterlyReportBuilder(Labels labels, Disclosure disclosure) {
        this.labels = labels;
        this.disclosure = disclosure;
    }

    QuarterlyReport build(Period period, ReportScope scope, Collection<ReportCount> current, Collection<ReportCount> previous, int backlog) {
        CountTable now = new CountTable(current, period.channels());
        CountTable before = new CountTable(previous, period.channels());
        List<Agency> agencies = labels.agencies().all().stream().filter(a -> scope.includes(a.id())).toList();
        return new QuarterlyReport(period.from(), period.to(), period.label(), period.quarters(), period.previousLabel(), period.channel(),
                scope, disclosure.threshold(),
                agencies.stream().map(agency -> ratings(agency, now)).toList(),
                scope.includes("marac") ? new QuarterlyReport.Marac(
                        yesNo(now, Measure.MARAC_REFERRED, "Referred to MARAC"),
                        yesNo(now, Measure.MARAC_AWARE, "Made aware of the referral")) : null,
                scope.topics().contains("barriers") ? barriers(now) : null,
                scope.everything() ? List.of(
                        yesNo(now, Measure.OUTCOME_BELIEVED, "Felt believed"),
                        yesNo(now, Measure.OUTCOME_SAFER, "Feels safer"),
                        yesNo(now, Measure.OUTCOME_ACCOUNTABLE, "Felt the perpetrator was held to account"),
                        yesNo(now, Measure.OUTCOME_WOULD_RETURN, "Would go through the process again")) : List.of(),
                agencies.stream().map(agency -> sentiment(agency, now)).toList(),
                agencies.stream().map(agency -> themes(agency, now, before)).toList(),
                remitThemes(scope, now, before),
                backlog);
    }

    private QuarterlyReport.RatingRow ratings(Agency agency, CountTable counts) {
        // cells 0-5: the six answers; 6: base (all asked); 7: those with experience
        long[] cells = new long[8];
        for (int i = 0; i < SCALE.size(); i++) {
            cells[i] = counts.get(CountKey.Kind.RATING, agency.id(), SCALE.get(i).value());
        }
        cells[6] = java.util.Arrays.stream(cells, 0, 6).sum();
        cells[7] = java.util.Arrays.stream(cells, 0, 5).sum();
        boolean[] hidden = disclosure.suppress(cells, List.of(
                new Disclosure.Sum(6, 0, 1, 2, 3, 4, 5),
                new Disclosure.Sum(7, 0, 1, 2, 3, 4)));
        int[] ofAsked = Percentages.of(java.util.Arrays.copyOf(cells, 6));
        int[] ofExperienced = Percentages.of(java.util.Arrays.copyOf(cells, 5));
        List<QuarterlyReport.RatingCell> row = new ArrayList<>();
        boolean any = false;
        for (int i = 0; i < SCALE.size(); i++) {
            Scale5 value = SCALE.get(i);
            any |= hidden[i];
            Integer experienced = i < 5 && !hidden[i] && !hidden[7] && cells[7] > 0 ? ofExperienced[i] : null;
            row.add(new QuarterlyReport.RatingCell(value.value(), value.label(),
                    cell(cells[i], cells[6] > 0 ? ofAsked[i] : null, hidden[i]), experienced));
        }
        return new QuarterlyReport.RatingRow(agency.id(), agency.label(), cell(cells[6], null, hidden[6]),
                cell(cells[7], null, hidden[7]), row, List.copyOf(counts.quarters(CountKey.Kind.RATING, agency.id())), any || hidden[7]);
    }

    private QuarterlyReport.YesNo yesNo(CountTable counts, Measure measure, String label) {
        long yes = counts.get(CountKey.Kind.MEASURE, measure.id(), "yes");
        long no = counts.get(CountKey.Kind.MEASURE, measure.id(), "no");
        long[] cells = {yes + no, yes, no};
        boolean[] hidden = disclosure.suppress(cells, List.of(new Disclosure.Sum(0, 1, 2)));
        int[] percent = Percentages.of(new long[] {yes, no});
        return new QuarterlyReport.YesNo(measure.id(), label, cell(cells[0], null, hidden[0]),
                cell(yes, cells[0] > 0 ? percent[0] : null, hidden[1]), cell(no, cells[0] > 0 ? percent[1] : null, hidden[2]));
    }

    private QuarterlyReport.Barriers barriers(CountTable counts) {
        QuarterlyReport.YesNo any = yesNo(counts, Measure.BARRIERS_ANY, "Named at least one barrier");
        long base = any.base().suppressed() ? 0 : any.base().count();
        List<QuarterlyReport.OptionCount> named = labels.barrierOptions().stream().map(option -> {
            long n = counts.get(CountKey.Kind.MEASURE, Measure.BARRIERS.id(), option.id());
            return new QuarterlyReport.OptionCount(option.id(), option.label(), primary(n, Percentages.share(n, base)));
        }).toList();
        return new QuarterlyReport.Barriers(any, named);
    }

    private QuarterlyReport.SentimentRow sentiment(Agency agency, CountTable counts) {
        long[] cells = new long[6];
        for (int i = 0; i < TONES.size(); i++) {
            cells[i] = counts.get(CountKey.Kind.SENTIMENT, agency.id(), TONES.get(i).value());
        }
        cells[5] = java.util.Arrays.stream(cells, 0, 5).sum();
        boolean[] hidden = disclosure.suppress(cells, List.of(new Disclosure.Sum(5, 0, 1, 2, 3, 4)));
        int[] percent = Percentages.of(java.util.Arrays.copyOf(cells, 5));
        List<QuarterlyReport.SentimentCell> row = new ArrayList<>();
        for (int i = 0; i < TONES.size(); i++) {
            row.add(new QuarterlyReport.SentimentCell(TONES.get(i).value(), TONES.get(i).label(),
                    cell(cells[i], cells[5] > 0 ? percent[i] : null, hidden[i])));
        }
        long contradicting = 0;
        for (String rating : GOOD) {
            for (String tone : BAD) {
                contradicting += counts.get(CountKey.Kind.RATED, agency.id(), rating, tone);
            }
        }
        for (String rating : BAD) {
            for (String tone : GOOD) {
                contradicting += counts.get(CountKey.Kind.RATED, agency.id(), rating, tone);
            }
        }
        return new QuarterlyReport.SentimentRow(agency.id(), agency.label(),
                primary(counts.get(CountKey.Kind.COMMENTS, agency.id(), ""), null),
                cell(cells[5], null, hidden[5]), row, primary(contradicting, null));
    }

    private QuarterlyReport.AgencyThemes themes(Agency agency, CountTable now, CountTable before) {
        long analysed = analysed(now, agency.id());
        long analysedBefore = analysed(before, agency.id());
        Cell analysedCell = primary(analysed, null);
        List<QuarterlyReport.ThemeLine> lines = new ArrayList<>();
        for (Theme theme : labels.codebook().themes()) {
            long n = themeCount(now, agency.id(), theme.id());
            if (n == 0) {
                continue;
            }
            lines.add(themeLine(theme, n, analysed, analysedCell.suppressed(), themeCount(before, agency.id(), theme.id()), analysedBefore));
        }
        lines.sort(java.util.Comparator.comparing((QuarterlyReport.ThemeLine line) -> line.cell().suppressed())
                .thenComparing(line -> -(line.cell().count() == null ? 0 : line.cell().count())));
        return new QuarterlyReport.AgencyThemes(agency.id(), agency.label(), analysedCell, lines);
    }

    /** Themes in a reader's remit, over all agencies together (never one other agency's figure). */
    private List<QuarterlyReport.ThemeLine> remitThemes(ReportScope scope, CountTable now, CountTable before) {
        long analysed = analysedEverywhere(now);
        long analysedBefore = analysedEverywhere(before);
        Cell analysedCell = primary(analysed, null);
        return labels.codebook().themes().stream().filter(theme -> scope.themes().contains(theme.id()))
                .map(theme -> themeLine(theme, themeCountEverywhere(now, theme.id()), analysed, analysedCell.suppressed(),
                        themeCountEverywhere(before, theme.id()), analysedBefore))
                .toList();
    }

    private QuarterlyReport.ThemeLine themeLine(Theme theme, long n, long analysed, boolean analysedHidden, long nBefore, long analysedBefore) {
        Cell cell = primary(n, analysedHidden ? null : Percentages.share(n, analysed));
        boolean previousHidden = nBefore > 0 && nBefore < disclosure.threshold() || analysedBefore > 0 && analysedBefore < disclosure.threshold();
        Integer previousShare = previousHidden ? null : Percentages.share(nBefore, analysedBefore);
        Integer change = cell.percent() == null || previousShare == null ? null : cell.percent() - previousShare;
        return new QuarterlyReport.ThemeLine(theme.id(), theme.label(), cell, previousShare, change);
    }

    private static long themeCount(CountTable counts, String agency, String theme) {
        return TONES.stream().mapToLong(tone -> counts.get(CountKey.Kind.THEME, agency, theme, tone.value())).sum();
    }

    private static long themeCountEverywhere(CountTable counts, String theme) {
        return counts.acrossSubjects(CountKey.Kind.THEME, theme, subject -> true);
    }

    private static long analysed(CountTable counts, String agency) {
        return counts.total(CountKey.Kind.SENTIMENT, agency);
    }

    private static long analysedEverywhere(CountTable counts) {
        return TONES.stream().mapToLong(tone -> counts.acrossSubjects(CountKey.Kind.SENTIMENT, tone.value(), subject -> true)).sum();
    }

    /** A figure with no published sum around it: only primary suppression applies. */
    private Cell primary(long n, Integer percent) {
        return cell(n, percent, n > 0 && n < disclosure.threshold());
    }

    private Cell cell(long n, Integer percent, boolean hidden) {
        return Cell.of(n, percent, hidden, disclosure.threshold());
    }
}
