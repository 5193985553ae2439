package org.survivorvoice.recording;

import java.time.Duration;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** An officer's drafts, most recently saved first. */
@Component
class DraftIndexes implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;

    DraftIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Draft.class)
                .createIndex(new Index().on("owner", Sort.Direction.ASC).on("updatedAt", Sort.Direction.DESC).named("by_owner"))
                .block(Duration.ofSeconds(30));
    }
}
