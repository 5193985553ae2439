package org.survivorvoice.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the service waits for the database before it gives up, so that a lost database makes a
 * request fail in seconds (503) instead of hanging. An option given in {@code spring.mongodb.uri}
 * ({@code serverSelectionTimeoutMS}, {@code connectTimeoutMS}, {@code socketTimeoutMS}) wins.
 *
 * @param serverSelection how long an operation waits for a reachable server (the driver's default is 30 s)
 * @param connect         how long opening a connection may take
 * @param read            how long one answer from the server may take; 0 for no limit
 */
@ConfigurationProperties("sv.storage.timeouts")
public record StorageTimeouts(
        @DefaultValue("3s") Duration serverSelection,
        @DefaultValue("3s") Duration connect,
        @DefaultValue("60s") Duration read) {
}
