package org.survivorvoice.storage;

/** A database server this process started and owns; closing it stops the server. */
interface EmbeddedDatabase extends AutoCloseable {

    /** A {@code mongodb://} connection string to the running server, database included. */
    String connectionString();

    /** What runs and where its files are, for the log and the health endpoint. */
    String description();

    @Override
    void close();
}
