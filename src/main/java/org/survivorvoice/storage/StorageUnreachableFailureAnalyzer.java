package org.survivorvoice.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The database did not answer at start-up: one line in Spring Boot's short start-up report, no stack trace. */
class StorageUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<StorageUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StorageUnreachableException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "See README.md, 'Storage modes'. sv.storage.timeouts.server-selection sets how long to wait.", null);
    }
}
