package org.survivorvoice.storage;

import java.time.Duration;

import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** UP only when the database answers a ping within two seconds; names the engine either way. */
@Component("storage")
class StorageHealthIndicator implements ReactiveHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveMongoTemplate mongo;
    private final StorageEngine engine;

    StorageHealthIndicator(ReactiveMongoTemplate mongo, StorageEngine engine) {
        this.mongo = mongo;
        this.engine = engine;
    }

    @Override
    public Mono<Health> health() {
        return mongo.executeCommand(new Document("ping", 1))
                .timeout(TIMEOUT)
                .map(answer -> Health.up().withDetail("engine", engine.description()).build())
                .onErrorResume(error -> Mono.just(Health.down()
                        .withDetail("engine", engine.description())
                        .withDetail("error", error instanceof java.util.concurrent.TimeoutException
                                ? "no answer within " + TIMEOUT.toSeconds() + " s" : error.getClass().getSimpleName())
                        .build()));
    }
}
