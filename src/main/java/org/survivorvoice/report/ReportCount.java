package org.survivorvoice.report;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored aggregate cell ({@link CountKey}) of one generation ({@code epoch}) of the aggregates.
 * A rebuild writes a new generation beside the old one and then switches to it, so a report never
 * reads a half-built set.
 */
@Document("report_counts")
record ReportCount(@Id String id, long epoch, String kind, String quarter, String channel, String subject, String key,
                   String sentiment, long n) {

    CountKey countKey() {
        return new CountKey(CountKey.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), quarter, channel, subject, key, sentiment);
    }

    static ReportCount of(long epoch, CountKey key, long n) {
        return new ReportCount(key.id(epoch), epoch, key.kind().id(), key.quarter(), key.channel(), key.subject(), key.key(),
                key.sentiment(), n);
    }
}
