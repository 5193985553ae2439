package org.survivorvoice.response;

import java.time.Duration;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The indexes of the responses collection, created (if missing) before the server takes requests:
 * a staff reference is unique; lists are newest day first, all or by instrument.
 */
@Component
class ResponseIndexes implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    ResponseIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var indexes = mongo.indexOps(Response.class);
        Flux.concat(
                        indexes.createIndex(new Index().on("reference", Sort.Direction.ASC).unique().sparse().named("reference_unique")),
                        indexes.createIndex(new Index().on("day", Sort.Direction.DESC).on("_id", Sort.Direction.ASC).named("newest")),
                        indexes.createIndex(new Index().on("instrumentId", Sort.Direction.ASC).on("day", Sort.Direction.DESC)
                                .on("_id", Sort.Direction.ASC).named("newest_by_instrument")))
                .then().block(Duration.ofSeconds(30));
    }
}
