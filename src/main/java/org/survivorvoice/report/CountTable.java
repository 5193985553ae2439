package org.survivorvoice.report;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The aggregate counts of a period, summed over its quarters and the chosen channels. */
final class CountTable {

    private final Map<CountKey, Long> byQuarter;
    private final Map<String, Long> summed = new HashMap<>();

    CountTable(Collection<ReportCount> counts, Predicate<String> channel) {
        this.byQuarter = new HashMap<>();
        for (ReportCount count : counts) {
            if (channel.test(count.channel())) {
                CountKey key = count.countKey();
                byQuarter.merge(key, count.n(), Long::sum);
                summed.merge(key(key.kind(), key.subject(), key.key(), key.sentiment()), count.n(), Long::sum);
            }
        }
    }

    long get(CountKey.Kind kind, String subject, String key) {
        return get(kind, subject, key, "");
    }

    long get(CountKey.Kind kind, String subject, String key, String sentiment) {
        return summed.getOrDefault(key(kind, subject, key, sentiment), 0L);
    }

    /** Sum over every key (and sentiment) of one kind and subject. */
    long total(CountKey.Kind kind, String subject) {
        return byQuarter.entrySet().stream()
                .filter(e -> e.getKey().kind() == kind && e.getKey().subject().equals(subject))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Sum over every subject of one kind and key. */
    long acrossSubjects(CountKey.Kind kind, String key, Predicate<String> subjects) {
        return byQuarter.entrySet().stream()
                .filter(e -> e.getKey().kind() == kind && e.getKey().key().equals(key) && subjects.test(e.getKey().subject()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** The quarters in which anything of this kind and subject was counted. */
    Set<String> quarters(CountKey.Kind kind, String subject) {
        Set<String> quarters = new TreeSet<>();
        byQuarter.forEach((key, n) -> {
            if (n > 0 && key.kind() == kind && key.subject().equals(subject)) {
                quarters.add(key.quarter());
            }
        });
        return quarters;
    }

    private static String key(CountKey.Kind kind, String subject, String key, String sentiment) {
        return kind + "|" + subject + "|" + key + "|" + sentiment;
    }
}
