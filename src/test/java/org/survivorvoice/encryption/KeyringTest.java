package org.survivorvoice.encryption;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.survivorvoice.encryption.FreeTextCipherTest.KEY_A;
import static org.survivorvoice.encryption.FreeTextCipherTest.KEY_B;

/** The key configuration is checked at start-up, with a message that names the property and never the key. */
class KeyringTest {

    private static Keyring keyring(String keyId, Map<String, String> keys) {
        return Keyring.of(new EncryptionProperties(keyId, keys, false));
    }

    private static void refused(String keyId, Map<String, String> keys, String message) {
        assertThatThrownBy(() -> keyring(keyId, keys))
                .isInstanceOf(EncryptionConfigurationException.class)
                .hasMessage(message)
                .satisfies(e -> keys.values().stream().filter(key -> key.length() > 8)
                        .forEach(key -> assertThat(e.getMessage()).doesNotContain(key)));
    }

    @Test
    void noKeyMeansNoEncryption() {
        Keyring none = keyring(null, Map.of());
        assertThat(none.encrypts()).isFalse();
        assertThat(none.currentId()).isNull();
        assertThat(keyring(" ", null).encrypts()).isFalse();
    }

    @Test
    void theCurrentKeyAndOlderOnesAreKeptById() {
        Keyring keyring = keyring("k2025", Map.of("k2025", KEY_B, "k2024", KEY_A));
        assertThat(keyring.encrypts()).isTrue();
        assertThat(keyring.currentId()).isEqualTo("k2025");
        assertThat(keyring.ids()).containsExactly("k2024", "k2025");
        assertThat(keyring.key("k2024").getEncoded()).isEqualTo(Base64.getDecoder().decode(KEY_A));
        assertThat(keyring.toString()).doesNotContain(KEY_A).doesNotContain(KEY_B);
    }

    @Test
    void idsAreNotCaseSensitiveAsEnvironmentVariablesAreUpperCase() {
        // SV_ENCRYPTION_KEY_ID=K2025 with SV_ENCRYPTION_KEYS_K2025=...
        Keyring keyring = keyring("K2025", Map.of("k2025", KEY_A));
        assertThat(keyring.currentId()).isEqualTo("k2025");
        refused("k1", Map.of("k1", KEY_A, "K1", KEY_B), "Two keys are configured with the id 'k1' (key ids are not case-sensitive): "
                + "give each key its own id");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        String sixteen = Base64.getEncoder().encodeToString("0123456789abcdef".getBytes());
        refused("k1", Map.of("k1", sixteen),
                "sv.encryption.keys.k1 is 16 bytes long; an AES-256 key is 32 bytes (44 base64 characters)");
    }

    @Test
    void aKeyThatIsNotBase64IsRefused() {
        refused("k1", Map.of("k1", "not base64 at all!"), "sv.encryption.keys.k1 is not valid base64: it must be base64 of 32 random bytes");
        refused("k1", Map.of("k1", ""), "sv.encryption.keys.k1 is empty: it must be base64 of 32 random bytes");
    }

    @Test
    void aPlaceholderKeyIsRefused() {
        refused("k1", Map.of("k1", Base64.getEncoder().encodeToString(new byte[32])),
                "sv.encryption.keys.k1 is 32 times the same byte: that is a placeholder, not a key");
    }

    @Test
    void theCurrentKeyMustBeConfigured() {
        refused("k2", Map.of("k1", KEY_A), "sv.encryption.key-id is 'k2', but there is no key sv.encryption.keys.k2 "
                + "(SV_ENCRYPTION_KEYS_K2); the keys configured are k1");
        refused("k-2", Map.of(), "sv.encryption.key-id is 'k-2', but there is no key sv.encryption.keys.k-2 (SV_ENCRYPTION_KEYS_K_2)");
    }

    @Test
    void keysWithoutACurrentIdAreRefused() {
        refused(null, Map.of("k1", KEY_A, "k2", KEY_B),
                "sv.encryption.keys holds k1, k2, but sv.encryption.key-id is not set: it names the key that encrypts new values");
    }

    @Test
    void keyIdsAreShortAndPlain() {
        refused("k 1", Map.of("k 1", KEY_A), "sv.encryption.key-id: 'k 1' is not a usable key id: use 1 to 32 lowercase letters, "
                + "digits and hyphens, starting with a letter or digit (for example k2025)");
        refused("k1", Map.of("k1", KEY_A, "-old", KEY_B), "sv.encryption.keys.-old: '-old' is not a usable key id: use 1 to 32 "
                + "lowercase letters, digits and hyphens, starting with a letter or digit (for example k2025)");
    }

    @Test
    void aRequiredKeyThatIsMissingIsRefused() {
        assertThatThrownBy(() -> Keyring.of(new EncryptionProperties(null, Map.of(), true)))
                .isInstanceOf(EncryptionConfigurationException.class)
                .hasMessage("sv.encryption.required is true, but no encryption key is configured: free text would be stored unencrypted");
    }
}
