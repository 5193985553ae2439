package org.survivorvoice.encryption;

/**
 * A stored encrypted value cannot be decrypted: its key is not configured, or it was altered or
 * moved from where it was written. The message names the place and the key id, never the text.
 */
public class UnreadableFreeTextException extends RuntimeException {

    private final String keyId;

    UnreadableFreeTextException(String message, String keyId, Throwable cause) {
        super(message, cause);
        this.keyId = keyId;
    }

    /** The key id stored with the value, or null when even that could not be read. */
    public String keyId() {
        return keyId;
    }
}
