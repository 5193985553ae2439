package org.survivorvoice.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The stored aggregates and which generation of them is current ({@code report_state}).
 *
 * <p>One document per generation, quarter and channel ({@code report_counts}): its {@code counts}
 * map holds every cell of that quarter, keyed {@code kind|subject|key|sentiment}. A report reads
 * two documents per quarter, whatever the number of responses; a response changes one or two
 * documents. Counts change only by {@code $inc}, so concurrent additions never lose one.
 */
@Component
class AggregateStore {

    static final String STATE_ID = "aggregates";
    static final String COLLECTION = "report_counts";
    private static final int BATCH = 200;

    private final ReactiveMongoTemplate mongo;

    AggregateStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .createIndex(new org.springframework.data.mongodb.core.index.Index().on("epoch", org.springframework.data.domain.Sort.Direction.ASC)
                        .named("epoch"))
                .then();
    }

    /** The current generation, created (1) on first use. */
    Mono<Long> epoch() {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(STATE_ID)), new Update().setOnInsert("epoch", 1L),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "report_state")
                .map(state -> ((Number) state.get("epoch")).longValue());
    }

    Mono<Void> switchTo(long epoch) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(STATE_ID)), Update.update("epoch", epoch), "report_state").then();
    }

    /** Adds each delta to its cell of generation {@code epoch}, creating the cell (and its document) if needed. */
    Mono<Void> add(long epoch, Map<CountKey, Long> deltas) {
        Map<String, Update> updates = new LinkedHashMap<>();
        deltas.forEach((key, n) -> {
            if (n != 0) {
                updates.computeIfAbsent(documentId(epoch, key), id -> new Update()
                                .setOnInsert("epoch", epoch).setOnInsert("quarter", key.quarter()).setOnInsert("channel", key.channel()))
                        .inc("counts." + cell(key), n);
            }
        });
        if (updates.isEmpty()) {
            return Mono.empty();
        }
        return Flux.fromIterable(updates.entrySet())
                .buffer(BATCH)
                .concatMap(batch -> {
                    var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
                    batch.forEach(update -> bulk.upsert(Query.query(Criteria.where("_id").is(update.getKey())), update.getValue()));
                    return bulk.execute();
                })
                .then();
    }

    /** Writes a whole new generation (for a rebuild: nothing reads it until {@link #switchTo}). */
    Mono<Void> insert(long epoch, Map<CountKey, Long> counts) {
        Map<String, Document> documents = new LinkedHashMap<>();
        counts.forEach((key, n) -> {
            if (n != 0) {
                documents.computeIfAbsent(documentId(epoch, key), id -> new Document("_id", id).append("epoch", epoch)
                                .append("quarter", key.quarter()).append("channel", key.channel()).append("counts", new Document()))
                        .get("counts", Document.class).put(cell(key), n);
            }
        });
        return mongo.remove(Query.query(Criteria.where("epoch").is(epoch)), COLLECTION)
                .thenMany(Flux.fromIterable(documents.values()).buffer(BATCH)
                        .concatMap(batch -> mongo.insert(batch, COLLECTION).then()))
                .then();
    }

    Mono<Void> removeAllBut(long epoch) {
        return mongo.remove(Query.query(Criteria.where("epoch").ne(epoch)), COLLECTION).then();
    }

    /** The non-zero cells of generation {@code epoch} in these quarters. */
    Flux<ReportCount> load(long epoch, Collection<String> quarters) {
        return mongo.find(Query.query(Criteria.where("epoch").is(epoch).and("quarter").in(quarters)), Document.class, COLLECTION)
                .concatMapIterable(AggregateStore::cells);
    }

    /** The non-zero cells of generation {@code epoch}. */
    Flux<ReportCount> all(long epoch) {
        return mongo.find(Query.query(Criteria.where("epoch").is(epoch)), Document.class, COLLECTION)
                .concatMapIterable(AggregateStore::cells);
    }

    /** The quarters that have any count, oldest first. */
    Mono<List<String>> quarters(long epoch) {
        return all(epoch).map(ReportCount::quarter).collect(TreeSet<String>::new, TreeSet::add).map(List::copyOf);
    }

    private static List<ReportCount> cells(Document document) {
        long epoch = ((Number) document.get("epoch")).longValue();
        String quarter = document.getString("quarter");
        String channel = document.getString("channel");
        Document counts = document.get("counts", Document.class);
        List<ReportCount> cells = new ArrayList<>();
        if (counts != null) {
            counts.forEach((cell, value) -> {
                long n = ((Number) value).longValue();
                if (n != 0) {
                    String[] parts = cell.split("\\|", -1);
                    cells.add(new ReportCount(epoch, parts[0], quarter, channel, parts[1], parts[2], parts[3], n));
                }
            });
        }
        return cells;
    }

    private static String documentId(long epoch, CountKey key) {
        return epoch + "|" + key.quarter() + "|" + key.channel();
    }

    /** The field name of a cell inside its document: no dots, no leading dollar (MongoDB's rules). */
    static String cell(CountKey key) {
        String cell = String.join("|", key.kind().id(), key.subject(), key.key(), key.sentiment());
        if (cell.indexOf('.') >= 0 || cell.startsWith("$")) {
            throw new IllegalArgumentException("a count cannot be stored under '" + cell + "'");
        }
        return cell;
    }
}
