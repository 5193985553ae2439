package org.survivorvoice.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits, kept in memory only (see {@link RateLimiter}). Each limit is a list of rates that all
 * apply, typically a burst allowance and a slower sustained one. The longest period of a limit is
 * also how long anything about a client is remembered after its last request.
 *
 * @param enabled     false turns every limit off (a load test; never in production)
 * @param submissions anonymous responses (the public form, and the API without a staff account) per
 *                    client address. Default 20 per 10 minutes and 60 per hour: a refuge or drop-in
 *                    session where many women share one connection is not stopped, a script is
 * @param signIn      failed staff sign-ins (the sign-in form and HTTP Basic alike)
 * @param maxClients  how many clients (addresses, usernames) each limit tracks at once; past that the
 *                    least useful are forgotten, so memory stays bounded whatever arrives
 */
@ConfigurationProperties("sv.limits")
public record LimitsProperties(
        @DefaultValue("true") boolean enabled,
        List<Rate> submissions,
        @DefaultValue SignIn signIn,
        @DefaultValue("50000") int maxClients) {

    static final List<Rate> DEFAULT_SUBMISSIONS = List.of(new Rate(20, Duration.ofMinutes(10)), new Rate(60, Duration.ofHours(1)));
    static final List<Rate> DEFAULT_PER_ADDRESS = List.of(new Rate(20, Duration.ofMinutes(15)), new Rate(50, Duration.ofHours(1)));
    static final List<Rate> DEFAULT_PER_USERNAME = List.of(new Rate(5, Duration.ofMinutes(15)));

    public LimitsProperties {
        submissions = Rate.orDefault(submissions, DEFAULT_SUBMISSIONS);
        signIn = signIn == null ? new SignIn(null, null) : signIn;
        if (maxClients < 1) {
            throw new IllegalArgumentException("sv.limits.max-clients must be at least 1");
        }
    }

    /**
     * @param perAddress  failed sign-ins from one client address, whatever the username. Default 20 per
     *                    15 minutes and 50 per hour
     * @param perUsername failed sign-ins with one username, from anywhere; counted the same whether the
     *                    account exists or not, so the limit tells nothing about accounts. A successful
     *                    sign-in clears it. Default 5 per 15 minutes: after five, one try every three minutes
     */
    public record SignIn(List<Rate> perAddress, List<Rate> perUsername) {

        public SignIn {
            perAddress = Rate.orDefault(perAddress, DEFAULT_PER_ADDRESS);
            perUsername = Rate.orDefault(perUsername, DEFAULT_PER_USERNAME);
        }
    }

    /**
     * {@code capacity} requests at once, refilled evenly over {@code period}: 20 per 10 minutes is 20
     * at once, then one every 30 seconds.
     */
    public record Rate(long capacity, Duration period) {

        public Rate {
            if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("sv.limits: a rate needs a capacity of at least 1 and a positive period");
            }
        }

        static List<Rate> orDefault(List<Rate> rates, List<Rate> defaults) {
            return rates == null || rates.isEmpty() ? defaults : List.copyOf(rates);
        }
    }
}
