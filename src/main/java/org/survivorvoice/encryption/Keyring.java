package org.survivorvoice.encryption;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The configured AES-256 keys by id, and the id of the one new values are encrypted with. Several
 * keys may be configured so that values encrypted with an older key can still be read until they
 * are re-encrypted ({@link Rekeying}).
 */
public final class Keyring {

    /** Key ids are stored with every value: short, and expressible as an environment variable suffix. */
    static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    static final int KEY_BYTES = 32;

    private static final Keyring NONE = new Keyring(null, Map.of());

    private final String currentId;
    private final Map<String, SecretKey> keys;

    private Keyring(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Collections.unmodifiableMap(new TreeMap<>(keys));
    }

    /** No keys: free text is stored as it is. */
    public static Keyring none() {
        return NONE;
    }

    /**
     * Checks the configuration and builds the keyring.
     *
     * @throws EncryptionConfigurationException naming the property that is wrong and why (never the key)
     */
    public static Keyring of(EncryptionProperties properties) {
        String currentId = blankToNull(properties.keyId());
        if (currentId != null) {
            currentId = currentId.strip().toLowerCase(Locale.ROOT);
            checkId("sv.encryption.key-id", currentId);
        }
        Map<String, SecretKey> keys = new TreeMap<>();
        for (Map.Entry<String, String> entry : properties.keys().entrySet()) {
            String id = entry.getKey().strip().toLowerCase(Locale.ROOT);
            String property = "sv.encryption.keys." + entry.getKey();
            checkId(property, id);
            if (keys.containsKey(id)) {
                throw new EncryptionConfigurationException("Two keys are configured with the id '" + id
                        + "' (key ids are not case-sensitive): give each key its own id");
            }
            keys.put(id, new SecretKeySpec(decode(property, entry.getValue()), "AES"));
        }
        if (currentId == null && !keys.isEmpty()) {
            throw new EncryptionConfigurationException("sv.encryption.keys holds " + String.join(", ", keys.keySet())
                    + ", but sv.encryption.key-id is not set: it names the key that encrypts new values");
        }
        if (currentId != null && !keys.containsKey(currentId)) {
            throw new EncryptionConfigurationException("sv.encryption.key-id is '" + currentId + "', but there is no key "
                    + "sv.encryption.keys." + currentId + " (SV_ENCRYPTION_KEYS_" + currentId.toUpperCase(Locale.ROOT).replace('-', '_')
                    + ")" + (keys.isEmpty() ? "" : "; the keys configured are " + String.join(", ", keys.keySet())));
        }
        if (currentId == null && properties.required()) {
            throw new EncryptionConfigurationException("sv.encryption.required is true, but no encryption key is configured: "
                    + "free text would be stored unencrypted");
        }
        return currentId == null ? NONE : new Keyring(currentId, keys);
    }

    private static void checkId(String property, String id) {
        if (!KEY_ID.matcher(id).matches()) {
            throw new EncryptionConfigurationException(property + ": '" + id + "' is not a usable key id: use 1 to 32 "
                    + "lowercase letters, digits and hyphens, starting with a letter or digit (for example k2025)");
        }
    }

    private static byte[] decode(String property, String value) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new EncryptionConfigurationException(property + " is empty: it must be base64 of 32 random bytes");
        }
        byte[] key;
        try {
            key = (text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
        } catch (IllegalArgumentException e) {
            throw new EncryptionConfigurationException(property + " is not valid base64: it must be base64 of 32 random bytes");
        }
        if (key.length != KEY_BYTES) {
            throw new EncryptionConfigurationException(property + " is " + key.length + " bytes long; an AES-256 key is "
                    + KEY_BYTES + " bytes (44 base64 characters)");
        }
        byte[] first = new byte[KEY_BYTES];
        Arrays.fill(first, key[0]);
        if (Arrays.equals(first, key)) {
            throw new EncryptionConfigurationException(property + " is " + KEY_BYTES + " times the same byte: "
                    + "that is a placeholder, not a key");
        }
        return key;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Whether new values are encrypted (a key is configured). */
    public boolean encrypts() {
        return currentId != null;
    }

    /** The id of the key new values are encrypted with, or null when there is none. */
    public String currentId() {
        return currentId;
    }

    /** Every configured key id, in order. */
    public Set<String> ids() {
        return keys.keySet();
    }

    /** The key with this id, or null when it is not configured. */
    SecretKey key(String id) {
        return keys.get(id);
    }

    /** Never the keys. */
    @Override
    public String toString() {
        return "Keyring[current=" + currentId + ", ids=" + keys.keySet() + "]";
    }
}
