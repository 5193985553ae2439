package org.survivorvoice.storage;

/** What the application is connected to, in words, for the health endpoint. */
public record StorageEngine(String description) {
}
