package org.survivorvoice.storage;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/** Tells a database that cannot be reached just now from every other failure. */
public final class StorageFailures {

    private StorageFailures() {
    }

    /**
     * Whether {@code failure} (or one of its causes) says the database could not be reached: no
     * server within the selection timeout, a connection refused, reset or timed out, or a server
     * that is not (or no longer) able to take writes. Such a failure is a 503, and nothing was stored
     * by the operation that met it (an insert whose answer was lost may still have been stored).
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof MongoTimeoutException
                    || t instanceof MongoSocketException
                    || t instanceof MongoNotPrimaryException
                    || t instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }
}
