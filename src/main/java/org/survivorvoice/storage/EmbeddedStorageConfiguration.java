package org.survivorvoice.storage;

import com.mongodb.ConnectionString;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded mode (the default): the service starts its own database and hands the MongoDB driver
 * its address through Spring Boot's {@link MongoConnectionDetails}, so everything else connects to
 * it exactly as it would to an external server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sv.storage.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedStorageConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(StorageProperties properties) {
        return new EmbeddedDatabaseLauncher().launch(properties);
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedDatabase database) {
        ConnectionString connectionString = new ConnectionString(database.connectionString());
        return () -> connectionString;
    }

    @Bean
    StorageEngine storageEngine(EmbeddedDatabase database) {
        return new StorageEngine(database.description());
    }
}
