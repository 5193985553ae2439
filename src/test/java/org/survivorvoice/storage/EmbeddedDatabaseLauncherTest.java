package org.survivorvoice.storage;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which engine starts, and the one line that says which and why. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseLauncherTest {

    @TempDir
    Path dataDir;

    private final List<String> attempts = new ArrayList<>();

    @Test
    void aFreshDirectoryFallsBackToTheInProcessEngineWhenMongodCannotBeObtained(CapturedOutput output) {
        EmbeddedDatabase started = launcher(unobtainableMongod(), engine("in-process")).launch(properties(StorageProperties.Engine.AUTO));

        assertThat(started.description()).isEqualTo("in-process");
        assertThat(attempts).containsExactly("mongod", "in-process");
        List<String> lines = output.getOut().lines().filter(line -> line.contains("Storage engine:")).toList();
        assertThat(lines).singleElement().asString()
                .contains("Storage engine: in-process - mongod 8.0.23 could not be obtained")
                .contains("could not download https://fastdl.mongodb.org/linux/mongodb.tgz")
                .contains("UnknownHostException: fastdl.mongodb.org")
                .doesNotContain("rollback after error");
    }

    @Test
    void aFreshDirectoryUsesMongodWhenItCanBeObtained(CapturedOutput output) {
        EmbeddedDatabase started = launcher(engine("mongod"), engine("in-process")).launch(properties(StorageProperties.Engine.AUTO));

        assertThat(started.description()).isEqualTo("mongod");
        assertThat(attempts).containsExactly("mongod");
        assertThat(output.getOut()).contains("Storage engine: mongod - mongod could be obtained");
    }

    @Test
    void dataOfTheInProcessEngineKeepsItEvenWhenMongodCouldRun(CapturedOutput output) throws IOException {
        Files.createDirectories(dataDir.resolve("in-process"));
        Files.writeString(dataDir.resolve("in-process").resolve(InProcessDatabase.FILE_NAME), "data");

        EmbeddedDatabase started = launcher(engine("mongod"), engine("in-process")).launch(properties(StorageProperties.Engine.AUTO));

        assertThat(started.description()).isEqualTo("in-process");
        assertThat(attempts).containsExactly("in-process");
        assertThat(output.getOut()).contains("the data directory holds its data from earlier runs");
    }

    @Test
    void dataOfMongodIsNeverSwappedForAnEmptyInProcessDatabase() throws IOException {
        Files.createDirectories(dataDir.resolve("mongod"));
        Files.writeString(dataDir.resolve("mongod").resolve("WiredTiger"), "data");

        assertThatThrownBy(() -> launcher(unobtainableMongod(), engine("in-process")).launch(properties(StorageProperties.Engine.AUTO)))
                .isInstanceOf(EmbeddedStorageException.class)
                .hasMessageContaining("its files are in the data directory but could not start")
                .hasMessageContaining("EMBEDDED_MONGO_ARTIFACTS");
        assertThat(attempts).containsExactly("mongod");
    }

    @Test
    void theEngineCanBeChosen() {
        assertThat(launcher(unobtainableMongod(), engine("in-process")).launch(properties(StorageProperties.Engine.IN_PROCESS))
                .description()).isEqualTo("in-process");
        assertThat(attempts).containsExactly("in-process");

        assertThatThrownBy(() -> launcher(unobtainableMongod(), engine("in-process")).launch(properties(StorageProperties.Engine.MONGOD)))
                .isInstanceOf(EmbeddedStorageException.class)
                .hasMessageContaining("could not download");
        assertThat(attempts).containsExactly("in-process", "mongod");
    }

    @Test
    void theReasonIsTheMostTellingMessageOfTheCauseChain() {
        assertThat(EmbeddedDatabaseLauncher.reason(new IllegalStateException("rollback after error on transition to State(Archive)\nlots of state",
                new IllegalStateException("could not download X", new UnknownHostException("host")))))
                .isEqualTo("could not download X (UnknownHostException: host)");
        assertThat(EmbeddedDatabaseLauncher.reason(new RuntimeException("plain"))).isEqualTo("plain");
        assertThat(EmbeddedDatabaseLauncher.reason(new RuntimeException())).isEqualTo("RuntimeException");
    }

    private EmbeddedDatabaseLauncher launcher(BiFunction<Path, String, EmbeddedDatabase> mongod,
                                              BiFunction<Path, String, EmbeddedDatabase> inProcess) {
        return new EmbeddedDatabaseLauncher(mongod, inProcess);
    }

    private BiFunction<Path, String, EmbeddedDatabase> engine(String name) {
        return (directory, database) -> {
            attempts.add(name);
            assertThat(directory).isEqualTo(dataDir.toAbsolutePath().normalize());
            assertThat(database).isEqualTo("survivor-voice");
            return new EmbeddedDatabase() {
                @Override
                public String connectionString() {
                    return "mongodb://127.0.0.1:1/survivor-voice";
                }

                @Override
                public String description() {
                    return name;
                }

                @Override
                public void close() {
                }
            };
        };
    }

    /** What flapdoodle throws offline: its real reason wrapped in a state dump. */
    private BiFunction<Path, String, EmbeddedDatabase> unobtainableMongod() {
        return (directory, database) -> {
            attempts.add("mongod");
            throw new RuntimeException("rollback after error on transition to State(Archive), successful reached:\n  State(...)",
                    new IllegalStateException("could not download https://fastdl.mongodb.org/linux/mongodb.tgz",
                            new UnknownHostException("fastdl.mongodb.org")));
        };
    }

    private StorageProperties properties(StorageProperties.Engine engine) {
        return new StorageProperties(StorageProperties.Mode.EMBEDDED, dataDir, engine, "survivor-voice");
    }
}
