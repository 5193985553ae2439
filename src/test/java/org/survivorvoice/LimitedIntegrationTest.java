package org.survivorvoice;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link IntegrationTest}, but with small rate limits and a {@link ManualTimeMeter} that only the
 * test moves, for the tests of the limits themselves. All classes with this annotation share one
 * second application: its limits are per client address, and every test comes from 127.0.0.1, so a
 * test starts by moving the time on until every bucket is full again.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sv.storage.engine=in-process",
        "sv.analysis.retraining-folds=2",
        "sv.admin.username=" + TestAccounts.ADMIN,
        "sv.admin.password=" + TestAccounts.PASSWORD,
        "sv.limits.submissions[0].capacity=" + LimitedIntegrationTest.SUBMISSIONS,
        "sv.limits.submissions[0].period=" + LimitedIntegrationTest.PERIOD,
        "sv.limits.sign-in.per-address[0].capacity=" + LimitedIntegrationTest.SIGN_IN_PER_ADDRESS,
        "sv.limits.sign-in.per-address[0].period=" + LimitedIntegrationTest.PERIOD,
        "sv.limits.sign-in.per-username[0].capacity=" + LimitedIntegrationTest.SIGN_IN_PER_USERNAME,
        "sv.limits.sign-in.per-username[0].period=" + LimitedIntegrationTest.PERIOD,
        // As behind a reverse proxy: the client address comes from X-Forwarded-For, so tests can be several clients.
        "server.forward-headers-strategy=framework"})
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = TemporaryDataDirectory.class)
@Import(ManualTimeMeter.class)
public @interface LimitedIntegrationTest {

    /** Anonymous responses per address per {@link #PERIOD}. */
    int SUBMISSIONS = 3;
    /** Failed sign-ins per address per {@link #PERIOD}. */
    int SIGN_IN_PER_ADDRESS = 8;
    /** Failed sign-ins per username per {@link #PERIOD}. */
    int SIGN_IN_PER_USERNAME = 3;
    /** In {@link ManualTimeMeter} time: a bucket refills one token every PERIOD / capacity. */
    String PERIOD = "30m";
}
