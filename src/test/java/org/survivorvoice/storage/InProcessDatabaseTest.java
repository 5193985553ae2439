package org.survivorvoice.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The in-process engine keeps its data in the data directory, written before the write is acknowledged. */
class InProcessDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesStoppingAndStartingAgain() {
        try (InProcessDatabase database = InProcessDatabase.start(dataDir, "sv"); MongoClient client = MongoClients.create(database.connectionString())) {
            StepVerifier.create(Mono.from(client.getDatabase("sv").getCollection("things").insertOne(new Document("_id", "a").append("n", 1))))
                    .expectNextCount(1).verifyComplete();
        }
        try (InProcessDatabase database = InProcessDatabase.start(dataDir, "sv"); MongoClient client = MongoClients.create(database.connectionString())) {
            StepVerifier.create(Mono.from(client.getDatabase("sv").getCollection("things").find(new Document("_id", "a")).first()))
                    .expectNextMatches(document -> document.getInteger("n") == 1)
                    .verifyComplete();
        }
        StepVerifier.create(Mono.just(InProcessDatabase.hasData(dataDir))).expectNext(true).verifyComplete();
    }

    /**
     * A copy of the file taken right after an acknowledged insert, while the server still runs (as a
     * killed process would leave it), already holds the document: H2 alone would write it up to a
     * second later.
     */
    @Test
    void anAcknowledgedWriteIsInTheFileBeforeTheServerStops() throws IOException {
        Path copy = dataDir.resolve("copy.mv");
        try (InProcessDatabase database = InProcessDatabase.start(dataDir, "sv"); MongoClient client = MongoClients.create(database.connectionString())) {
            for (int i = 0; i < 20; i++) {
                Mono.from(client.getDatabase("sv").getCollection("things").insertOne(new Document("_id", "doc-" + i))).block();
            }
            Files.copy(dataDir.resolve("in-process").resolve(InProcessDatabase.FILE_NAME), copy);
        }
        MongoServer server = new MongoServer(new H2Backend(copy.toString()));
        try {
            server.bind("127.0.0.1", 0);
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort())) {
                StepVerifier.create(Mono.from(client.getDatabase("sv").getCollection("things").countDocuments()))
                        .expectNext(20L).verifyComplete();
            }
        } finally {
            server.shutdown();
        }
    }
}
