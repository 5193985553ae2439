package org.survivorvoice.analysis;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The one document that says which model is active and which analysis run is current: comments
 * whose {@code generation} is older are due for analysis again.
 */
@Document("analysis_state")
record AnalysisState(@Id String id, String activeModel, int generation, long runTotal) {

    static final String ID = "state";
}
