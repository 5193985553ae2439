package org.survivorvoice.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** External mode: Spring Boot connects to {@code spring.mongodb.uri}; nothing embedded starts. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sv.storage.mode", havingValue = "external")
class ExternalStorageConfiguration {

    @Bean
    StorageEngine storageEngine(MongoConnectionDetails connection) {
        var uri = connection.getConnectionString();
        // Hosts and database only: never the credentials.
        return new StorageEngine("external MongoDB at " + String.join(",", uri.getHosts())
                + (uri.getDatabase() != null ? "/" + uri.getDatabase() : ""));
    }
}
