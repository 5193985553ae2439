package org.survivorvoice.analysis;

/**
 * Told whenever the labels reports use ({@link Comment#effective()}) may have changed: the analysis
 * finished a comment, or the officer reviewed one. It must return at once (the report aggregates
 * queue the recount). If it is missed, {@link Comment#recount()} stays set and the comment is
 * found again later.
 */
public interface CommentLabelsListener {

    void labelsChanged(String commentId);
}
