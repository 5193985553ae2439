package org.survivorvoice.storage;

import java.time.Duration;

import com.mongodb.ConnectionString;
import com.mongodb.MongoSecurityException;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ServerDescription;
import com.mongodb.reactivestreams.client.MongoClient;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Pings the database once, at start-up, and turns a failure into one line that names the server
 * (hosts and database only, never the credentials), says why and what to check.
 */
final class StartupPing {

    private final MongoClient client;
    private final ConnectionString uri;
    private final StorageProperties.Mode mode;
    private final Duration serverSelection;
    private final Duration bound;

    StartupPing(MongoClient client, ConnectionString uri, StorageProperties.Mode mode, Duration serverSelection, Duration bound) {
        this.client = client;
        this.uri = uri;
        this.mode = mode;
        this.serverSelection = uri.getServerSelectionTimeout() != null
                ? Duration.ofMillis(uri.getServerSelectionTimeout()) : serverSelection;
        this.bound = bound;
    }

    void run() {
        try {
            Mono.from(client.getDatabase("admin").runCommand(new Document("ping", 1))).block(bound);
        } catch (RuntimeException failure) {
            throw new StorageUnreachableException(message(failure));
        }
    }

    String message(Throwable failure) {
        String reason = reason(failure, client.getClusterDescription());
        if (mode == StorageProperties.Mode.EXTERNAL) {
            return "Cannot reach the database at " + address(uri) + " within " + seconds(serverSelection) + " (" + reason
                    + "): check spring.mongodb.uri and that the database server is running and accepts connections from here.";
        }
        return "The embedded database at " + address(uri) + " did not answer within " + seconds(serverSelection)
                + " (" + reason + ").";
    }

    /** {@code mongodb://host1:port,host2/database}: no user name, password or options. */
    static String address(ConnectionString uri) {
        String database = uri.getDatabase() == null ? "" : "/" + uri.getDatabase();
        return (uri.isSrvProtocol() ? "mongodb+srv://" : "mongodb://") + String.join(",", uri.getHosts()) + database;
    }

    /** The first server's own failure (the driver's timeout message only repeats it with more words). */
    private String reason(Throwable failure, ClusterDescription cluster) {
        for (ServerDescription server : cluster.getServerDescriptions()) {
            if (server.getException() != null) {
                return describe(server.getException());
            }
        }
        return describe(failure);
    }

    private String describe(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MongoSecurityException) {
                // Its message quotes the credential (user name included): say only what failed.
                return "authentication failed for the user in the URI";
            }
            root = t;
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("").strip();
        return masked(root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
    }

    private String masked(String text) {
        char[] password = uri.getPassword();
        if (password != null && password.length >= 3) {
            text = text.replace(new String(password), "****");
        }
        if (uri.getUsername() != null && uri.getUsername().length() >= 3) {
            text = text.replace(uri.getUsername(), "****");
        }
        return text;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
