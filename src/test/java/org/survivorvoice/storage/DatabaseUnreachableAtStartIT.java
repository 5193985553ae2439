package org.survivorvoice.storage;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.survivorvoice.AppProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * External mode with nothing listening at the URI: the process stops within seconds, with a
 * non-zero status and one readable line that names the server but not the credentials, and no
 * stack trace.
 */
class DatabaseUnreachableAtStartIT {

    @TempDir
    Path directory;

    @Test
    void theServiceStopsWithOneReadableLineAndNoStackTrace() {
        int closed = AppProcess.freePort();
        long started = System.nanoTime();
        try (AppProcess app = AppProcess.start(directory.resolve("console.log"),
                "--sv.storage.mode=external",
                "--spring.mongodb.uri=mongodb://survivor:s3cret-Pa55@127.0.0.1:" + closed + "/survivor-voice?authSource=admin",
                "--sv.storage.data-dir=" + directory.resolve("data"))) {

            assertThat(app.waitFor(Duration.ofSeconds(90))).as("the process stops on its own").isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            String output = app.output();

            assertThat(app.exitValue()).as(output).isNotZero();
            String expected = "Cannot reach the database at mongodb://127.0.0.1:" + closed + "/survivor-voice within 3 s"
                    + " (ConnectException: Connection refused): check spring.mongodb.uri and that the database server is running"
                    + " and accepts connections from here.";
            assertThat(output.lines().filter(line -> line.contains("Cannot reach the database"))).as(output)
                    .containsExactly(expected);
            assertThat(output).contains("APPLICATION FAILED TO START");
            assertThat(output.lines().filter(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"))).as(output).isEmpty();
            assertThat(output).doesNotContain("s3cret").doesNotContain("survivor:").doesNotContain("Netty started");
            assertThat(took).as("JVM start, context, and a 3 s wait for the server").isLessThan(Duration.ofSeconds(60));
        }
    }
}
