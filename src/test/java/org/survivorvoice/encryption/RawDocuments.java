package org.survivorvoice.encryption;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents as the database holds them, read with the driver itself: no entity mapping, no
 * decryption. What a copy of the data files or a backup would show.
 */
final class RawDocuments {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MongoDatabase database;

    RawDocuments(ReactiveMongoTemplate mongo) {
        this.database = mongo.getMongoDatabase().block(TIMEOUT);
    }

    Document find(String collection, Object id) {
        return Mono.from(database.getCollection(collection).find(Filters.eq("_id", id)).first()).block(TIMEOUT);
    }

    List<Document> where(String collection, String field, Object value) {
        return Flux.from(database.getCollection(collection).find(Filters.eq(field, value))).collectList().block(TIMEOUT);
    }

    void replace(String collection, Document document) {
        Mono.from(database.getCollection(collection).replaceOne(Filters.eq("_id", document.get("_id")), document)).block(TIMEOUT);
    }

    void insert(String collection, Document document) {
        Mono.from(database.getCollection(collection).insertOne(document)).block(TIMEOUT);
    }

    /** Every document, in every collection, whose stored form contains {@code text}: as {@code collection/_id}. */
    List<String> containing(String text) {
        List<String> found = new ArrayList<>();
        for (String collection : Flux.from(database.listCollectionNames()).collectList().block(TIMEOUT)) {
            Flux.from(database.getCollection(collection).find()).toIterable().forEach(document -> {
                if (document.toJson().contains(text)) {
                    found.add(collection + "/" + document.get("_id"));
                }
            });
        }
        return found;
    }

    /** The value is stored encrypted, with the given key. */
    static void assertSealed(Object value, String keyId) {
        assertThat(FreeTextCipher.isSealed(value)).as("stored encrypted: %s", value).isTrue();
        assertThat(((Document) value).getString("k")).isEqualTo(keyId);
    }
}
