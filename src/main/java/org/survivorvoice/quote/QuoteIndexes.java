package org.survivorvoice.quote;

import java.time.Duration;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** At most one quote per comment; reports look quotes up by quarter and agency. */
@Component
class QuoteIndexes implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    QuoteIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var indexes = mongo.indexOps(Quote.class);
        Flux.concat(
                        indexes.createIndex(new Index().on("commentId", Sort.Direction.ASC).unique().named("one_per_comment")),
                        indexes.createIndex(new Index().on("quarter", Sort.Direction.ASC).on("agency", Sort.Direction.ASC)
                                .on("status", Sort.Direction.ASC).named("by_quarter_and_agency")))
                .then().block(Duration.ofSeconds(30));
    }
}
