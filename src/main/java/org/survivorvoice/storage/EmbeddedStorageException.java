package org.survivorvoice.storage;

/** The embedded database could not be started; the message says why and what to do. */
public class EmbeddedStorageException extends RuntimeException {

    EmbeddedStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
