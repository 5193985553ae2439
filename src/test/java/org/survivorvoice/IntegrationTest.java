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
 * The whole application on a random port, on the in-process engine (so tests pass offline) with
 * its data in a fresh temporary directory, free text encrypted with {@link TestKeys}, and a
 * WebTestClient pointed at it. All classes with this annotation share one application. Its rate
 * limits are far above what any test sends from 127.0.0.1 ({@link LimitedIntegrationTest} tests
 * the limits themselves). {@link RouteProbe} lets access-control tests reach a route without
 * running it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sv.storage.engine=in-process",
        "sv.analysis.retraining-folds=2",
        // the retention job runs only when a test starts it, with a cut-off of its own
        "sv.retention.schedule=-",
        "sv.admin.username=" + TestAccounts.ADMIN,
        "sv.admin.password=" + TestAccounts.PASSWORD,
        "sv.encryption.key-id=" + TestKeys.CURRENT,
        "sv.encryption.keys." + TestKeys.CURRENT + "=" + TestKeys.CURRENT_KEY,
        "sv.encryption.keys." + TestKeys.OLDER + "=" + TestKeys.OLDER_KEY,
        "sv.limits.submissions[0].capacity=1000000", "sv.limits.submissions[0].period=1m",
        "sv.limits.sign-in.per-address[0].capacity=100000", "sv.limits.sign-in.per-address[0].period=1m",
        "sv.limits.sign-in.per-username[0].capacity=100000", "sv.limits.sign-in.per-username[0].period=1m"})
@AutoConfigureWebTestClient
@ContextConfiguration(initializers = TemporaryDataDirectory.class)
@Import(RouteProbe.class)
public @interface IntegrationTest {
}
