package org.survivorvoice.encryption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The keys, checked at start-up, and one line in the log saying whether free text is encrypted. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionProperties.class)
class EncryptionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);

    @Bean
    Keyring keyring(EncryptionProperties properties) {
        Keyring keyring = Keyring.of(properties);
        if (keyring.encrypts()) {
            var older = keyring.ids().stream().filter(id -> !id.equals(keyring.currentId())).toList();
            log.info("Free text is encrypted at rest (AES-256-GCM) with key '{}'{}", keyring.currentId(),
                    older.isEmpty() ? "" : "; values encrypted with " + String.join(", ", older) + " can still be read");
        } else {
            log.warn("Free text (comments, interview and focus group notes, drafts, quotes) is stored UNENCRYPTED: no encryption "
                    + "key is configured. Set SV_ENCRYPTION_KEY_ID (e.g. k1) and SV_ENCRYPTION_KEYS_K1 to base64 of 32 random bytes "
                    + "(openssl rand -base64 32), or sv.encryption.key-id and sv.encryption.keys.<id>");
        }
        return keyring;
    }

    @Bean
    FreeTextCipher freeTextCipher(Keyring keyring) {
        return new FreeTextCipher(keyring);
    }
}
