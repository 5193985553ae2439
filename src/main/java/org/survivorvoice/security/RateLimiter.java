package org.survivorvoice.security;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import org.survivorvoice.security.LimitsProperties.Rate;

/**
 * One limit: a token bucket (Bucket4j) per client key, all in memory. The buckets sit in a bounded
 * Caffeine cache: a bucket left alone for the limit's longest period is full again and is dropped,
 * and past {@code maxClients} the least useful go first. Nothing is persisted and nothing is
 * logged; keys are {@link ClientKeys} hashes, never an address or a name.
 */
final class RateLimiter {

    private final List<Bandwidth> limits;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    RateLimiter(List<Rate> rates, int maxClients, TimeMeter time) {
        this.limits = rates.stream()
                .map(rate -> Bandwidth.builder().capacity(rate.capacity()).refillGreedy(rate.capacity(), rate.period()).build())
                .toList();
        this.time = time;
        Duration longest = rates.stream().map(Rate::period).max(Comparator.naturalOrder()).orElseThrow();
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(longest).build();
    }

    /** Takes one request's worth: empty when allowed, else how long until the next one would be. */
    Optional<Duration> tryAcquire(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Without taking anything: empty when a request would be allowed now, else how long until it would. */
    Optional<Duration> waitFor(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Optional.empty();
        }
        var probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Counts one (a failed sign-in); an empty bucket stays empty. */
    void record(String key) {
        bucket(key).tryConsume(1);
    }

    /** Forgets the key: its next request starts with a full bucket. */
    void forget(String key) {
        buckets.invalidate(key);
    }

    /** How many keys are tracked now (for tests of the bound). */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> {
            var builder = Bucket.builder().withCustomTimePrecision(time);
            limits.forEach(builder::addLimit);
            return builder.build();
        });
    }
}
