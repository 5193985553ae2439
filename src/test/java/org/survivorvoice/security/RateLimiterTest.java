package org.survivorvoice.security;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.survivorvoice.ManualTimeMeter;
import org.survivorvoice.security.LimitsProperties.Rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTest {

    private final ManualTimeMeter time = new ManualTimeMeter();

    @Test
    void allowsTheCapacityAtOnceThenOneMorePerShareOfThePeriod() {
        RateLimiter limiter = new RateLimiter(List.of(new Rate(3, Duration.ofMinutes(30))), 100, time);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a")).isEmpty();
        }
        assertThat(limiter.tryAcquire("a")).contains(Duration.ofMinutes(10));
        time.advance(Duration.ofMinutes(4));
        assertThat(limiter.tryAcquire("a")).contains(Duration.ofMinutes(6));
        time.advance(Duration.ofMinutes(6));
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isPresent();
        assertThat(limiter.tryAcquire("b")).as("each key has its own bucket").isEmpty();
    }

    @Test
    void everyRateApplies() {
        // a burst of 2 per minute, but no more than 3 per hour
        RateLimiter limiter = new RateLimiter(List.of(new Rate(2, Duration.ofMinutes(1)), new Rate(3, Duration.ofHours(1))), 100, time);
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isEmpty();
        assertThat(limiter.tryAcquire("a")).isPresent();
        time.advance(Duration.ofMinutes(1));
        assertThat(limiter.tryAcquire("a")).isEmpty();
        Optional<Duration> wait = limiter.tryAcquire("a");
        assertThat(wait).isPresent();
        assertThat(wait.get()).isGreaterThan(Duration.ofMinutes(15));
    }

    @Test
    void waitForLooksWithoutTakingAndRecordCountsFailuresUntilForgotten() {
        RateLimiter limiter = new RateLimiter(List.of(new Rate(2, Duration.ofMinutes(10))), 100, time);
        assertThat(limiter.waitFor("user")).isEmpty();
        assertThat(limiter.size()).as("looking creates nothing").isZero();
        limiter.record("user");
        assertThat(limiter.waitFor("user")).isEmpty();
        assertThat(limiter.waitFor("user")).isEmpty();
        limiter.record("user");
        assertThat(limiter.waitFor("user")).contains(Duration.ofMinutes(5));
        limiter.record("user");
        assertThat(limiter.waitFor("user")).as("an empty bucket stays empty, not in debt").contains(Duration.ofMinutes(5));
        limiter.forget("user");
        assertThat(limiter.waitFor("user")).isEmpty();
    }

    @Test
    void tracksAtMostMaxClientsKeys() {
        RateLimiter limiter = new RateLimiter(List.of(new Rate(1, Duration.ofHours(1))), 50, time);
        for (int i = 0; i < 5_000; i++) {
            limiter.tryAcquire("client-" + i);
        }
        assertThat(limiter.size()).isLessThanOrEqualTo(50);
    }

    @Test
    void propertiesHaveDefaultsAndRefuseNonsense() {
        LimitsProperties defaults = new LimitsProperties(true, null, null, 50_000);
        assertThat(defaults.submissions()).isEqualTo(List.of(new Rate(20, Duration.ofMinutes(10)), new Rate(60, Duration.ofHours(1))));
        assertThat(defaults.signIn().perUsername()).isEqualTo(List.of(new Rate(5, Duration.ofMinutes(15))));
        assertThat(defaults.signIn().perAddress()).isNotEmpty();
        assertThatThrownBy(() -> new Rate(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LimitsProperties(true, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void waitsAreToldInWholeSecondsAndMinutesRoundedUp() {
        assertThat(TooManyRequestsException.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(TooManyRequestsException.seconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(TooManyRequestsException.inMinutes(Duration.ofSeconds(20))).isEqualTo("1 minute");
        assertThat(TooManyRequestsException.inMinutes(Duration.ofSeconds(61))).isEqualTo("2 minutes");
        assertThat(new TooManyRequestsException("wait", Duration.ofSeconds(90)).getHeaders().getFirst("Retry-After")).isEqualTo("90");
    }
}
