package org.survivorvoice.report;

/** One aggregate cell ({@link CountKey}) of one generation ({@code epoch}) of the aggregates, as read from the store. */
record ReportCount(long epoch, String kind, String quarter, String channel, String subject, String key, String sentiment, long n) {

    CountKey countKey() {
        return new CountKey(CountKey.Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT)), quarter, channel, subject, key, sentiment);
    }

    static ReportCount of(long epoch, CountKey key, long n) {
        return new ReportCount(epoch, key.kind().id(), key.quarter(), key.channel(), key.subject(), key.key(), key.sentiment(), n);
    }
}
