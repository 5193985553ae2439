package org.survivorvoice.importing;

/**
 * One problem found in an import file.
 *
 * @param line    where it is in the file, the header being line 1 (the line a row starts on, if a
 *                cell spans lines); null for a problem with the file as a whole
 * @param column  the column's name in the header; null for a problem with a whole row or the file
 * @param message what is wrong, in words the officer can act on (never quoting the cell)
 */
public record ImportProblem(Integer line, String column, String message) {
}
