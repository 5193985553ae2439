package org.survivorvoice.analysis;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A trained analysis model as stored (gzipped), with what it was trained on and how it scored.
 *
 * @param resources    fingerprint of the codebook, lexicon, rules and features it was trained with
 * @param trainingIds  the labelled comments it learnt from (corpus ids and comment ids), so that a
 *                     later retraining can compare itself with this model on equal terms
 * @param report       the evaluation printed when it was trained
 */
@Document("analysis_models")
public record StoredModel(@Id String id, Instant trainedAt, String description, String resources, List<String> trainingIds,
                          String report, byte[] bytes) {
}
