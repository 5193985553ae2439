package org.survivorvoice.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The state of the analysis in one place: the engine, the queue by status, the current run's progress. */
@Component
public class AnalysisOverview {

    private final AnalysisEngine engine;
    private final Reanalysis reanalysis;
    private final ReactiveMongoTemplate mongo;

    AnalysisOverview(AnalysisEngine engine, Reanalysis reanalysis, ReactiveMongoTemplate mongo) {
        this.engine = engine;
        this.reanalysis = reanalysis;
        this.mongo = mongo;
    }

    public record Overview(AnalysisEngine.Status engine, String model, Map<String, Long> queue, Reanalysis.Progress progress) {
    }

    public Mono<Overview> overview() {
        Mono<Map<String, Long>> queue = Flux.fromArray(CommentStatus.values())
                .concatMap(status -> mongo.count(Query.query(Criteria.where("status").is(status)), Comment.class)
                        .map(count -> Map.entry(status.id(), count)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
        return Mono.zip(queue, reanalysis.progress())
                .map(found -> new Overview(engine.status(), engine.activeModelId(), found.getT1(), found.getT2()));
    }
}
