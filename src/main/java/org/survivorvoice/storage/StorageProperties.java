package org.survivorvoice.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * @param mode     {@code embedded} (default): the service starts its own database under {@code dataDir};
 *                 {@code external}: it connects to {@code spring.mongodb.uri} and starts nothing
 * @param dataDir  directory for embedded data ({@code ./data} by default)
 * @param engine   embedded only: {@code auto} (a real mongod when it can be obtained, else the in-process
 *                 server), {@code mongod} or {@code in-process}
 * @param database embedded only: database name
 */
@ConfigurationProperties("sv.storage")
public record StorageProperties(
        @DefaultValue("embedded") Mode mode,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("auto") Engine engine,
        @DefaultValue("survivor-voice") String database) {

    public enum Mode { EMBEDDED, EXTERNAL }

    public enum Engine { AUTO, MONGOD, IN_PROCESS }
}
