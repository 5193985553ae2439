package org.survivorvoice.importing;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The same file (the same content) was imported before, or is being imported now; nothing was stored. */
class AlreadyImportedException extends RuntimeException {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));

    private final transient ImportRecord earlier;

    AlreadyImportedException(ImportRecord earlier) {
        super(null, null, false, false);
        this.earlier = earlier;
    }

    ImportRecord earlier() {
        return earlier;
    }

    /** What the officer is told. */
    @Override
    public String getMessage() {
        String interviews = ImportCheck.interviews(earlier.interviews());
        return earlier.state() == ImportRecord.State.RUNNING
                ? "This file is being imported now (" + interviews + ", started by " + earlier.importedBy() + " on "
                        + WHEN.format(earlier.startedAt()) + "). Nothing was imported again."
                : "This file was already imported by " + earlier.importedBy() + " on " + WHEN.format(earlier.finishedAt()) + " ("
                        + interviews + "). Nothing was imported again, so no interview is counted twice.";
    }
}
