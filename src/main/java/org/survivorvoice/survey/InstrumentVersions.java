package org.survivorvoice.survey;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.survivorvoice.definition.DefinitionException;
import reactor.core.publisher.Mono;

/**
 * Every version of every instrument a response may refer to. At start-up each current version is
 * stored (or checked against what is stored); afterwards a response of any version can be read
 * with the questions it answered.
 */
@Component
public class InstrumentVersions implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(InstrumentVersions.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final InstrumentCatalogue catalogue;
    private final ReactiveMongoTemplate mongo;
    private final Map<String, Instrument> cache = new ConcurrentHashMap<>();

    InstrumentVersions(InstrumentCatalogue catalogue, ReactiveMongoTemplate mongo) {
        this.catalogue = catalogue;
        this.mongo = mongo;
    }

    /** Runs once the context is built, before the server takes requests; start-up fails on a conflict. */
    @Override
    public void afterSingletonsInstantiated() {
        for (Instrument instrument : catalogue.all()) {
            archive(instrument).block(STARTUP_TIMEOUT);
            cache.put(InstrumentSnapshot.key(instrument.id(), instrument.version()), instrument);
        }
    }

    private Mono<Void> archive(Instrument instrument) {
        String key = InstrumentSnapshot.key(instrument.id(), instrument.version());
        InstrumentSnapshot current = new InstrumentSnapshot(key, instrument.id(), instrument.version(),
                instrument.structureFingerprint(), instrument);
        return mongo.findById(key, InstrumentSnapshot.class)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(stored -> {
                    if (stored.isEmpty()) {
                        return mongo.insert(current)
                                .doOnNext(s -> log.info("Instrument {} version {} stored", instrument.id(), instrument.version()))
                                .then();
                    }
                    if (stored.get().fingerprint().equals(current.fingerprint())) {
                        return mongo.save(current).then(); // wording corrections within a version are kept
                    }
                    return responsesExist(instrument).flatMap(used -> used
                            ? Mono.error(new DefinitionException("surveys/" + instrument.id() + ".yaml", "",
                                    "version " + instrument.version() + " changed its questions, but responses to version "
                                            + instrument.version() + " are stored: raise 'version'"))
                            : mongo.save(current)
                                    .doOnNext(s -> log.info("Instrument {} version {} redefined (no responses yet)",
                                            instrument.id(), instrument.version()))
                                    .then());
                });
    }

    private Mono<Boolean> responsesExist(Instrument instrument) {
        return mongo.exists(Query.query(Criteria.where("instrumentId").is(instrument.id())
                .and("instrumentVersion").is(instrument.version())), "responses");
    }

    /** The given version of an instrument: the current one, or a stored earlier one. */
    public Mono<Instrument> find(String instrumentId, int version) {
        String key = InstrumentSnapshot.key(instrumentId, version);
        Instrument cached = cache.get(key);
        if (cached != null) {
            return Mono.just(cached);
        }
        return mongo.findById(key, InstrumentSnapshot.class)
                .map(InstrumentSnapshot::definition)
                .doOnNext(definition -> cache.put(key, definition));
    }
}
