package org.survivorvoice.backup;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.survivorvoice.storage.StorageConfiguration;

/**
 * What the export and restore commands start: the configured storage (the embedded database, or
 * the connection to the external one) and the MongoDB client, and nothing of the service itself,
 * so nothing writes to the database but the command (no first administrator, no instrument
 * versions, no analysis).
 *
 * <p>Deliberately not a {@code @Configuration}: the service's component scan must not find it.
 */
@ImportAutoConfiguration(MongoReactiveAutoConfiguration.class)
@Import(StorageConfiguration.class)
class DataCommandContext {
}
