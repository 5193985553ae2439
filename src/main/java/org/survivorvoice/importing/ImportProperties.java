package org.survivorvoice.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of an import file.
 *
 * @param maxFileSize the largest file accepted (the upload is refused with 413 beyond it)
 * @param maxRows     the most interviews (rows under the header) in one file
 */
@ConfigurationProperties("sv.import")
public record ImportProperties(
        @DefaultValue("5MB") DataSize maxFileSize,
        @DefaultValue("5000") int maxRows) {

    /** "5 MB", for messages and pages. */
    public String maxFileSizeText() {
        long bytes = maxFileSize.toBytes();
        return bytes % DataSize.ofMegabytes(1).toBytes() == 0 ? bytes / DataSize.ofMegabytes(1).toBytes() + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** "5,000", for messages and pages. */
    public String maxRowsText() {
        return String.format("%,d", maxRows);
    }
}
