package org.survivorvoice.encryption;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys free text is encrypted with at rest. Checked at start-up by {@link Keyring#of}.
 *
 * @param keyId    the key new values are encrypted with ({@code SV_ENCRYPTION_KEY_ID}); unset with no keys: free text is
 *                 stored unencrypted (development), and a warning says so at start-up
 * @param keys     key id to the key, base64 of 32 random bytes ({@code SV_ENCRYPTION_KEYS_<ID>}); older keys stay here
 *                 as long as values encrypted with them may remain
 * @param required true to refuse to start without a key (production)
 */
@ConfigurationProperties("sv.encryption")
public record EncryptionProperties(String keyId, Map<String, String> keys, @DefaultValue("false") boolean required) {

    public EncryptionProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    /** What the log and error messages may show: the key ids, never the keys. */
    @Override
    public String toString() {
        return "EncryptionProperties[keyId=" + keyId + ", keys=" + keys.keySet() + ", required=" + required + "]";
    }
}
