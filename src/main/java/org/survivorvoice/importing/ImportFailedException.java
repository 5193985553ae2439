package org.survivorvoice.importing;

/** Storing the interviews failed part way; what had been stored was removed again, so nothing was imported. */
class ImportFailedException extends RuntimeException {

    static final String MESSAGE = "The import failed part way on our side. Everything it had stored was removed again: "
            + "nothing was imported. Please try again.";

    ImportFailedException(Throwable cause) {
        super(MESSAGE, cause);
    }
}
