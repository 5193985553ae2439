/**
 * Import of historic interview records from CSV (one row per interview): a dry run lists every
 * problem by line and column, a real run stores all rows or none, and never the same file twice.
 *
 * <p>A feature of its own rather than part of {@code recording}: it has its own file format, its own
 * stored record (the {@code imports} collection), its own page and API, and it records nothing one
 * question at a time. It reuses {@code response} for the rules ({@code AnswerValidator}) and for
 * storage ({@code ResponseService#storeAll}), so an imported interview is stored exactly as a
 * recorded one.
 */
package org.survivorvoice.importing;
