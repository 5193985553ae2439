package org.survivorvoice.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The in-process, wire-compatible server (mongo-java-server) over an H2 MVStore file under
 * {@code <dataDir>/in-process}. It listens on a loopback port only, so the application reaches it
 * through the ordinary MongoDB driver exactly as it would reach a real server.
 */
final class InProcessDatabase implements EmbeddedDatabase {

    static final String SUBDIRECTORY = "in-process";
    static final String FILE_NAME = "survivor-voice.mv";

    private final MongoServer server;
    private final Path file;
    private final String connectionString;

    private InProcessDatabase(MongoServer server, Path file, String connectionString) {
        this.server = server;
        this.file = file;
        this.connectionString = connectionString;
    }

    static InProcessDatabase start(Path dataDir, String database) {
        Path file = dataDir.resolve(SUBDIRECTORY).resolve(FILE_NAME);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        // No background auto-commit: every write commits itself (CommitOnWriteBackend), and H2's
        // background writer racing readers gives "Chunk … not found" under load (h2database#4383;
        // seen here at 1,000,000 responses while a rebuild read them).
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        } catch (MVStoreException e) {
            throw new EmbeddedStorageException(e.getErrorCode() == DataUtils.ERROR_FILE_LOCKED
                    ? "The in-process database " + file + " is in use by another process: stop the service or command"
                            + " that uses this data directory first, or choose another sv.storage.data-dir."
                    : "The in-process database " + file + " cannot be opened: " + EmbeddedDatabaseLauncher.reason(e), e);
        }
        MongoServer server = new MongoServer(new CommitOnWriteBackend(store));
        server.bind("127.0.0.1", 0);
        var address = server.getLocalAddress();
        return new InProcessDatabase(server, file,
                "mongodb://127.0.0.1:" + address.getPort() + "/" + database);
    }

    static boolean hasData(Path dataDir) {
        return Files.exists(dataDir.resolve(SUBDIRECTORY).resolve(FILE_NAME));
    }

    @Override
    public String connectionString() {
        return connectionString;
    }

    @Override
    public String description() {
        return "in-process mongo-java-server (H2 file " + file + ")";
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /**
     * H2's MVStore commits on its own about once a second. A write acknowledged to the client must
     * survive the process being killed a moment later, so every write command commits before the
     * server answers it.
     */
    static final class CommitOnWriteBackend extends H2Backend {

        private static final Set<String> WRITE_COMMANDS = Set.of(
                "insert", "update", "delete", "findandmodify", "create", "createindexes",
                "drop", "dropindexes", "dropdatabase", "renamecollection");

        CommitOnWriteBackend(MVStore store) {
            super(store);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            Document result = super.handleCommand(channel, database, command, query);
            if (WRITE_COMMANDS.contains(command.toLowerCase(java.util.Locale.ROOT))) {
                commit();
            }
            return result;
        }
    }
}
