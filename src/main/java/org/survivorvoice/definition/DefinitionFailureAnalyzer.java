package org.survivorvoice.definition;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a broken definition file into Spring Boot's short start-up report instead of a stack trace. */
class DefinitionFailureAnalyzer extends AbstractFailureAnalyzer<DefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DefinitionException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct " + cause.file() + " (the format is described in surveys/README.md) and start again.", cause);
    }
}
