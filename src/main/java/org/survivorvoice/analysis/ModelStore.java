package org.survivorvoice.analysis;


import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Stored models, the active one, and the analysis run counter. */
@Component
class ModelStore {

    private final ReactiveMongoTemplate mongo;

    ModelStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<AnalysisState> state() {
        return mongo.findById(AnalysisState.ID, AnalysisState.class)
                .defaultIfEmpty(new AnalysisState(AnalysisState.ID, null, 0, 0));
    }

    Mono<StoredModel> active() {
        return state().flatMap(state -> state.activeModel() == null ? Mono.empty() : mongo.findById(state.activeModel(), StoredModel.class));
    }

    Mono<StoredModel> save(StoredModel model) {
        return mongo.insert(model);
    }

    Mono<Void> activate(String modelId) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(AnalysisState.ID)), Update.update("activeModel", modelId),
                AnalysisState.class).then();
    }

    /** Starts a new analysis run: every comment is due again. @return the new run number */
    Mono<Integer> nextGeneration(long total) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(AnalysisState.ID)),
                        new Update().inc("generation", 1).set("runTotal", total),
                        FindAndModifyOptions.options().returnNew(true).upsert(true), AnalysisState.class)
                .map(AnalysisState::generation);
    }

}
