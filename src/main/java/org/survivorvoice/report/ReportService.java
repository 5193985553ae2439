package org.survivorvoice.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.survivorvoice.analysis.Comment;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.period.FinancialQuarter;
import org.survivorvoice.survey.Agencies;
import org.survivorvoice.survey.Agency;
import org.survivorvoice.survey.Channel;
import org.survivorvoice.survey.InstrumentCatalogue;
import org.survivorvoice.survey.Measure;
import org.survivorvoice.survey.Option;
import org.survivorvoice.survey.Question;
import org.survivorvoice.survey.Scale5;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Makes quarterly reports from the aggregates (a few hundred counts, whatever the number of responses). */
@Service
public class ReportService {

    public static final Set<String> CHANNELS = Set.of("all", Channel.INTERVIEW.id(), Channel.ANONYMOUS_FORM.id());
    private static final int CONTRADICTIONS_SHOWN = 100;

    private final AggregateStore store;
    private final Aggregates aggregates;
    private final FocusGroups focusGroups;
    private final ReactiveMongoTemplate mongo;
    private final Agencies agencies;
    private final QuarterlyReportBuilder builder;
    private final org.survivorvoice.quote.QuoteService quotes;

    ReportService(AggregateStore store, Aggregates aggregates, FocusGroups focusGroups, ReactiveMongoTemplate mongo,
                  Codebook codebook, InstrumentCatalogue instruments, ReportProperties properties,
                  org.survivorvoice.quote.QuoteService quotes) {
        this.quotes = quotes;
        Agencies agencies = instruments.agencies();
        this.store = store;
        this.aggregates = aggregates;
        this.focusGroups = focusGroups;
        this.mongo = mongo;
        this.agencies = agencies;
        List<Option> barrierOptions = instruments.all().stream()
                .flatMap(instrument -> instrument.questionFor(Measure.BARRIERS).stream())
                .findFirst().map(Question::options).orElse(List.of());
        this.builder = new QuarterlyReportBuilder(new QuarterlyReportBuilder.Labels(agencies, codebook, barrierOptions),
                new Disclosure(properties.threshold()));
    }

    /** A period of whole quarters; the previous period is as long and ends just before it. */
    public record Period(FinancialQuarter from, FinancialQuarter to) {

        public Period {
            if (from.compareTo(to) > 0) {
                throw new IllegalArgumentException("The period must start before it ends");
            }
        }

        public static Period parse(String from, String to) {
            FinancialQuarter start = FinancialQuarter.parse(from);
            return new Period(start, to == null || to.isBlank() ? start : FinancialQuarter.parse(to));
        }

        public List<String> quarters() {
            List<String> quarters = new ArrayList<>();
            for (FinancialQuarter q = from; q.compareTo(to) <= 0; q = q.next()) {
                quarters.add(q.toString());
            }
            return quarters;
        }

        public Period previous() {
            int length = quarters().size();
            FinancialQuarter end = from.previous();
            FinancialQuarter start = end;
            for (int i = 1; i < length; i++) {
                start = start.previous();
            }
            return new Period(start, end);
        }

        public String label() {
            return from.equals(to) ? from.label() : from.label() + " to " + to.label();
        }
    }

    public Mono<QuarterlyReport> quarterly(Period period, String channel, ReportScope scope) {
        if (!CHANNELS.contains(channel)) {
            return Mono.error(new IllegalArgumentException("Unknown channel '" + channel + "'"));
        }
        Period previous = period.previous();
        return aggregates.currentEpoch().flatMap(epoch -> Mono.zip(
                        store.load(epoch, period.quarters()).collectList(),
                        store.load(epoch, previous.quarters()).collectList()))
                .map(counts -> builder.build(new QuarterlyReportBuilder.Period(period.from().toString(), period.to().toString(),
                                period.label(), period.quarters(), previous.label(), channel),
                        scope, counts.getT1(), counts.getT2(), aggregates.backlog()));
    }

    /** The quarters that have any figures, newest first (for the period pickers). */
    public Mono<List<String>> quartersWithData() {
        return aggregates.currentEpoch().flatMap(store::quarters)
                .map(quarters -> {
                    List<String> newestFirst = new ArrayList<>(quarters);
                    java.util.Collections.reverse(newestFirst);
                    return newestFirst;
                });
    }

    public Flux<FocusGroupSummary> focusGroups(Period period, ReportScope scope) {
        return focusGroups.in(period.quarters(), scope);
    }

    /** Approved quotes, positive and negative, per agency in scope (the anonymised text only, never the comment). */
    public Mono<java.util.Map<String, QuotesOfAgency>> quotes(Period period, String channel, ReportScope scope) {
        return quotes.approved(period.quarters(), scope.agencies())
                .filter(quote -> "all".equals(channel) || quote.channel() != null && quote.channel().id().equals(channel))
                .collectList()
                .map(found -> {
                    java.util.Map<String, QuotesOfAgency> byAgency = new java.util.HashMap<>();
                    for (String agency : scope.agencies()) {
                        List<String> positive = found.stream().filter(q -> agency.equals(q.agency()) && "positive".equals(q.tone()))
                                .map(org.survivorvoice.quote.Quote::text).limit(QUOTES_SHOWN).toList();
                        List<String> negative = found.stream().filter(q -> agency.equals(q.agency()) && "negative".equals(q.tone()))
                                .map(org.survivorvoice.quote.Quote::text).limit(QUOTES_SHOWN).toList();
                        byAgency.put(agency, new QuotesOfAgency(positive, negative));
                    }
                    return byAgency;
                });
    }

    /** Up to {@value #QUOTES_SHOWN} of each tone. */
    public record QuotesOfAgency(List<String> positive, List<String> negative) {

        public boolean any() {
            return !positive.isEmpty() || !negative.isEmpty();
        }
    }

    static final int QUOTES_SHOWN = 5;

    /** Officers only: comments whose tone contradicts their client's rating. */
    public Flux<Contradiction> contradictions(Period period, String channel) {
        Criteria good = Criteria.where("rating").in("very_positive", "positive").and("effective.sentiment").in("negative", "very_negative");
        Criteria bad = Criteria.where("rating").in("very_negative", "negative").and("effective.sentiment").in("positive", "very_positive");
        Criteria where = Criteria.where("quarter").in(period.quarters()).and("kind").is("comment");
        if (!"all".equals(channel)) {
            where = where.and("channel").is(Channel.fromId(channel).orElseThrow());
        }
        Query query = Query.query(new Criteria().andOperator(where, new Criteria().orOperator(good, bad)))
                .with(Sort.by("quarter", "agency", "_id")).limit(CONTRADICTIONS_SHOWN);
        return mongo.find(query, Comment.class).map(this::contradiction);
    }

    private Contradiction contradiction(Comment comment) {
        String text = comment.text() == null ? "" : comment.text();
        String excerpt = text.length() > 240 ? text.substring(0, 239) + "…" : text;
        String sentiment = comment.effective().sentiment();
        return new Contradiction(comment.id(), comment.agency(), agencies.agency(comment.agency()).map(Agency::label).orElse("General"),
                comment.quarter(), comment.rating(), Scale5.fromValue(comment.rating()).map(Scale5::label).orElse(comment.rating()),
                sentiment, Scale5.fromValue(sentiment).map(Scale5::label).orElse(sentiment), excerpt);
    }
}
