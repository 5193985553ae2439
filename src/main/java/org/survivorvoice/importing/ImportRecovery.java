package org.survivorvoice.importing;

import java.time.Duration;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Before the service takes requests (and before the analysis looks for responses to queue), undoes
 * imports that a stop of the service cut short, so that a file is imported whole or not at all.
 * The service runs as one instance: at start-up no import of its own can be running.
 */
@Component
class ImportRecovery implements SmartInitializingSingleton {

    private final ReactiveMongoTemplate mongo;
    private final ImportService imports;

    ImportRecovery(ReactiveMongoTemplate mongo, ImportService imports) {
        this.mongo = mongo;
        this.imports = imports;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.find(Query.query(Criteria.where("state").is(ImportRecord.State.RUNNING)), ImportRecord.class)
                .concatMap(imports::undo)
                .then().block(Duration.ofMinutes(1));
    }
}
