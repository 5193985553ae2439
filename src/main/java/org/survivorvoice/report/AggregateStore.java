package org.survivorvoice.report;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored aggregates ({@code report_counts}) and which generation of them is current
 * ({@code report_state}). Counts change only by {@code $inc}, so concurrent additions never lose one.
 */
@Component
class AggregateStore {

    static final String STATE_ID = "aggregates";
    private static final int BATCH = 1000;

    private final ReactiveMongoTemplate mongo;

    AggregateStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> createIndexes() {
        return mongo.indexOps(ReportCount.class)
                .createIndex(new Index().on("epoch", Sort.Direction.ASC).on("quarter", Sort.Direction.ASC).named("epoch_quarter"))
                .then();
    }

    /** The current generation, created (1) on first use. */
    Mono<Long> epoch() {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(STATE_ID)), new Update().setOnInsert("epoch", 1L),
                        org.springframework.data.mongodb.core.FindAndModifyOptions.options().upsert(true).returnNew(true),
                        org.bson.Document.class, "report_state")
                .map(state -> ((Number) state.get("epoch")).longValue());
    }

    Mono<Void> switchTo(long epoch) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(STATE_ID)), Update.update("epoch", epoch), "report_state").then();
    }

    /** Adds each delta to its cell of generation {@code epoch}, creating the cell if needed. */
    Mono<Void> add(long epoch, Map<CountKey, Long> deltas) {
        if (deltas.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(deltas.entrySet())
                .buffer(BATCH)
                .concatMap(batch -> {
                    var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ReportCount.class);
                    for (Map.Entry<CountKey, Long> delta : batch) {
                        CountKey key = delta.getKey();
                        bulk.upsert(Query.query(Criteria.where("_id").is(key.id(epoch))), new Update()
                                .inc("n", delta.getValue())
                                .setOnInsert("epoch", epoch).setOnInsert("kind", key.kind().id()).setOnInsert("quarter", key.quarter())
                                .setOnInsert("channel", key.channel()).setOnInsert("subject", key.subject())
                                .setOnInsert("key", key.key()).setOnInsert("sentiment", key.sentiment()));
                    }
                    return bulk.execute();
                })
                .then();
    }

    /** Writes a whole new generation (for a rebuild: nothing reads it until {@link #switchTo}). */
    Mono<Void> insert(long epoch, Map<CountKey, Long> counts) {
        return mongo.remove(Query.query(Criteria.where("epoch").is(epoch)), ReportCount.class)
                .thenMany(Flux.fromIterable(counts.entrySet())
                        .filter(count -> count.getValue() != 0)
                        .map(count -> ReportCount.of(epoch, count.getKey(), count.getValue()))
                        .buffer(BATCH)
                        .concatMap(batch -> mongo.insert(batch, ReportCount.class).then()))
                .then();
    }

    Mono<Void> removeAllBut(long epoch) {
        return mongo.remove(Query.query(Criteria.where("epoch").ne(epoch)), ReportCount.class).then();
    }

    /** The non-zero cells of generation {@code epoch} in these quarters. */
    Flux<ReportCount> load(long epoch, Collection<String> quarters) {
        return mongo.find(Query.query(Criteria.where("epoch").is(epoch).and("quarter").in(quarters).and("n").ne(0L)), ReportCount.class);
    }

    /** The non-zero cells of generation {@code epoch} (for tests and the rebuild check). */
    Flux<ReportCount> all(long epoch) {
        return mongo.find(Query.query(Criteria.where("epoch").is(epoch).and("n").ne(0L)), ReportCount.class);
    }

    /** The quarters that have any count, oldest first. */
    Mono<List<String>> quarters(long epoch) {
        return mongo.findDistinct(Query.query(Criteria.where("epoch").is(epoch).and("n").gt(0L)), "quarter", ReportCount.class, String.class)
                .sort()
                .collectList();
    }
}
