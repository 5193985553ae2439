package org.survivorvoice.backup;

/** An export file that cannot be restored: which line (0 for the file as a whole) and why, never its content. */
class ExportFileException extends RuntimeException {

    private final long line;

    ExportFileException(long line, String reason) {
        super(reason);
        this.line = line;
    }

    /** 1 is the header; 0 means the file as a whole. */
    long line() {
        return line;
    }

    String describe(java.nio.file.Path file) {
        return file + (line > 0 ? " line " + line : "") + ": " + getMessage();
    }
}
