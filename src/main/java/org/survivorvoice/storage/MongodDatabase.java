package org.survivorvoice.storage;

import java.nio.file.Files;
import java.nio.file.Path;

import de.flapdoodle.embed.mongo.commands.MongodArguments;
import de.flapdoodle.embed.mongo.distribution.Version;
import de.flapdoodle.embed.mongo.transitions.Mongod;
import de.flapdoodle.embed.mongo.transitions.RunningMongodProcess;
import de.flapdoodle.embed.mongo.types.DatabaseDir;
import de.flapdoodle.embed.process.io.ProcessOutput;
import de.flapdoodle.embed.process.io.Slf4jLevel;
import de.flapdoodle.embed.process.io.progress.ProgressListener;
import de.flapdoodle.embed.process.io.progress.Slf4jProgressListener;
import de.flapdoodle.reverse.TransitionWalker;
import de.flapdoodle.reverse.transitions.Start;

/**
 * A real {@code mongod} of a pinned version, obtained by flapdoodle (downloaded, or taken from the
 * artifact store named by {@code EMBEDDED_MONGO_ARTIFACTS}), journaled, with its files under
 * {@code <dataDir>/mongod} so they outlive the process.
 */
final class MongodDatabase implements EmbeddedDatabase {

    static final Version VERSION = Version.V8_0_23;
    static final String SUBDIRECTORY = "mongod";

    private final TransitionWalker.ReachedState<RunningMongodProcess> running;
    private final Path directory;
    private final String database;

    private MongodDatabase(TransitionWalker.ReachedState<RunningMongodProcess> running, Path directory, String database) {
        this.running = running;
        this.directory = directory;
        this.database = database;
    }

    static MongodDatabase start(Path dataDir, String database) {
        Path directory = dataDir.resolve(SUBDIRECTORY);
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + directory + ": " + e.getMessage(), e);
        }
        MongodArguments arguments = MongodArguments.defaults()
                .withUseNoJournal(false)
                .withUseDefaultSyncDelay(true);
        TransitionWalker.ReachedState<RunningMongodProcess> running;
        try {
            running = start(directory, arguments);
        } catch (RuntimeException e) {
            deleteIfEmpty(directory); // leave no trace of an engine that never ran
            throw e;
        }
        return new MongodDatabase(running, directory, database);
    }

    private static TransitionWalker.ReachedState<RunningMongodProcess> start(Path directory, MongodArguments arguments) {
        return Mongod.instance()
                .withDatabaseDir(Start.to(DatabaseDir.class).initializedWith(DatabaseDir.of(directory)))
                .withMongodArguments(Start.to(MongodArguments.class).initializedWith(arguments))
                .withProcessOutput(Start.to(ProcessOutput.class).initializedWith(ProcessOutput.silent()))
                .withProgressListener(Start.to(ProgressListener.class).initializedWith(new Slf4jProgressListener(
                        org.slf4j.LoggerFactory.getLogger(MongodDatabase.class), Slf4jLevel.DEBUG)))
                .start(VERSION);
    }

    private static void deleteIfEmpty(Path directory) {
        try (var entries = Files.list(directory)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(directory);
            }
        } catch (java.io.IOException ignored) {
            // Only tidiness: an empty directory does not count as mongod data.
        }
    }

    /** Whether an earlier run left mongod's files in the data directory. */
    static boolean hasData(Path dataDir) {
        return Files.exists(dataDir.resolve(SUBDIRECTORY).resolve("WiredTiger"));
    }

    @Override
    public String connectionString() {
        var address = running.current().getServerAddress();
        return "mongodb://" + address.getHost() + ":" + address.getPort() + "/" + database;
    }

    @Override
    public String description() {
        return "embedded mongod " + VERSION.asInDownloadPath() + " (data in " + directory + ")";
    }

    @Override
    public void close() {
        running.close();
    }
}
