package org.survivorvoice.response;

import org.survivorvoice.survey.Instrument;
import reactor.core.publisher.Mono;

/**
 * Told about every response once it is stored (the analysis queues its comments). It must be quick:
 * the submitter is waiting. A failure does not undo the response; {@link Response#analysisQueued()}
 * stays false and the listener's owner picks the response up again later.
 */
public interface ResponseStoredListener {

    Mono<Void> stored(Response response, Instrument instrument);
}
