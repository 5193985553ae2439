package org.survivorvoice.storage;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the MongoDB driver waits for the database (bounded: a lost database is an error within
 * seconds, not a hanging request), and a ping as soon as the driver's client exists, so that an
 * unreachable database stops start-up with one readable line before anything else touches it.
 */
@Configuration(proxyBeanMethods = false)
class StorageClientConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer storageTimeouts(StorageTimeouts timeouts, MongoConnectionDetails connection) {
        ConnectionString uri = connection.getConnectionString();
        return builder -> {
            // Options written in the URI win over the properties.
            if (uri.getServerSelectionTimeout() == null) {
                builder.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                        timeouts.serverSelection().toMillis(), TimeUnit.MILLISECONDS));
            }
            builder.applyToSocketSettings(socket -> {
                if (uri.getConnectTimeout() == null) {
                    socket.connectTimeout(Math.toIntExact(timeouts.connect().toMillis()), TimeUnit.MILLISECONDS);
                }
                if (uri.getSocketTimeout() == null) {
                    socket.readTimeout(Math.toIntExact(timeouts.read().toMillis()), TimeUnit.MILLISECONDS);
                }
            });
        };
    }

    @Bean
    static BeanPostProcessor storageStartupPing(ObjectProvider<MongoConnectionDetails> connection,
                                                ObjectProvider<StorageTimeouts> timeouts,
                                                ObjectProvider<StorageProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof MongoClient client) {
                    StorageTimeouts limits = timeouts.getObject();
                    new StartupPing(client, connection.getObject().getConnectionString(),
                            properties.getObject().mode(), limits.serverSelection(), bound(limits)).run();
                }
                return bean;
            }
        };
    }

    /** Longer than the driver's own limits, which end the ping first; only a guard against a hang. */
    private static Duration bound(StorageTimeouts timeouts) {
        Duration read = timeouts.read().isZero() ? Duration.ofSeconds(30) : timeouts.read();
        return timeouts.serverSelection().plus(timeouts.connect()).plus(read).plusSeconds(5);
    }
}
