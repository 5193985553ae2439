package org.survivorvoice.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param threshold disclosure control: a count from 1 to {@code threshold - 1} is published as
 *                  "fewer than {@code threshold}" in every table, export and API answer
 */
@ConfigurationProperties("sv.reports")
public record ReportProperties(@DefaultValue("5") int threshold) {

    public ReportProperties {
        if (threshold < 1) {
            throw new IllegalArgumentException("sv.reports.threshold must be at least 1");
        }
    }
}
