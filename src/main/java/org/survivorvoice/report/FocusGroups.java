package org.survivorvoice.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.survivorvoice.codebook.Codebook;
import org.survivorvoice.codebook.Theme;
import org.survivorvoice.response.Response;
import org.survivorvoice.survey.Channel;
import org.survivorvoice.survey.Instrument;
import org.survivorvoice.survey.InstrumentVersions;
import org.survivorvoice.survey.Measure;
import org.survivorvoice.survey.Question;
import reactor.core.publisher.Flux;

/**
 * The focus groups of a period, read from their records (a handful a quarter, so no aggregate).
 * A reader sees a group when its area touches an agency in their remit.
 */
@Component
class FocusGroups {

    /** Which agencies each focus group area is about. */
    static final Map<String, Set<String>> AREA_AGENCIES = Map.of(
            "criminal-justice", Set.of("police", "courts", "civil-courts", "marac"),
            "social-services", Set.of("social-services"),
            "housing", Set.of("housing"),
            "mental-health", Set.of("mental-health"),
            "health", Set.of("gp", "maternity", "a-and-e", "mental-health"));

    private static final Map<Measure, String> TALLIES = new java.util.LinkedHashMap<>();

    static {
        TALLIES.put(Measure.OUTCOME_BELIEVED, "felt believed");
        TALLIES.put(Measure.OUTCOME_SAFER, "felt safer");
        TALLIES.put(Measure.OUTCOME_ACCOUNTABLE, "felt the perpetrator was held to account");
        TALLIES.put(Measure.OUTCOME_EVIDENCE_HARDEST, "named giving evidence as the hardest part");
        TALLIES.put(Measure.OUTCOME_WOULD_RETURN, "would go through the process again");
    }

    private final ReactiveMongoTemplate mongo;
    private final InstrumentVersions versions;
    private final Codebook codebook;

    FocusGroups(ReactiveMongoTemplate mongo, InstrumentVersions versions, Codebook codebook) {
        this.mongo = mongo;
        this.versions = versions;
        this.codebook = codebook;
    }

    Flux<FocusGroupSummary> in(Collection<String> quarters, ReportScope scope) {
        return mongo.find(Query.query(Criteria.where("channel").is(Channel.FOCUS_GROUP).and("quarter").in(quarters))
                        .with(Sort.by("day", "_id")), Response.class)
                .concatMap(response -> versions.find(response.instrumentId(), response.instrumentVersion())
                        .map(instrument -> summary(response, instrument)))
                .filter(group -> scope.everything() || AREA_AGENCIES.getOrDefault(group.area(), Set.of()).stream().anyMatch(scope::includes));
    }

    FocusGroupSummary summary(Response response, Instrument instrument) {
        Map<String, Object> answers = response.answers();
        String area = instrument.questionFor(Measure.AREA).map(q -> (String) answers.get(q.id())).orElse(null);
        String areaLabel = instrument.questionFor(Measure.AREA).flatMap(q -> q.option(String.valueOf(area)))
                .map(org.survivorvoice.survey.Option::label).orElse("Not recorded");
        Integer participants = number(instrument, Measure.PARTICIPANTS, answers);
        List<FocusGroupSummary.Finding> findings = new ArrayList<>();
        instrument.questionFor(Measure.KEY_THEMES).map(q -> answers.get(q.id())).ifPresent(list -> {
            for (Object item : (List<?>) list) {
                Map<?, ?> finding = (Map<?, ?>) item;
                String theme = String.valueOf(finding.get("theme"));
                findings.add(new FocusGroupSummary.Finding(findings.size() + 1, theme,
                        codebook.theme(theme).map(Theme::label).orElse(theme), String.valueOf(finding.get("finding"))));
            }
        });
        List<FocusGroupSummary.Tally> tallies = new ArrayList<>();
        TALLIES.forEach((measure, label) -> {
            Integer count = number(instrument, measure, answers);
            if (count != null) {
                tallies.add(new FocusGroupSummary.Tally(measure.id(), count, participants, label));
            }
        });
        return new FocusGroupSummary(response.day(), response.quarter(), area, areaLabel, participants, findings, tallies);
    }

    private static Integer number(Instrument instrument, Measure measure, Map<String, Object> answers) {
        return instrument.questionFor(measure).map(Question::id).map(answers::get)
                .filter(Number.class::isInstance).map(n -> ((Number) n).intValue()).orElse(null);
    }
}
