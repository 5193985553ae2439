package org.survivorvoice.encryption;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts the stored free-text values by the key they are encrypted with, and re-encrypts with the
 * current key every value under another key, and every value stored unencrypted (before a key was
 * configured). It reads the documents as stored, in batches by id, and rewrites only the values
 * that need it, each update conditional on the values it replaces: a document changed meanwhile
 * (a draft saved, a comment analysed) is read again rather than overwritten. Running it twice is
 * harmless: the second run finds nothing to do.
 */
@Component
public class Rekeying {

    private static final Logger log = LoggerFactory.getLogger(Rekeying.class);
    /** The label of values stored unencrypted, in the counts by key. */
    public static final String UNENCRYPTED = "unencrypted";
    static final int BATCH = 200;
    private static final int ATTEMPTS = 3;

    public enum Mode { COUNT, REENCRYPT }

    /**
     * @param byKey            values by key id ({@value #UNENCRYPTED} for plain ones): as found when counting, as left when re-encrypting
     * @param documents        documents read
     * @param reencrypted      values rewritten with the current key
     * @param changedMeanwhile documents that kept changing while they were being rewritten: left for the next run
     * @param unreadable       values that could not be read (a key not configured, a value altered) or documents whose free
     *                         text could not be told (an unknown instrument version): left as they are, and logged
     */
    public record Progress(boolean running, Mode mode, String keyId, long total, long documents, Map<String, Long> byKey,
                           long reencrypted, long changedMeanwhile, long unreadable, Instant finishedAt, double seconds,
                           String problem) {

        static final Progress IDLE = new Progress(false, null, null, 0, 0, Map.of(), 0, 0, 0, null, 0, null);

        public Progress {
            byKey = Map.copyOf(byKey);
        }

        @com.fasterxml.jackson.annotation.JsonProperty("percent")
        public int percent() {
            return total == 0 ? (running ? 0 : 100) : (int) Math.min(100, documents * 100 / total);
        }

        /** For the progress bar script. */
        @com.fasterxml.jackson.annotation.JsonProperty("done")
        public long done() {
            return documents;
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final FreeTextEncryption encryption;
    private final FreeTextFields fields;
    private final Clock clock;
    private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.IDLE);

    Rekeying(ReactiveMongoTemplate mongo, FreeTextEncryption encryption, FreeTextFields fields, Clock clock) {
        this.mongo = mongo;
        this.encryption = encryption;
        this.fields = fields;
        this.clock = clock;
    }

    public Progress progress() {
        return progress.get();
    }

    /**
     * Starts a run in the background unless one is running. It goes on whether or not the result is awaited.
     *
     * @return the finished run's figures, when it is done (a failed run too: see {@link Progress#problem})
     * @throws IllegalStateException when a run is under way, or (to re-encrypt) no key is configured
     */
    public synchronized Mono<Progress> start(Mode mode) {
        if (progress.get().running()) {
            throw new IllegalStateException("A count or re-encryption is already running");
        }
        if (mode == Mode.REENCRYPT && !encryption.encrypts()) {
            throw new IllegalStateException("No encryption key is configured: there is nothing to re-encrypt with");
        }
        Run run = new Run(mode, encryption.currentKeyId());
        progress.set(run.snapshot(true, null, 0, null));
        Mono<Progress> result = run.execute().cache();
        result.subscribe();
        return result;
    }

    /** One count or re-encryption: its tallies, published as {@link Progress} as it goes. */
    final class Run {

        private final Mode mode;
        private final String current;
        private final long started = System.nanoTime();
        private final Map<String, Long> byKey = new TreeMap<>();
        private long total;
        private long documents;
        private long reencrypted;
        private long changedMeanwhile;
        private long unreadable;

        Run(Mode mode, String current) {
            this.mode = mode;
            this.current = current;
        }

        synchronized Progress snapshot(boolean running, Instant finishedAt, double seconds, String problem) {
            return new Progress(running, mode, current, total, documents, byKey, reencrypted, changedMeanwhile, unreadable,
                    finishedAt, seconds, problem);
        }

        Mono<Progress> execute() {
            return Flux.fromIterable(FreeTextFields.COLLECTIONS)
                    .concatMap(collection -> mongo.count(new Query(), collection))
                    .reduce(0L, Long::sum)
                    .doOnNext(count -> {
                        synchronized (this) {
                            total = count;
                        }
                        progress.set(snapshot(true, null, 0, null));
                    })
                    .thenMany(Flux.fromIterable(FreeTextFields.COLLECTIONS))
                    .concatMap(collection -> batches(collection)
                            .concatMap(batch -> Flux.fromIterable(batch).concatMap(document -> process(collection, document, 1))
                                    .then(Mono.fromRunnable(() -> progress.set(snapshot(true, null, 0, null))))))
                    .then(Mono.fromCallable(this::finished))
                    .onErrorResume(e -> {
                        log.warn("Free-text {} stopped: {}", mode == Mode.COUNT ? "count" : "re-encryption", e.toString());
                        Progress failed = snapshot(false, Instant.now(clock), seconds(), e.getClass().getSimpleName());
                        progress.set(failed);
                        return Mono.just(failed);
                    });
        }

        private Progress finished() {
            Progress done = snapshot(false, Instant.now(clock), seconds(), null);
            progress.set(done);
            log.info("Free text {}: {} documents read in {} s; values by key: {}; {} re-encrypted with key '{}', {} left because "
                            + "they kept changing, {} unreadable", mode == Mode.COUNT ? "counted" : "re-encrypted", done.documents(),
                    String.format(java.util.Locale.ROOT, "%.1f", done.seconds()), done.byKey(), done.reencrypted(), current,
                    done.changedMeanwhile(), done.unreadable());
            return done;
        }

        private double seconds() {
            return (System.nanoTime() - started) / 1e9;
        }

        /** The collection's documents as stored, a batch at a time in order of id. */
        private Flux<List<Document>> batches(String collection) {
            return batchAfter(collection, null)
                    .expand(batch -> batch.size() < BATCH ? Mono.empty() : batchAfter(collection, batch.get(batch.size() - 1).get("_id")));
        }

        private Mono<List<Document>> batchAfter(String collection, Object lastId) {
            Query query = (lastId == null ? new Query() : Query.query(Criteria.where("_id").gt(lastId)))
                    .with(Sort.by("_id")).limit(BATCH);
            return mongo.find(query, Document.class, collection).collectList();
        }

        /**
         * Counts one document's values and, when re-encrypting, rewrites those that need it: only if they
         * are still as they were read; otherwise the document is read again (three times at most).
         */
        Mono<Void> process(String collection, Document document, int attempt) {
            return fields.paths(collection, document)
                    .onErrorResume(IllegalStateException.class, e -> {
                        log.warn("Document {} of {}: {}", document.get("_id"), collection, e.getMessage());
                        tally(() -> unreadable++);
                        return Mono.just(List.of());
                    })
                    .flatMap(paths -> rewrite(collection, document, paths, attempt));
        }

        private Mono<Void> rewrite(String collection, Document document, List<String> freeText, int attempt) {
            Set<String> paths = new LinkedHashSet<>(freeText);
            FreeTextEncryption.forEachSealed(collection, document, (path, sealed) -> paths.add(path));
            String owner = FreeTextFields.owner(collection, document);
            Map<String, Long> found = new TreeMap<>();
            Criteria unchanged = Criteria.where("_id").is(document.get("_id"));
            Update update = new Update();
            int unreadableHere = 0;
            for (String path : paths) {
                Object value = FreeTextFields.get(document, path);
                if (value == null) {
                    continue;
                }
                String keyId = FreeTextCipher.isSealed(value) ? FreeTextCipher.keyIdOf((Document) value) : UNENCRYPTED;
                found.merge(keyId, 1L, Long::sum);
                if (mode == Mode.COUNT || keyId.equals(current)) {
                    continue;
                }
                Object plain = value;
                if (value instanceof Document sealed && FreeTextCipher.isSealed(sealed)) {
                    try {
                        plain = encryption.cipher().open(sealed, new Place(collection, String.valueOf(owner), path));
                    } catch (UnreadableFreeTextException e) {
                        log.warn("Not re-encrypted: {}", e.getMessage());
                        unreadableHere++;
                        continue;
                    }
                }
                if (owner == null) {
                    unreadableHere++;
                    continue;
                }
                update.set(path, encryption.cipher().seal(plain, new Place(collection, owner, path)));
                unchanged = unchanged.and(path).is(value);
            }
            int unreadableValues = unreadableHere;
            if (update.getUpdateObject().isEmpty()) {
                tally(() -> {
                    documents++;
                    unreadable += unreadableValues;
                    found.forEach((key, n) -> byKey.merge(key, n, Long::sum));
                });
                return Mono.empty();
            }
            int rewritten = update.getUpdateObject().get("$set", Document.class).size();
            return mongo.updateFirst(Query.query(unchanged), update, collection).flatMap(result -> {
                if (result.getMatchedCount() == 1) {
                    tally(() -> {
                        documents++;
                        unreadable += unreadableValues;
                        reencrypted += rewritten;
                        found.forEach((key, n) -> byKey.merge(key, n, Long::sum));
                        moveRewritten(document, update.getUpdateObject().get("$set", Document.class).keySet());
                    });
                    return Mono.empty();
                }
                if (attempt < ATTEMPTS) {
                    return mongo.findById(document.get("_id"), Document.class, collection)
                            .flatMap(again -> process(collection, again, attempt + 1));
                }
                tally(() -> {
                    documents++;
                    changedMeanwhile++;
                    found.forEach((key, n) -> byKey.merge(key, n, Long::sum));
                });
                return Mono.empty();
            });
        }

        /** The rewritten values now count under the current key, no longer under the one (or none) they were found with. */
        private void moveRewritten(Document document, Set<String> paths) {
            for (String path : paths) {
                Object before = FreeTextFields.get(document, path);
                String keyId = FreeTextCipher.isSealed(before) ? FreeTextCipher.keyIdOf((Document) before) : UNENCRYPTED;
                byKey.merge(keyId, -1L, Long::sum);
                byKey.merge(current, 1L, Long::sum);
            }
            byKey.values().removeIf(n -> n == 0);
        }

        private synchronized void tally(Runnable change) {
            change.run();
        }
    }
}
