package org.survivorvoice.definition;

/**
 * A definition file (instrument, agencies, codebook) breaks a rule. The message is one line naming
 * the file, where in it (section, question) and the problem.
 */
public class DefinitionException extends RuntimeException {

    private final String file;
    private final String problem;

    public DefinitionException(String file, String where, String problem) {
        super(file + (where.isEmpty() ? "" : ": " + where) + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public String problem() {
        return problem;
    }
}
