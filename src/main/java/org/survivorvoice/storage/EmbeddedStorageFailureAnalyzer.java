package org.survivorvoice.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** The embedded database could not start: say why in Spring Boot's short start-up report. */
class EmbeddedStorageFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedStorageException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedStorageException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "See README.md, 'Storage modes'. sv.storage.data-dir chooses the data directory.", cause);
    }
}
