package org.survivorvoice.storage;

/**
 * The database did not answer at start-up. The message is one line that names the server (never
 * the credentials), says why and what to check.
 */
public class StorageUnreachableException extends RuntimeException {

    StorageUnreachableException(String message) {
        super(message);
    }
}
