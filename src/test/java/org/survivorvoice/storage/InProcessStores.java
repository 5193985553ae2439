package org.survivorvoice.storage;

import java.nio.file.Path;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;

/** Opens an in-process data directory directly, as the service would, for tests that read or write it raw. */
public final class InProcessStores {

    private InProcessStores() {
    }

    public static Open open(Path dataDir) {
        InProcessDatabase server = InProcessDatabase.start(dataDir, "survivor-voice");
        return new Open(server, MongoClients.create(server.connectionString()));
    }

    public static boolean holdsData(Path dataDir) {
        return InProcessDatabase.hasData(dataDir);
    }

    /** The database {@code survivor-voice} of an open data directory; closing stops the server. */
    public static final class Open implements AutoCloseable {

        private final InProcessDatabase server;
        private final MongoClient client;

        private Open(InProcessDatabase server, MongoClient client) {
            this.server = server;
            this.client = client;
        }

        public MongoDatabase database() {
            return client.getDatabase("survivor-voice");
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }
}
