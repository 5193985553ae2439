package org.survivorvoice;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.springframework.boot.test.context.TestComponent;

/** The rate limits' clock in {@link LimitedIntegrationTest}: stands still until a test moves it on. */
@TestComponent
public class ManualTimeMeter implements TimeMeter {

    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(1).toNanos());

    public void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}
