package org.survivorvoice.audit;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The audit log could not be written, so the action it was to record did not happen: nothing was
 * shown, exported or erased. A 503: the client may try again.
 */
public class AuditUnavailableException extends ResponseStatusException {

    public AuditUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "The audit log could not be written, so this was not done. Please try again later.", cause);
    }
}
