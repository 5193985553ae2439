package org.survivorvoice.analysis;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * A part of the comment review page that another feature provides (the quote, for one), so that
 * this package need not know that feature.
 */
public interface CommentPagePart {

    /** Entries for the page's model; keys must not clash with the page's own. */
    Mono<Map<String, Object>> model(Comment comment);
}
