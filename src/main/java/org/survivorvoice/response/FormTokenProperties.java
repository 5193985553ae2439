package org.survivorvoice.response;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The signed token in the anonymous form ({@link FormTokens}).
 *
 * @param key      the HMAC key, at least 32 characters; several instances behind one address need the
 *                 same key. Without one, each process makes a random key at start, and a form loaded
 *                 before a restart is refused once ("This page had expired"), with its answers kept.
 * @param validity how long a loaded form may wait before it is sent (whole hours; at least 1 hour)
 */
@ConfigurationProperties("sv.public.form-token")
public record FormTokenProperties(String key, @DefaultValue("12h") Duration validity) {

    static final int MIN_KEY_LENGTH = 32;

    public FormTokenProperties {
        if (key != null && !key.isBlank() && key.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("sv.public.form-token.key must be at least " + MIN_KEY_LENGTH
                    + " characters (or left out for a random key per process)");
        }
        if (validity.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("sv.public.form-token.validity must be at least 1h");
        }
    }

    boolean hasKey() {
        return key != null && !key.isBlank();
    }
}
