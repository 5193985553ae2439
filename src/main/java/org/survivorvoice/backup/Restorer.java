package org.survivorvoice.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.BsonDocument;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a validated export file into an empty database, collection by collection, in batches.
 * Documents go in exactly as they are in the file; indexes are not in the file (the service
 * creates its own at start-up).
 */
final class Restorer {

    private static final int BATCH_DOCUMENTS = 1_000;
    private static final int BATCH_CHARACTERS = 4 * 1024 * 1024;

    private final MongoDatabase database;

    Restorer(MongoDatabase database) {
        this.database = database;
    }

    /** The collections that hold documents, with their (estimated) counts; empty when the database is empty. */
    Map<String, Long> nonEmptyCollections() {
        Map<String, Long> found = new LinkedHashMap<>();
        Flux.from(database.listCollectionNames()).filter(ExportFile::isExportable).sort()
                .concatMap(name -> Mono.from(database.getCollection(name).estimatedDocumentCount())
                        .filter(count -> count > 0)
                        .doOnNext(count -> found.put(name, count)))
                .blockLast();
        return found;
    }

    /**
     * @param progress told the number of documents written after each batch
     * @return the documents written per collection
     * @throws RestoreFailedException when writing stopped part way
     */
    Map<String, Long> restore(Path file, ExportFile.Header header, Consumer<Long> progress) {
        Batch batch = new Batch(header, progress);
        try (BufferedReader reader = ExportFile.open(file)) {
            reader.readLine(); // the header, already read
            long number = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    batch.add(ExportFile.parseLine(number, line, header), line.length());
                }
            }
            batch.flush();
            createEmptyCollections(header);
            return batch.written;
        } catch (IOException | RuntimeException e) {
            throw new RestoreFailedException(batch.total, e);
        }
    }

    /** Documents of one collection waiting to be inserted together. */
    private final class Batch {

        private final Map<String, Long> written = new LinkedHashMap<>();
        private final Consumer<Long> progress;
        private final List<BsonDocument> documents = new ArrayList<>();
        private String collection;
        private long characters;
        private long total;

        Batch(ExportFile.Header header, Consumer<Long> progress) {
            header.collections().keySet().forEach(name -> written.put(name, 0L));
            this.progress = progress;
        }

        void add(ExportFile.Line line, int length) {
            if (!line.collection().equals(collection) || documents.size() >= BATCH_DOCUMENTS
                    || characters + length > BATCH_CHARACTERS) {
                flush();
                collection = line.collection();
            }
            documents.add(line.document());
            characters += length;
        }

        void flush() {
            if (documents.isEmpty()) {
                return;
            }
            try {
                Mono.from(database.getCollection(collection, BsonDocument.class).insertMany(List.copyOf(documents))).block();
            } catch (MongoBulkWriteException e) {
                // An ordered insert stores every document before the first that fails, and stops there.
                total += e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex();
                throw e;
            }
            written.merge(collection, (long) documents.size(), Long::sum);
            total += documents.size();
            documents.clear();
            characters = 0;
            progress.accept(total);
        }
    }

    /** A collection that was empty is created empty, so the restored database lists the same collections. */
    private void createEmptyCollections(ExportFile.Header header) {
        Set<String> existing = Set.copyOf(Flux.from(database.listCollectionNames()).collectList().block());
        header.collections().forEach((name, count) -> {
            if (count == 0 && !existing.contains(name)) {
                Mono.from(database.createCollection(name)).block();
            }
        });
    }

    /** Writing stopped after {@code written} documents; the database now holds part of the file. */
    static final class RestoreFailedException extends RuntimeException {

        private final long written;

        RestoreFailedException(long written, Throwable cause) {
            super(cause);
            this.written = written;
        }

        long written() {
            return written;
        }
    }
}
