package org.survivorvoice.storage;

import java.nio.file.Path;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded database and says, in one log line, which engine runs and why.
 *
 * <p>With {@code engine=auto} the engine whose files are already in the data directory wins, so a
 * service that ran on the in-process engine yesterday never comes up on an empty mongod today (or
 * the other way round). Only a fresh data directory tries mongod first and falls back to the
 * in-process server when mongod cannot be obtained.
 */
final class EmbeddedDatabaseLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseLauncher.class);

    private final BiFunction<Path, String, EmbeddedDatabase> mongod;
    private final BiFunction<Path, String, EmbeddedDatabase> inProcess;

    EmbeddedDatabaseLauncher() {
        this(MongodDatabase::start, InProcessDatabase::start);
    }

    EmbeddedDatabaseLauncher(BiFunction<Path, String, EmbeddedDatabase> mongod,
                             BiFunction<Path, String, EmbeddedDatabase> inProcess) {
        this.mongod = mongod;
        this.inProcess = inProcess;
    }

    EmbeddedDatabase launch(StorageProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        String database = properties.database();
        return switch (properties.engine()) {
            case MONGOD -> announce(startMongod(dataDir, database, "requested"), "configured (sv.storage.engine=mongod)");
            case IN_PROCESS -> announce(inProcess.apply(dataDir, database), "configured (sv.storage.engine=in-process)");
            case AUTO -> launchAuto(dataDir, database);
        };
    }

    private EmbeddedDatabase launchAuto(Path dataDir, String database) {
        if (MongodDatabase.hasData(dataDir)) {
            return announce(startMongod(dataDir, database, "its files are in the data directory"),
                    "the data directory holds mongod files");
        }
        if (InProcessDatabase.hasData(dataDir)) {
            return announce(inProcess.apply(dataDir, database),
                    "the data directory holds its data from earlier runs");
        }
        try {
            return announce(mongod.apply(dataDir, database), "mongod could be obtained");
        } catch (RuntimeException e) {
            return announce(inProcess.apply(dataDir, database),
                    "mongod " + MongodDatabase.VERSION.asInDownloadPath() + " could not be obtained: " + reason(e));
        }
    }

    private EmbeddedDatabase startMongod(Path dataDir, String database, String why) {
        try {
            return mongod.apply(dataDir, database);
        } catch (RuntimeException e) {
            throw new EmbeddedStorageException("mongod was " + why + " but could not start: " + reason(e)
                    + ". Make mongod " + MongodDatabase.VERSION.asInDownloadPath()
                    + " obtainable (network, or EMBEDDED_MONGO_ARTIFACTS), or choose another data directory.", e);
        }
    }

    private static EmbeddedDatabase announce(EmbeddedDatabase database, String why) {
        log.info("Storage engine: {} - {}", database.description(), why);
        return database;
    }

    /** The most telling message in a cause chain: flapdoodle wraps the real reason in state dumps. */
    static String reason(Throwable failure) {
        String first = null;
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            root = t;
            String message = t.getMessage();
            if (first == null && message != null && !message.isBlank() && !message.startsWith("rollback after error")) {
                first = firstLine(message);
            }
        }
        String rootText = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + firstLine(root.getMessage()));
        if (first == null) {
            return rootText;
        }
        return root.getMessage() != null && first.equals(firstLine(root.getMessage())) ? first : first + " (" + rootText + ")";
    }

    private static String firstLine(String message) {
        return message.lines().findFirst().orElse("").strip();
    }
}
