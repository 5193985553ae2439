package org.survivorvoice.encryption;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A wrongly configured encryption key: one readable message in Spring Boot's start-up report, no stack trace. */
class EncryptionFailureAnalyzer extends AbstractFailureAnalyzer<EncryptionConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EncryptionConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set sv.encryption.key-id (SV_ENCRYPTION_KEY_ID) to the id of the key that encrypts new values, and "
                        + "sv.encryption.keys.<id> (SV_ENCRYPTION_KEYS_<ID>) to base64 of 32 random bytes for that key and every "
                        + "older one still in use. Make a key with: openssl rand -base64 32", cause);
    }
}
