package org.survivorvoice.encryption;

/** The encryption keys are configured wrongly; the message says what is wrong, never what a key is. */
public class EncryptionConfigurationException extends RuntimeException {

    EncryptionConfigurationException(String message) {
        super(message);
    }
}
