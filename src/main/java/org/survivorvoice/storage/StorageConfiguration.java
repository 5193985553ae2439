package org.survivorvoice.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Everything storage needs to connect: the embedded database or the external one, the driver's
 * timeouts and the start-up ping. The service finds these by component scanning; a context of its
 * own (the export and restore commands) imports this class and Spring Boot's MongoDB client
 * auto-configuration, and nothing else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StorageProperties.class, StorageTimeouts.class})
@Import({EmbeddedStorageConfiguration.class, ExternalStorageConfiguration.class, StorageClientConfiguration.class})
public class StorageConfiguration {

    /** Whether an embedded data directory holds the data of either engine. */
    public static boolean holdsData(Path dataDir) {
        Path directory = dataDir.toAbsolutePath().normalize();
        return InProcessDatabase.hasData(directory) || MongodDatabase.hasData(directory);
    }
}
